package dev.tdeveloper.cost.focus;

import dev.tdeveloper.cost.allocation.Asset;
import dev.tdeveloper.cost.spi.BillingImporter;
import dev.tdeveloper.cost.testkit.BillingImporterContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

class FocusCsvBillingImporterContractTest extends BillingImporterContract {
  @TempDir Path dir;

  @Override
  protected BillingImporter importerOver(List<Asset> bill) {
    return FocusCsvBillingImporter.of(FocusBills.write(dir, "bill.csv", FocusBills.csv(bill)));
  }

  @Override
  protected BillingImporter importerOverCorruptBill() {
    String csv =
        FocusBills.csv(
            knownBill(),
            (i, r) -> i == 1 ? FocusBills.set(FocusColumns.EFFECTIVE_COST, "12,5x").apply(r) : r);
    return FocusCsvBillingImporter.of(FocusBills.write(dir, "corrupt.csv", csv));
  }
}
