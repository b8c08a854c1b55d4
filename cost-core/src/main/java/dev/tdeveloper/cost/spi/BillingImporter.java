package dev.tdeveloper.cost.spi;

import dev.tdeveloper.cost.allocation.Asset;
import dev.tdeveloper.cost.usage.CostPeriod;
import java.util.List;

/**
 * Reads a cloud's bill as assets: the cost side of allocation. A FOCUS export (AWS Data Exports,
 * Azure Cost Management, Google Cloud billing export) or a provider's own API. Thread-safe.
 */
public interface BillingImporter {
  /**
   * Names the importer in errors and reports, {@code "focus-csv"} for example.
   *
   * @return a stable name
   */
  String name();

  /**
   * The assets whose charge period lies inside {@code period}.
   *
   * @param period the period to read
   * @return the assets, in the bill's order
   * @throws dev.tdeveloper.cost.CostException when the bill cannot be read, naming the row and
   *     column at fault
   */
  List<Asset> assets(CostPeriod period);
}
