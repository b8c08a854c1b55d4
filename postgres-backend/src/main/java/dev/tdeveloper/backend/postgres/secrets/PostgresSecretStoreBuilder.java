package dev.tdeveloper.backend.postgres.secrets;

import dev.tdeveloper.backend.postgres.internal.TableName;
import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.tenancy.TenantId;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Configures a {@link PostgresSecretStore}. Required: the data source and the key manager (both
 * given to {@link PostgresSecretStore#builder}). Defaults: table {@value
 * PostgresSecretStore#DEFAULT_TABLE}, platform key tenant {@value
 * PostgresSecretStore#DEFAULT_PLATFORM_KEY_TENANT}, the system clock. Each setting may be given
 * once. Not thread-safe: configure on one thread.
 */
public final class PostgresSecretStoreBuilder {
  final javax.sql.DataSource dataSource;
  final KeyManager keys;
  TableName table =
      TableName.parse("table", PostgresSecretStore.DEFAULT_TABLE, PostgresSecretStore.MAX_TABLE);
  TenantId platformKeyTenant = TenantId.of(PostgresSecretStore.DEFAULT_PLATFORM_KEY_TENANT);
  InstantSource clock = InstantSource.system();
  AutoCloseable owned = () -> {};
  private boolean tableSet;
  private boolean platformSet;
  private boolean clockSet;

  PostgresSecretStoreBuilder(javax.sql.DataSource dataSource, KeyManager keys) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  /**
   * Sets the secrets table, optionally schema-qualified; the versions go to {@code
   * <table>_versions}.
   *
   * @throws IllegalArgumentException if it is not one or two identifiers {@code [a-z_][a-z0-9_]*},
   *     or the table's name is longer than {@value PostgresSecretStore#MAX_TABLE} characters
   * @throws IllegalStateException if already set
   */
  public PostgresSecretStoreBuilder table(String table) {
    Objects.requireNonNull(table, "table");
    requireUnset("table", tableSet);
    this.table = TableName.parse("table", table, PostgresSecretStore.MAX_TABLE);
    tableSet = true;
    return this;
  }

  /**
   * Sets the key manager tenant whose key encrypts platform secrets (tenant secrets use their own
   * tenant's key). Choose an id no real tenant can take, so that crypto-shredding a tenant never
   * touches platform secrets.
   *
   * @throws IllegalStateException if already set
   */
  public PostgresSecretStoreBuilder platformKeyTenant(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    requireUnset("platformKeyTenant", platformSet);
    this.platformKeyTenant = tenant;
    platformSet = true;
    return this;
  }

  /**
   * Sets the clock stamping new versions.
   *
   * @throws IllegalStateException if already set
   */
  public PostgresSecretStoreBuilder clock(InstantSource clock) {
    Objects.requireNonNull(clock, "clock");
    requireUnset("clock", clockSet);
    this.clock = clock;
    clockSet = true;
    return this;
  }

  /** For the provider: resources the store closes with itself. */
  PostgresSecretStoreBuilder owning(AutoCloseable owned) {
    this.owned = Objects.requireNonNull(owned, "owned");
    return this;
  }

  /** Builds the store; call {@link PostgresSecretStore#createTables()} once per deployment. */
  public PostgresSecretStore build() {
    return new PostgresSecretStore(this);
  }

  private static void requireUnset(String setting, boolean set) {
    if (set) {
      throw new IllegalStateException(setting + " was already set");
    }
  }
}
