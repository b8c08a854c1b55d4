package dev.tdeveloper.tenancy.spi;

import dev.tdeveloper.tenancy.usage.WindowAggregate;
import java.util.List;

/**
 * Sends closed usage windows to a billing system. Exporting must be idempotent: exporting the same
 * window twice (after a crash, a retry, an overlapping schedule) must not bill it twice, typically
 * by deriving the billing record's identifier from the tenant, meter and window start.
 *
 * <p>Implementations must be thread-safe.
 */
public interface BillingExporter {
  /**
   * Exports the closed windows among {@code windows}; windows still open, and windows without
   * events, are skipped.
   *
   * @return how many records were exported
   * @throws NullPointerException if {@code windows} or an element is null
   * @throws BillingExportException if exporting failed; implementations say what was written
   */
  int export(List<WindowAggregate> windows);
}
