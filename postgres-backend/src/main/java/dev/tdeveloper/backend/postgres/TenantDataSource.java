package dev.tdeveloper.backend.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.tdeveloper.backend.postgres.internal.BoundConnection;
import dev.tdeveloper.backend.postgres.internal.JdbcUrls;
import dev.tdeveloper.backend.postgres.internal.Names;
import dev.tdeveloper.backend.postgres.internal.Sql;
import dev.tdeveloper.tenancy.IsolationMode;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
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
 *   <li>{@link IsolationMode#DATABASE DATABASE}: one pool per tenant database (opened on first use,
 *       closed by {@link #evict}); a connection cannot leave its database, so it is handed out as
 *       the pool gives it, autocommit included.
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
 * to keep work: {@code close()} rolls back, then resets the session ({@code DISCARD ALL}) before
 * the connection goes back to the pool. Statements run on a connection obtained from {@code
 * Statement.getConnection()} or {@code unwrap} bypass the re-binding, and then see no tenant's rows
 * at all.
 *
 * <p>Thread-safe; the connections it hands out are not, like any JDBC connection.
 */
public final class TenantDataSource implements DataSource, AutoCloseable {
  private final IsolationMode mode;
  private final HikariConfig template;
  private final TenantBindingKey key;
  private final String prefix;
  private final HikariDataSource shared;
  private final ConcurrentMap<TenantId, HikariDataSource> perTenant = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private TenantDataSource(Builder builder) {
    this.mode = builder.mode;
    this.template = new HikariConfig();
    builder.pool.copyStateTo(template);
    this.key = builder.key;
    this.prefix = builder.prefix;
    if (mode == IsolationMode.DATABASE) {
      this.shared = null;
    } else {
      HikariConfig config = new HikariConfig();
      template.copyStateTo(config);
      config.setAutoCommit(false);
      this.shared = open(config, "the shared pool");
    }
  }

  /** Returns a builder; {@code mode} and {@code pool} are required. */
  public static Builder builder() {
    return new Builder();
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
        return perTenant.computeIfAbsent(tenant, this::openTenantPool).getConnection();
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
   * Closes the pool of {@code tenant}'s database (DATABASE mode), as before dropping it; a later
   * {@link #getConnection(TenantId)} opens a new one. Does nothing in the other modes.
   */
  public void evict(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    HikariDataSource pool = perTenant.remove(tenant);
    if (pool != null) {
      pool.close();
    }
  }

  /** Closes every pool; connections handed out fail afterwards. Closing twice does nothing. */
  @Override
  public void close() {
    closed = true;
    List<HikariDataSource> pools = new ArrayList<>(perTenant.values());
    perTenant.clear();
    pools.forEach(HikariDataSource::close);
    if (shared != null) {
      shared.close();
    }
  }

  private HikariDataSource openTenantPool(TenantId tenant) {
    String database = Names.storageName(prefix, tenant);
    HikariConfig config = new HikariConfig();
    template.copyStateTo(config);
    config.setJdbcUrl(JdbcUrls.withDatabase(template.getJdbcUrl(), database));
    config.setPoolName(
        (template.getPoolName() == null ? "tenant" : template.getPoolName()) + "-" + tenant);
    return open(config, "the pool of tenant '" + tenant + "' (database " + database + ")");
  }

  /** Opens a pool and checks that its role cannot get around row-level security. */
  private static HikariDataSource open(HikariConfig config, String what) {
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
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

  /**
   * Builds a {@link TenantDataSource}; each setting may be set once. Not thread-safe.
   *
   * <p>{@link #pool(HikariConfig)} is the template of every pool: JDBC URL, the application role's
   * user name and password, sizes and timeouts; it is copied at {@link #build()}. In DATABASE mode
   * its URL's database is replaced by each tenant's.
   */
  public static final class Builder {
    private IsolationMode mode;
    private HikariConfig pool;
    private TenantBindingKey key;
    private String prefix;

    private Builder() {}

    /** Sets the isolation mode (required). */
    public Builder mode(IsolationMode mode) {
      Objects.requireNonNull(mode, "mode");
      requireUnset(this.mode, "mode");
      this.mode = mode;
      return this;
    }

    /** Sets the pool template (required), logged in as the application role. */
    public Builder pool(HikariConfig pool) {
      Objects.requireNonNull(pool, "pool");
      requireUnset(this.pool, "pool");
      this.pool = pool;
      return this;
    }

    /** Sets the binding key (required in SCHEMA and ROW mode, refused in DATABASE mode). */
    public Builder bindingKey(TenantBindingKey key) {
      Objects.requireNonNull(key, "key");
      requireUnset(this.key, "bindingKey");
      this.key = key;
      return this;
    }

    /**
     * Sets the prefix of tenant schema and database names; defaults to {@value
     * TenantStorage#DEFAULT_PREFIX}. Must match what {@link TenantStorage} uses.
     *
     * @throws IllegalArgumentException if it does not match {@code [a-z_][a-z0-9_]{0,29}}
     */
    public Builder namePrefix(String prefix) {
      Names.requirePrefix(prefix);
      requireUnset(this.prefix, "namePrefix");
      this.prefix = prefix;
      return this;
    }

    /**
     * Opens the pool (SCHEMA, ROW) and checks its role.
     *
     * @throws IllegalStateException if a required setting is missing or the binding key is set in
     *     DATABASE mode
     * @throws PostgresBackendException if the database cannot be reached or the role could bypass
     *     row-level security
     */
    public TenantDataSource build() {
      if (mode == null) {
        throw new IllegalStateException("mode is required");
      }
      if (pool == null) {
        throw new IllegalStateException("pool is required");
      }
      if (pool.getJdbcUrl() == null) {
        throw new IllegalStateException("pool needs a jdbcUrl (jdbc:postgresql://...)");
      }
      if (mode == IsolationMode.DATABASE && key != null) {
        throw new IllegalStateException(
            "bindingKey is not used in DATABASE mode, where the connection is the boundary");
      }
      if (mode != IsolationMode.DATABASE && key == null) {
        throw new IllegalStateException("bindingKey is required in " + mode + " mode");
      }
      JdbcUrls.withDatabase(pool.getJdbcUrl(), "check");
      if (prefix == null) {
        prefix = TenantStorage.DEFAULT_PREFIX;
      }
      return new TenantDataSource(this);
    }

    private static void requireUnset(Object current, String setting) {
      if (current != null) {
        throw new IllegalStateException(setting + " is already set");
      }
    }
  }
}
