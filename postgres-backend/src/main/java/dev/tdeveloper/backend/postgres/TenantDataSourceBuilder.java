package dev.tdeveloper.backend.postgres;

import com.zaxxer.hikari.HikariConfig;
import dev.tdeveloper.backend.postgres.internal.JdbcUrls;
import dev.tdeveloper.backend.postgres.internal.Names;
import dev.tdeveloper.tenancy.IsolationMode;
import java.util.Objects;

/**
 * Builds a {@link TenantDataSource}; each setting may be set once. Not thread-safe.
 *
 * <p>{@link #pool(HikariConfig)} is the template of every pool: JDBC URL, the application role's
 * user name and password, sizes and timeouts; it is copied at {@link #build()}. In DATABASE mode
 * its URL's database is replaced by each tenant's.
 */
public final class TenantDataSourceBuilder {
  IsolationMode mode;
  HikariConfig pool;
  TenantBindingKey key;
  String prefix;
  int maxOpenTenantPools;
  int tenantPoolSize;
  int connectionBudget;

  TenantDataSourceBuilder() {}

  /** Sets the isolation mode (required). */
  public TenantDataSourceBuilder mode(IsolationMode mode) {
    Objects.requireNonNull(mode, "mode");
    requireUnset(this.mode, "mode");
    this.mode = mode;
    return this;
  }

  /** Sets the pool template (required), logged in as the application role. */
  public TenantDataSourceBuilder pool(HikariConfig pool) {
    Objects.requireNonNull(pool, "pool");
    requireUnset(this.pool, "pool");
    this.pool = pool;
    return this;
  }

  /** Sets the binding key (required in SCHEMA and ROW mode, refused in DATABASE mode). */
  public TenantDataSourceBuilder bindingKey(TenantBindingKey key) {
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
  public TenantDataSourceBuilder namePrefix(String prefix) {
    Names.requirePrefix(prefix);
    requireUnset(this.prefix, "namePrefix");
    this.prefix = prefix;
    return this;
  }

  /**
   * DATABASE mode: sets how many tenant pools may be open at once; defaults to {@value
   * TenantDataSource#DEFAULT_MAX_OPEN_TENANT_POOLS}. Opening one more retires the pool checked out
   * from least recently, which closes once its connections are returned.
   *
   * @throws IllegalArgumentException if {@code pools} is not 1 to 10,000
   */
  public TenantDataSourceBuilder maxOpenTenantPools(int pools) {
    requireUnset(maxOpenTenantPools, "maxOpenTenantPools");
    this.maxOpenTenantPools = requireWithin("maxOpenTenantPools", pools, 10_000);
    return this;
  }

  /**
   * DATABASE mode: sets the maximum size of each tenant's pool; defaults to the pool template's
   * {@code maximumPoolSize}. Tenant pools open connections on demand ({@code minimumIdle} 0).
   *
   * @throws IllegalArgumentException if {@code size} is not 1 to 10,000
   */
  public TenantDataSourceBuilder tenantPoolSize(int size) {
    requireUnset(tenantPoolSize, "tenantPoolSize");
    this.tenantPoolSize = requireWithin("tenantPoolSize", size, 10_000);
    return this;
  }

  /**
   * DATABASE mode: sets how many physical connections all tenant pools may hold open together;
   * defaults to {@code maxOpenTenantPools * tenantPoolSize}. Keep it under the server's {@code
   * max_connections}. Set above {@code tenantPoolSize}, one tenant's burst never takes every
   * connection.
   *
   * @throws IllegalArgumentException if {@code connections} is not 1 to 100,000
   */
  public TenantDataSourceBuilder connectionBudget(int connections) {
    requireUnset(connectionBudget, "connectionBudget");
    this.connectionBudget = requireWithin("connectionBudget", connections, 100_000);
    return this;
  }

  /**
   * Opens the pool (SCHEMA, ROW) and checks its role.
   *
   * @throws IllegalStateException if a required setting is missing, the binding key is set in
   *     DATABASE mode, a pool bound is set in another mode, or the tenant pool size exceeds the
   *     connection budget
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
    if (mode == IsolationMode.DATABASE) {
      resolvePoolBounds();
    } else if (maxOpenTenantPools + tenantPoolSize + connectionBudget > 0) {
      throw new IllegalStateException(
          "maxOpenTenantPools, tenantPoolSize and connectionBudget apply to DATABASE mode only;"
              + " size the shared pool with the pool template");
    }
    if (prefix == null) {
      prefix = TenantStorage.DEFAULT_PREFIX;
    }
    return new TenantDataSource(this);
  }

  private void resolvePoolBounds() {
    if (maxOpenTenantPools == 0) {
      maxOpenTenantPools = TenantDataSource.DEFAULT_MAX_OPEN_TENANT_POOLS;
    }
    if (tenantPoolSize == 0) {
      tenantPoolSize = pool.getMaximumPoolSize();
    }
    if (connectionBudget == 0) {
      connectionBudget = (int) Math.min(100_000L, (long) maxOpenTenantPools * tenantPoolSize);
    }
    if (tenantPoolSize > connectionBudget) {
      throw new IllegalStateException(
          "tenantPoolSize ("
              + tenantPoolSize
              + ") must not exceed connectionBudget ("
              + connectionBudget
              + ")");
    }
  }

  private static int requireWithin(String setting, int value, int max) {
    if (value < 1 || value > max) {
      throw new IllegalArgumentException(setting + " must be 1 to " + max + ", was " + value);
    }
    return value;
  }

  private static void requireUnset(Object current, String setting) {
    if (current != null) {
      throw new IllegalStateException(setting + " is already set");
    }
  }

  private static void requireUnset(int current, String setting) {
    if (current != 0) {
      throw new IllegalStateException(setting + " is already set");
    }
  }
}
