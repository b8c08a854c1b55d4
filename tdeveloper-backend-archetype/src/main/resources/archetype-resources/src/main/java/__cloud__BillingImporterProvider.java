package ${package};

import dev.tdeveloper.cost.spi.BillingImporter;
import dev.tdeveloper.cost.spi.BillingImporterProvider;
import java.util.Map;

/** The {@code ${cloud.toLowerCase()}} {@link BillingImporterProvider}, found by {@link java.util.ServiceLoader}. */
public final class ${cloud}BillingImporterProvider implements BillingImporterProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public ${cloud}BillingImporterProvider() {}

  @Override
  public String name() {
    return "${cloud.toLowerCase()}";
  }

  /**
   * Creates the importer; read the ${cloud} endpoint, credentials and billing account or export
   * location from {@code properties} (keys starting with {@code ${cloud.toLowerCase()}.}, any other
   * key refused by name with an {@code IllegalArgumentException}).
   */
  @Override
  public BillingImporter create(Map<String, String> properties) {
    return new ${cloud}BillingImporter();
  }
}
