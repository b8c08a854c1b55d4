package dev.tdeveloper.backend.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.tdeveloper.backend.postgres.internal.PoolSettings;
import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.spi.AuditSink;
import dev.tdeveloper.compliance.spi.AuditSinkProvider;
import java.util.Objects;

/**
 * The {@value #NAME} {@link AuditSinkProvider}: a {@link PostgresAuditSink} over a HikariCP pool of
 * its own, dating rows by the configuration's clock. The log must be installed already ({@link
 * PostgresAuditSink#install}, as the tables' owner); the sink connects as the application role.
 * Properties:
 *
 * <ul>
 *   <li>{@value #URL} (required): the {@code jdbc:postgresql://} URL;
 *   <li>{@value #USER}, {@value #PASSWORD}: the application role's credentials, unless in the URL;
 *   <li>{@value #TABLE}: the log table, optionally schema-qualified; defaults to {@value
 *       PostgresAuditSink#DEFAULT_TABLE};
 *   <li>{@value #POOL_SIZE}: the pool's maximum size, 1 to 100; defaults to {@value
 *       #DEFAULT_POOL_SIZE}.
 * </ul>
 *
 * <p>Other {@code postgres.*} properties are refused as typos; properties of other backends
 * (another prefix) are ignored. Closing the sink closes its pool. Stateless and thread-safe.
 */
public final class PostgresAuditSinkProvider implements AuditSinkProvider {
  /** The provider's name: {@value}. */
  public static final String NAME = "postgres";

  /** Property: the JDBC URL. */
  public static final String URL = "postgres.url";

  /** Property: the user name. */
  public static final String USER = "postgres.user";

  /** Property: the password. */
  public static final String PASSWORD = "postgres.password";

  /** Property: the log table. */
  public static final String TABLE = "postgres.table";

  /** Property: the pool's maximum size. */
  public static final String POOL_SIZE = "postgres.pool-size";

  /** The default pool size: {@value}. */
  public static final int DEFAULT_POOL_SIZE = 2;

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public PostgresAuditSinkProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Opens the pool and the installed log.
   *
   * @throws IllegalArgumentException if a {@code postgres.*} key is unknown, {@value #URL} is
   *     missing or not a PostgreSQL URL, {@value #TABLE} is not a table name or {@value #POOL_SIZE}
   *     is not 1 to 100
   * @throws ComplianceException if the database cannot be reached, the log is not installed or the
   *     role may change entries
   */
  @Override
  public AuditSink create(Config config) {
    Objects.requireNonNull(config, "config");
    PoolSettings settings =
        PoolSettings.parse(
            config.properties(),
            "postgres.",
            NAME + " audit sink",
            PostgresAuditSink.DEFAULT_TABLE,
            DEFAULT_POOL_SIZE);
    PostgresAuditSink.checkTable(settings.table());
    HikariDataSource dataSource;
    try {
      dataSource = settings.open("audit-sink");
    } catch (RuntimeException e) {
      throw new ComplianceException(
          "could not connect the " + NAME + " audit sink: " + e.getMessage(), e);
    }
    try {
      return PostgresAuditSink.open(dataSource, dataSource, settings.table(), config.clock());
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }
}
