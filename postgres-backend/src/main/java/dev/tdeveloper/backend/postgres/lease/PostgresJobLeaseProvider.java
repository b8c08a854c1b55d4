package dev.tdeveloper.backend.postgres.lease;

import dev.tdeveloper.backend.postgres.internal.ProviderPool;
import dev.tdeveloper.tenancy.spi.JobLease;
import dev.tdeveloper.tenancy.spi.JobLeaseException;
import dev.tdeveloper.tenancy.spi.JobLeaseProvider;
import java.util.Map;

/**
 * The {@value #NAME} {@link JobLeaseProvider}: a {@link PostgresJobLease} over a HikariCP pool of
 * its own. The table must be installed already ({@link PostgresJobLease#install}, as its owner);
 * the leases connect as the application role. Settings:
 *
 * <ul>
 *   <li>{@code url} (required): the {@code jdbc:postgresql://} URL;
 *   <li>{@code user}, {@code password}: the application role's credentials, unless in the URL;
 *   <li>{@code table}: the lease table, optionally schema-qualified; defaults to {@value
 *       PostgresJobLease#DEFAULT_TABLE};
 *   <li>{@code pool-size}: the pool's maximum size, 1 to 100; defaults to 2.
 * </ul>
 *
 * <p>Other keys are refused rather than ignored. Closing the leases closes the pool. Stateless and
 * thread-safe.
 */
public final class PostgresJobLeaseProvider implements JobLeaseProvider {
  /** The provider's name: {@value}. */
  public static final String NAME = "postgres";

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public PostgresJobLeaseProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Opens the pool and checks that the table is installed and usable.
   *
   * @throws IllegalArgumentException naming an unknown, missing or invalid setting
   * @throws JobLeaseException if the database cannot be reached or the table is not installed
   */
  @Override
  public JobLease create(Map<String, String> properties) {
    ProviderPool pool =
        ProviderPool.open(
            properties,
            NAME + " job lease",
            PostgresJobLease.DEFAULT_TABLE,
            JobLeaseException::new);
    PostgresJobLease leases =
        new PostgresJobLeaseBuilder(pool.dataSource(), pool.dataSource())
            .table(pool.table())
            .build();
    try {
      leases.check();
      return leases;
    } catch (RuntimeException e) {
      leases.close();
      throw e;
    }
  }
}
