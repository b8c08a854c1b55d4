package ${package};

import dev.tdeveloper.cost.allocation.Asset;
import dev.tdeveloper.cost.spi.BillingImporter;
import dev.tdeveloper.cost.testkit.BillingImporterContract;
import java.util.List;

/** Holds {@link ${cloud}BillingImporter} to the SDK's contract kit; fails until it is implemented. */
class ${cloud}BillingImporterTest extends BillingImporterContract {
  /**
   * Returns an importer over a bill holding exactly {@code bill}, in that order: write it where the
   * importer reads (a FOCUS export of its own in a test bucket, or a fake of ${cloud}'s billing API
   * answering with these lines), never over a real account's bill.
   */
  @Override
  protected BillingImporter importerOver(List<Asset> bill) {
    return new ${cloud}BillingImporter();
  }

  /**
   * Returns an importer over {@link #knownBill()} written the same way, except that the second
   * asset's effective cost is text that is not a number.
   */
  @Override
  protected BillingImporter importerOverCorruptBill() {
    return new ${cloud}BillingImporter();
  }
}
