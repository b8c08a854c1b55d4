package dev.tdeveloper.backend.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import com.zaxxer.hikari.util.DriverDataSource;
import dev.tdeveloper.backend.postgres.internal.BoundConnection;
import dev.tdeveloper.backend.postgres.internal.ConnectionBudget;
import dev.tdeveloper.backend.postgres.internal.JdbcUrls;
import dev.tdeveloper.backend.postgres.internal.Names;
import dev.tdeveloper.backend.postgres.internal.Sql;
import dev.tdeveloper.backend.postgres.internal.TenantPools;
import dev.tdeveloper.tenancy.IsolationMode;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} whose connections see one tenant's data only: the tenant bound in {@link
 * TenantContext} ({@link #getConnection()}) or a given one ({@link #getConnection(TenantId)}).
 * Connections come from HikariCP pools logged in as the application role, which owns nothing and
 * cannot bypass row-level security ({@link TenantStorage} sets it up; this class refuses a role
 * that is a superuser or has BYPASSRLS).
 *
 * <ul>
 *   <li>{@link IsolationMode#DATABASE DATABASE}: one pool per tenant database, opened on first use,
 *       bounded three ways (see the builder): at most {@code maxOpenTenantPools} open, the least
 *       recently checked out retired first; {@code tenantPoolSize} connections each; and a {@code
 *       connectionBudget} of physical connections across all of them, so that one tenant at its
 *       maximum leaves connections for the others. A retired pool ({@link #evict}, or evicted)
 *       closes only when its connections have been returned. A connection cannot leave its
 *       database, so it is handed out as the pool gives it, autocommit included.
 *   <li>{@link IsolationMode#SCHEMA SCHEMA}: one shared pool; each transaction sets {@code
 *       search_path} to the tenant's schema and binds the tenant, whose tables' policies admit only
 *       that tenant, so even SQL naming another tenant's schema sees nothing.
 *   <li>{@link IsolationMode#ROW ROW}: one shared pool; each transaction binds the tenant and the
 *       shared tables' row-level security policies return and accept that tenant's rows only.
 * </ul>
 *
 * <p><b>Binding and autocommit (SCHEMA, ROW).</b> The binding is {@code set_config('app.tenant_id',
 * ?, true)} plus a token proving it ({@link TenantBindingKey}), transaction-local so that a pooled
 * connection never carries a tenant over. So these connections stay in manual-commit mode: the
 * binding is made when the connection is handed out and again after every {@code commit()} and
 * {@code rollback()}; {@code setAutoCommit(true)} throws, {@code setAutoCommit(false)} does nothing
 * (frameworks that switch autocommit off only when it is on work unchanged). Call {@code commit()}
 * to keep work: {@code close()} rolls back, then resets the session before the connection goes back
 * to the pool (in every mode): cursors, settings, locks, listens and prepared statements made by
 * SQL go, the driver's server-prepared statements stay. Statements run on a connection obtained
 * from {@code Statement.getConnection()} or {@code unwrap} bypass the re-binding, and then see no
 * tenant's rows at all.
 *
 * <p>Thread-safe; the connections it hands out are not, like any JDBC connection.
 */
public final class TenantDataSource implements DataSource, AutoCloseable {
  /** DATABASE mode: the default number of tenant pools open at once: {@value}. */
  public static final int DEFAULT_MAX_OPEN_TENANT_POOLS = 100;

  private final IsolationMode mode;
  private final HikariConfig template;
  private final TenantBindingKey key;
  private final String prefix;
  private final HikariDataSource shared;
  private final TenantPools tenantPools;
  private final int tenantPoolSize;
  private volatile boolean closed;

  TenantDataSource(TenantDataSourceBuilder builder) {
    this.mode = builder.mode;
    this.template = new HikariConfig();
    builder.pool.copyStateTo(template);
    this.key = builder.key;
    this.prefix = builder.prefix;
    if (mode == IsolationMode.DATABASE) {
      this.shared = null;
      this.tenantPoolSize = builder.tenantPoolSize;
      this.tenantPools =
          new TenantPools(
              builder.maxOpenTenantPools,
              new ConnectionBudget(builder.connectionBudget, template.getConnectionTimeout()),
              this::physicalDataSource,
              this::openTenantPool);
    } else {
      this.tenantPools = null;
      this.tenantPoolSize = 0;
      HikariConfig config = new HikariConfig();
      template.copyStateTo(config);
      config.setAutoCommit(false);
      try {
        this.shared = open(config, "the shared pool");
      } catch (SQLException e) {
        throw new PostgresBackendException("could not open the shared pool", e);
      }
    }
  }

  /** Returns a builder; {@code mode} and {@code pool} are required. */
  public static TenantDataSourceBuilder builder() {
    return new TenantDataSourceBuilder();
  }

  /** Returns the isolation mode. */
  public IsolationMode mode() {
    return mode;
  }

  /**
   * Returns a connection that sees only the tenant bound in {@link TenantContext}.
   *
   * @throws dev.tdeveloper.tenancy.context.NoTenantBoundException if no tenant is bound
   * @throws SQLException if no connection can be had or bound
   */
  @Override
  public Connection getConnection() throws SQLException {
    return getConnection(TenantContext.require());
  }

  /**
   * Returns a connection that sees only {@code tenant}'s data.
   *
   * @throws PostgresBackendException in DATABASE mode when the tenant's database does not exist
   * @throws SQLException if no connection can be had or bound
   */
  public Connection getConnection(TenantId tenant) throws SQLException {
    Objects.requireNonNull(tenant, "tenant");
    if (closed) {
      throw new SQLException("TenantDataSource is closed", "08003");
    }
    switch (mode) {
      case DATABASE:
        return tenantPools.getConnection(tenant);
      case SCHEMA:
        return BoundConnection.bind(
            shared.getConnection(),
            Sql.BIND_WITH_SCHEMA,
            new String[] {
              tenant.value(), key.token(tenant), Names.quote(Names.storageName(prefix, tenant))
            },
            shared::evictConnection);
      case ROW:
      default:
        return BoundConnection.bind(
            shared.getConnection(),
            Sql.BIND,
            new String[] {tenant.value(), key.token(tenant)},
            shared::evictConnection);
    }
  }

  /**
   * Retires the pool of {@code tenant}'s database (DATABASE mode), as before dropping it: it hands
   * out no more connections and closes as soon as those it lent are returned; a later {@link
   * #getConnection(TenantId)} opens a new one. Does nothing in the other modes.
   */
  public void evict(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    if (tenantPools != null) {
      tenantPools.retire(tenant);
    }
  }

  /** Closes every pool; connections handed out fail afterwards. Closing twice does nothing. */
  @Override
  public void close() {
    closed = true;
    if (tenantPools != null) {
      tenantPools.close();
    }
    if (shared != null) {
      shared.close();
    }
  }

  /** DATABASE mode: how many tenant pools are open. */
  int openTenantPools() {
    return tenantPools == null ? 0 : tenantPools.openPools();
  }

  /** DATABASE mode: how many physical connections the tenant pools hold. */
  int openTenantConnections() {
    return tenantPools == null ? 0 : tenantPools.openConnections();
  }

  private DataSource physicalDataSource(TenantId tenant) {
    return new DriverDataSource(
        JdbcUrls.withDatabase(template.getJdbcUrl(), Names.storageName(prefix, tenant)),
        template.getDriverClassName(),
        template.getDataSourceProperties(),
        template.getUsername(),
        template.getPassword());
  }

  private HikariDataSource openTenantPool(TenantId tenant, DataSource budgeted)
      throws SQLException {
    HikariConfig config = new HikariConfig();
    template.copyStateTo(config);
    config.setDataSource(budgeted);
    config.setMaximumPoolSize(tenantPoolSize);
    config.setMinimumIdle(0);
    config.setPoolName(
        (template.getPoolName() == null ? "tenant" : template.getPoolName()) + "-" + tenant);
    return open(
        config,
        "the pool of tenant '" + tenant + "' (database " + Names.storageName(prefix, tenant) + ")");
  }

  /**
   * Opens a pool and checks that its role cannot get around row-level security.
   *
   * @throws SQLTransientConnectionException if the connection budget stays used up
   */
  private static HikariDataSource open(HikariConfig config, String what) throws SQLException {
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      if (e.getCause() instanceof SQLTransientConnectionException busy) {
        throw busy;
      }
      throw new PostgresBackendException(
          "could not open " + what + ": " + e.getCause(), e.getCause());
    }
    try (Connection connection = pool.getConnection();
        PreparedStatement check =
            connection.prepareStatement(
                "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user");
        ResultSet row = check.executeQuery()) {
      if (row.next() && (row.getBoolean(1) || row.getBoolean(2))) {
        pool.close();
        throw new PostgresBackendException(
            "the role of "
                + what
                + " ("
                + config.getUsername()
                + ") is a superuser or has BYPASSRLS, so row-level security would not bind it:"
                + " connect as the application role");
      }
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLTransientConnectionException e) {
      pool.close();
      throw e;
    } catch (SQLException e) {
      pool.close();
      throw new PostgresBackendException("could not check the role of " + what, e);
    }
    return pool;
  }

  /** Not supported: the pool's role is fixed. */
  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException(
        "TenantDataSource connects as its pool's application role only");
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // HikariCP logs through slf4j.
  }

  @Override
  public void setLoginTimeout(int seconds) {
    // Set connectionTimeout on the pool configuration instead.
  }

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("TenantDataSource logs through slf4j");
  }

  /** Unwraps to this object only: the pools underneath are not bound to a tenant. */
  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("TenantDataSource does not wrap a " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }

  @Override
  public String toString() {
    return "TenantDataSource[" + mode + ", " + template.getJdbcUrl() + "]";
  }
}
