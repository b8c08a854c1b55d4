package dev.tdeveloper.tenancy.spi;

import java.util.Map;

/**
 * Creates a {@link JobLease}; found through {@link java.util.ServiceLoader} ({@code
 * META-INF/services/dev.tdeveloper.tenancy.spi.JobLeaseProvider}) and picked with {@link
 * ProviderSelector}. tenancy-core registers {@code in-process}.
 *
 * <p>Implementations must be thread-safe and have a public no-argument constructor.
 */
public interface JobLeaseProvider extends NamedProvider {
  /**
   * Creates leases configured by {@code properties}; each provider documents the keys it reads and
   * rejects unknown ones.
   *
   * @throws IllegalArgumentException naming a missing, unknown or invalid property
   */
  JobLease create(Map<String, String> properties);
}
