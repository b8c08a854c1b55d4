package dev.tdeveloper.tenancy.lease;

import dev.tdeveloper.tenancy.spi.JobLease;
import dev.tdeveloper.tenancy.spi.JobLeaseProvider;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The {@value #NAME} {@link JobLeaseProvider}: creates an {@link InProcessJobLease} on the system's
 * monotonic clock. It takes no settings, so a non-empty configuration (most likely meant for
 * another backend) is refused rather than ignored.
 *
 * <p>Stateless and thread-safe.
 */
public final class InProcessJobLeaseProvider implements JobLeaseProvider {
  /** The provider's name: {@value}. */
  public static final String NAME = "in-process";

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public InProcessJobLeaseProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Creates in-process leases.
   *
   * @throws IllegalArgumentException if {@code properties} has any key; this provider takes none
   */
  @Override
  public JobLease create(Map<String, String> properties) {
    Objects.requireNonNull(properties, "properties");
    if (!properties.isEmpty()) {
      throw new IllegalArgumentException(
          "the "
              + NAME
              + " job lease takes no settings, got keys "
              + new TreeSet<>(properties.keySet()));
    }
    return InProcessJobLease.create();
  }
}
