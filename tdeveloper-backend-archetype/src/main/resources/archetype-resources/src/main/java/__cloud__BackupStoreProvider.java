package ${package};

import dev.tdeveloper.dr.spi.BackupStore;
import dev.tdeveloper.dr.spi.BackupStoreProvider;
import java.util.Map;

/** The {@code ${cloud.toLowerCase()}} {@link BackupStoreProvider}, found by {@link java.util.ServiceLoader}. */
public final class ${cloud}BackupStoreProvider implements BackupStoreProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public ${cloud}BackupStoreProvider() {}

  @Override
  public String name() {
    return "${cloud.toLowerCase()}";
  }

  /**
   * Creates the backend; read the ${cloud} endpoint, bucket and key prefix from the settings
   * (credentials from the ${cloud} SDK's own default chain), and reject a setting you do not know.
   */
  @Override
  public BackupStore create(Map<String, String> config) {
    return new ${cloud}BackupStore();
  }
}
