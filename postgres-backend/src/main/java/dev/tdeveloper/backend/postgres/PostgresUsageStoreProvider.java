package dev.tdeveloper.backend.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.tdeveloper.backend.postgres.internal.PoolSettings;
import dev.tdeveloper.tenancy.spi.UsageStore;
import dev.tdeveloper.tenancy.spi.UsageStoreException;
import dev.tdeveloper.tenancy.spi.UsageStoreProvider;
import java.util.Map;

/**
 * The {@value #NAME} {@link UsageStoreProvider}: a {@link PostgresUsageStore} over a HikariCP pool
 * of its own, with the table created when missing. Properties:
 *
 * <ul>
 *   <li>{@value #URL} (required): the {@code jdbc:postgresql://} URL;
 *   <li>{@value #USER}, {@value #PASSWORD}: credentials, unless in the URL;
 *   <li>{@value #TABLE}: the table, optionally schema-qualified; defaults to {@value
 *       PostgresUsageStore#DEFAULT_TABLE};
 *   <li>{@value #POOL_SIZE}: the pool's maximum size, 1 to 100; defaults to {@value
 *       #DEFAULT_POOL_SIZE}.
 * </ul>
 *
 * <p>Other keys are refused rather than ignored. Closing the store closes its pool. Stateless and
 * thread-safe.
 */
public final class PostgresUsageStoreProvider implements UsageStoreProvider {
  /** The provider's name: {@value}. */
  public static final String NAME = "postgres";

  /** Property: the JDBC URL. */
  public static final String URL = "url";

  /** Property: the user name. */
  public static final String USER = "user";

  /** Property: the password. */
  public static final String PASSWORD = "password";

  /** Property: the table. */
  public static final String TABLE = "table";

  /** Property: the pool's maximum size. */
  public static final String POOL_SIZE = "pool-size";

  /** The default pool size: {@value}. */
  public static final int DEFAULT_POOL_SIZE = 4;

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public PostgresUsageStoreProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Opens the pool, creates the table if missing and returns the store.
   *
   * @throws IllegalArgumentException if a key is unknown, {@value #URL} is missing or not a
   *     PostgreSQL URL, {@value #TABLE} is not a table name or {@value #POOL_SIZE} is not 1 to 100
   * @throws UsageStoreException if the database cannot be reached or refuses
   */
  @Override
  public UsageStore create(Map<String, String> properties) {
    PoolSettings settings =
        PoolSettings.parse(
            properties,
            "",
            NAME + " usage store",
            PostgresUsageStore.DEFAULT_TABLE,
            DEFAULT_POOL_SIZE);
    HikariDataSource dataSource;
    try {
      dataSource = settings.open("usage-store");
    } catch (RuntimeException e) {
      throw new UsageStoreException(
          "could not connect the " + NAME + " usage store: " + e.getMessage(), e);
    }
    try {
      PostgresUsageStore store =
          PostgresUsageStore.owning(dataSource, dataSource, settings.table());
      store.createTable();
      return store;
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }
}
