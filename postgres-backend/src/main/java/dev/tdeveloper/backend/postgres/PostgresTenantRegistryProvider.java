package dev.tdeveloper.backend.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.tdeveloper.backend.postgres.internal.PoolSettings;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.spi.TenantRegistryProvider;
import java.util.Map;
import java.util.Objects;

/**
 * The {@value #NAME} {@link TenantRegistryProvider}: a {@link PostgresTenantRegistry} over a
 * HikariCP pool of its own, with the table created when missing. Settings:
 *
 * <ul>
 *   <li>{@value #URL} (required): the {@code jdbc:postgresql://} URL;
 *   <li>{@value #USER}, {@value #PASSWORD}: credentials, unless in the URL;
 *   <li>{@value #TABLE}: the table, optionally schema-qualified; defaults to {@value
 *       PostgresTenantRegistry#DEFAULT_TABLE};
 *   <li>{@value #POOL_SIZE}: the pool's maximum size, 1 to 100; defaults to {@value
 *       #DEFAULT_POOL_SIZE}.
 * </ul>
 *
 * <p>Other keys are refused rather than ignored. Close the registry ({@link
 * PostgresTenantRegistry#close()}) to close its pool. Stateless and thread-safe.
 */
public final class PostgresTenantRegistryProvider implements TenantRegistryProvider {
  /** The provider's name: {@value}. */
  public static final String NAME = "postgres";

  /** Setting: the JDBC URL. */
  public static final String URL = "url";

  /** Setting: the user name. */
  public static final String USER = "user";

  /** Setting: the password. */
  public static final String PASSWORD = "password";

  /** Setting: the table. */
  public static final String TABLE = "table";

  /** Setting: the pool's maximum size. */
  public static final String POOL_SIZE = "pool-size";

  /** The default pool size: {@value}. */
  public static final int DEFAULT_POOL_SIZE = 4;

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public PostgresTenantRegistryProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Opens the pool, creates the table if missing and returns the registry.
   *
   * @throws IllegalArgumentException if a key is unknown, {@value #URL} is missing or not a
   *     PostgreSQL URL, or {@value #POOL_SIZE} is not 1 to 100
   * @throws PostgresBackendException if the database cannot be reached or refuses
   */
  @Override
  public TenantRegistry create(Map<String, String> config) {
    Objects.requireNonNull(config, "config");
    PoolSettings settings =
        PoolSettings.parse(
            config,
            "",
            NAME + " tenant registry",
            PostgresTenantRegistry.DEFAULT_TABLE,
            DEFAULT_POOL_SIZE);
    HikariDataSource dataSource;
    try {
      dataSource = settings.open("tenant-registry");
    } catch (RuntimeException e) {
      throw new PostgresBackendException(
          "could not connect the " + NAME + " tenant registry: " + e.getMessage(), e);
    }
    try {
      PostgresTenantRegistry registry =
          PostgresTenantRegistry.owning(dataSource, dataSource, settings.table());
      registry.createTable();
      return registry;
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }
}
