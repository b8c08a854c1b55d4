package dev.tdeveloper.backend.postgres;

import dev.tdeveloper.backend.postgres.internal.JdbcUrls;
import dev.tdeveloper.backend.postgres.internal.Names;
import dev.tdeveloper.backend.postgres.internal.Sql;
import dev.tdeveloper.tenancy.IsolationMode;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.provision.ProvisioningStep;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * The administrative side of tenant data: installs the guard, creates {@link TenantTable}s with the
 * right policies and privileges, and provisions and drops each tenant's storage. It connects as an
 * administrator (a superuser, or a role with CREATEDB that will own the tables); the application
 * connects through a {@link TenantDataSource} as the application role, which this class grants data
 * manipulation only and checks for powers that would get around isolation.
 *
 * <table>
 *   <caption>What each step does per mode</caption>
 *   <tr><th>mode</th><th>{@link #install()}</th><th>{@link #provision}</th><th>{@link #drop}</th></tr>
 *   <tr><td>ROW</td><td>guard, shared tables in {@code sharedSchema}</td><td>registers the
 *       tenant's token hash</td><td>deletes its rows and its key</td></tr>
 *   <tr><td>SCHEMA</td><td>guard</td><td>schema {@code <prefix><id>}, its tables, its key</td>
 *       <td>drops the schema and its key</td></tr>
 *   <tr><td>DATABASE</td><td>checks the role</td><td>database {@code <prefix><id>} and its
 *       tables</td><td>drops the database (disconnecting its sessions)</td></tr>
 * </table>
 *
 * <p>Every operation is idempotent, so a provisioning saga can re-run it after a crash, and
 * re-provisioning an existing tenant adds tables declared since. {@link #provisioningStep()} wraps
 * {@link #provision} and {@link #drop} for {@link
 * dev.tdeveloper.tenancy.provision.TenantProvisioner}.
 *
 * <p>Thread-safe: each operation uses its own connection.
 */
public final class TenantStorage {
  /** The default prefix of tenant schema and database names: {@value}. */
  public static final String DEFAULT_PREFIX = "tenant_";

  /** The default schema of ROW-mode shared tables: {@value}. */
  public static final String DEFAULT_SHARED_SCHEMA = "public";

  private final IsolationMode mode;
  private final String adminUrl;
  private final Properties adminProperties;
  private final String applicationRole;
  private final TenantBindingKey key;
  private final String prefix;
  private final String sharedSchema;
  private final List<TenantTable> tables;

  private TenantStorage(Builder builder) {
    this.mode = builder.mode;
    this.adminUrl = builder.adminUrl;
    this.adminProperties = new Properties();
    adminProperties.setProperty("user", builder.adminUser);
    adminProperties.setProperty("password", builder.adminPassword);
    this.applicationRole = builder.applicationRole;
    this.key = builder.key;
    this.prefix = builder.prefix == null ? DEFAULT_PREFIX : builder.prefix;
    this.sharedSchema = builder.sharedSchema == null ? DEFAULT_SHARED_SCHEMA : builder.sharedSchema;
    this.tables = List.copyOf(builder.tables);
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the isolation mode. */
  public IsolationMode mode() {
    return mode;
  }

  /** Returns the name of {@code tenant}'s schema (SCHEMA mode) or database (DATABASE mode). */
  public String storageName(TenantId tenant) {
    return Names.storageName(prefix, Objects.requireNonNull(tenant, "tenant"));
  }

  /**
   * Creates the application role if it does not exist: LOGIN with {@code password}, and NOSUPERUSER
   * NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS; an existing role keeps its password. The
   * password travels in a DDL statement, which a server logging DDL would log.
   *
   * @throws PostgresBackendException if the database refuses
   */
  public void createApplicationRole(String password) {
    Objects.requireNonNull(password, "password");
    try (Connection admin = connect(adminUrl);
        PreparedStatement exists =
            admin.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      exists.setString(1, applicationRole);
      try (ResultSet row = exists.executeQuery()) {
        if (row.next()) {
          return;
        }
      }
      // The server quotes the name and password (format %I and %L).
      try (PreparedStatement ddl =
          admin.prepareStatement(
              "SELECT format('CREATE ROLE %I LOGIN PASSWORD %L NOSUPERUSER NOCREATEDB"
                  + " NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT', ?, ?)")) {
        ddl.setString(1, applicationRole);
        ddl.setString(2, password);
        try (ResultSet row = ddl.executeQuery();
            Statement create = admin.createStatement()) {
          row.next();
          create.execute(row.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new PostgresBackendException("could not create application role " + applicationRole, e);
    }
  }

  /**
   * Checks the application role and installs what the mode needs once per cluster: the guard
   * (SCHEMA, ROW) and the shared tables (ROW). Also revokes the right to create temporary tables
   * from PUBLIC, since a temporary table outlives the transaction and could carry one tenant's rows
   * to the next user of a pooled connection.
   *
   * @throws PostgresBackendException if the role is missing, is a superuser, has BYPASSRLS, is a
   *     member of another role or owns objects, or if the database refuses
   */
  public void install() {
    try (Connection admin = connect(adminUrl)) {
      admin.setAutoCommit(false);
      requireSafeRole(admin);
      List<String> sql = new ArrayList<>();
      sql.add("REVOKE TEMPORARY ON DATABASE " + Names.quote(admin.getCatalog()) + " FROM PUBLIC");
      if (mode != IsolationMode.DATABASE) {
        sql.addAll(Sql.installGuard(applicationRole));
      }
      if (mode == IsolationMode.ROW) {
        sql.add("CREATE SCHEMA IF NOT EXISTS " + Names.quote(sharedSchema));
        for (TenantTable table : tables) {
          sql.addAll(Sql.sharedTable(sharedSchema, table.name(), table.columns(), applicationRole));
        }
      }
      execute(admin, sql);
      admin.commit();
    } catch (SQLException e) {
      throw new PostgresBackendException("could not install " + mode + " tenant storage", e);
    }
  }

  /**
   * Creates {@code tenant}'s storage (see the class table); does nothing that is already done.
   *
   * @throws PostgresBackendException if the database refuses
   */
  public void provision(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    try {
      switch (mode) {
        case DATABASE -> provisionDatabase(tenant);
        case SCHEMA -> provisionSchema(tenant);
        case ROW -> registerKey(tenant);
      }
    } catch (SQLException e) {
      throw new PostgresBackendException("could not provision tenant '" + tenant + "'", e);
    }
  }

  /**
   * Removes {@code tenant}'s storage and all its data; does nothing if there is none.
   *
   * @throws PostgresBackendException if the database refuses
   */
  public void drop(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    try (Connection admin = connect(adminUrl)) {
      switch (mode) {
        case DATABASE ->
            execute(
                admin,
                List.of(
                    "DROP DATABASE IF EXISTS "
                        + Names.quote(storageName(tenant))
                        + " WITH (FORCE)"));
        case SCHEMA -> {
          admin.setAutoCommit(false);
          execute(
              admin,
              List.of("DROP SCHEMA IF EXISTS " + Names.quote(storageName(tenant)) + " CASCADE"));
          removeKey(admin, tenant);
          admin.commit();
        }
        case ROW -> {
          admin.setAutoCommit(false);
          // Bound as the tenant, so this works for a table owner under FORCE ROW LEVEL SECURITY.
          try (PreparedStatement bind = admin.prepareStatement(Sql.BIND)) {
            bind.setString(1, tenant.value());
            bind.setString(2, key.token(tenant));
            bind.execute();
          }
          for (TenantTable table : tables) {
            try (PreparedStatement delete =
                admin.prepareStatement(
                    "DELETE FROM "
                        + Names.quote(sharedSchema)
                        + "."
                        + Names.quote(table.name())
                        + " WHERE tenant_id = ?")) {
              delete.setString(1, tenant.value());
              delete.executeUpdate();
            }
          }
          removeKey(admin, tenant);
          admin.commit();
        }
      }
    } catch (SQLException e) {
      throw new PostgresBackendException("could not drop tenant '" + tenant + "'", e);
    }
  }

  /**
   * Returns a provisioning step named {@code postgres-storage}: {@link #provision} as its work and
   * {@link #drop} as its compensation.
   */
  public ProvisioningStep provisioningStep() {
    return ProvisioningStep.of(
        "postgres-storage",
        context -> provision(context.tenant().id()),
        context -> drop(context.tenant().id()));
  }

  private void provisionDatabase(TenantId tenant) throws SQLException {
    String database = storageName(tenant);
    try (Connection admin = connect(adminUrl)) {
      boolean exists;
      try (PreparedStatement query =
          admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        query.setString(1, database);
        try (ResultSet row = query.executeQuery()) {
          exists = row.next();
        }
      }
      if (!exists) {
        try {
          execute(admin, List.of("CREATE DATABASE " + Names.quote(database)));
        } catch (SQLException e) {
          // 42P04: created meanwhile by a concurrent run of the same step.
          if (!"42P04".equals(e.getSQLState())) {
            throw e;
          }
        }
      }
      execute(
          admin,
          List.of(
              "REVOKE ALL ON DATABASE " + Names.quote(database) + " FROM PUBLIC",
              "GRANT CONNECT ON DATABASE "
                  + Names.quote(database)
                  + " TO "
                  + Names.quote(applicationRole)));
    }
    try (Connection admin = connect(JdbcUrls.withDatabase(adminUrl, database))) {
      admin.setAutoCommit(false);
      List<String> sql = new ArrayList<>();
      for (TenantTable table : tables) {
        sql.addAll(Sql.databaseTable(table.name(), table.columns(), applicationRole));
      }
      execute(admin, sql);
      admin.commit();
    }
  }

  private void provisionSchema(TenantId tenant) throws SQLException {
    String schema = storageName(tenant);
    try (Connection admin = connect(adminUrl)) {
      admin.setAutoCommit(false);
      List<String> sql = new ArrayList<>();
      sql.add("CREATE SCHEMA IF NOT EXISTS " + Names.quote(schema));
      sql.add("REVOKE ALL ON SCHEMA " + Names.quote(schema) + " FROM PUBLIC");
      for (TenantTable table : tables) {
        sql.addAll(
            Sql.schemaTable(
                schema, table.name(), table.columns(), tenant.value(), applicationRole));
      }
      execute(admin, sql);
      register(admin, tenant);
      admin.commit();
    }
  }

  private void registerKey(TenantId tenant) throws SQLException {
    try (Connection admin = connect(adminUrl)) {
      register(admin, tenant);
    }
  }

  private void register(Connection admin, TenantId tenant) throws SQLException {
    try (PreparedStatement insert = admin.prepareStatement(Sql.REGISTER_KEY)) {
      insert.setString(1, tenant.value());
      insert.setBytes(2, key.tokenHash(tenant));
      insert.executeUpdate();
    }
  }

  private static void removeKey(Connection admin, TenantId tenant) throws SQLException {
    try (PreparedStatement delete = admin.prepareStatement(Sql.REMOVE_KEY)) {
      delete.setString(1, tenant.value());
      delete.executeUpdate();
    }
  }

  private void requireSafeRole(Connection admin) throws SQLException {
    try (PreparedStatement exists =
        admin.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      exists.setString(1, applicationRole);
      try (ResultSet row = exists.executeQuery()) {
        if (!row.next()) {
          throw new PostgresBackendException(
              "application role "
                  + applicationRole
                  + " does not exist: create it (createApplicationRole) before install()");
        }
      }
    }
    List<String> problems = new ArrayList<>();
    try (PreparedStatement query = admin.prepareStatement(Sql.ROLE_PROBLEMS)) {
      query.setString(1, applicationRole);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          problems.add(rows.getString(1));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new PostgresBackendException(
          "application role "
              + applicationRole
              + " could get around tenant isolation: it "
              + String.join(", ", problems)
              + "; it must own nothing, be a member of no role and have neither SUPERUSER nor"
              + " BYPASSRLS");
    }
  }

  private static void execute(Connection connection, List<String> sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String each : sql) {
        statement.execute(each);
      }
    }
  }

  private Connection connect(String url) throws SQLException {
    Connection connection = new org.postgresql.Driver().connect(url, adminProperties);
    if (connection == null) {
      throw new SQLException("not a PostgreSQL JDBC URL: " + url.split("\\?", 2)[0]);
    }
    return connection;
  }

  @Override
  public String toString() {
    return "TenantStorage[" + mode + ", " + adminUrl.split("\\?", 2)[0] + "]";
  }

  /** Builds a {@link TenantStorage}; each setting may be set once. Not thread-safe. */
  public static final class Builder {
    private IsolationMode mode;
    private String adminUrl;
    private String adminUser;
    private String adminPassword;
    private String applicationRole;
    private TenantBindingKey key;
    private String prefix;
    private String sharedSchema;
    private final List<TenantTable> tables = new ArrayList<>();
    private boolean tablesSet;

    private Builder() {}

    /** Sets the isolation mode (required). */
    public Builder mode(IsolationMode mode) {
      Objects.requireNonNull(mode, "mode");
      requireUnset(this.mode, "mode");
      this.mode = mode;
      return this;
    }

    /**
     * Sets how to connect as the administrator (required). In DATABASE mode the URL's database is
     * replaced by each tenant's to create its tables.
     */
    public Builder admin(String jdbcUrl, String user, String password) {
      Objects.requireNonNull(jdbcUrl, "jdbcUrl");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      requireUnset(this.adminUrl, "admin");
      JdbcUrls.withDatabase(jdbcUrl, "check");
      this.adminUrl = jdbcUrl;
      this.adminUser = user;
      this.adminPassword = password;
      return this;
    }

    /**
     * Sets the application role the {@link TenantDataSource} logs in as (required).
     *
     * @throws IllegalArgumentException if it does not match {@code [a-z_][a-z0-9_]{0,62}}
     */
    public Builder applicationRole(String role) {
      Names.requireIdentifier("applicationRole", role);
      requireUnset(this.applicationRole, "applicationRole");
      this.applicationRole = role;
      return this;
    }

    /** Sets the binding key (required in SCHEMA and ROW mode, refused in DATABASE mode). */
    public Builder bindingKey(TenantBindingKey key) {
      Objects.requireNonNull(key, "key");
      requireUnset(this.key, "bindingKey");
      this.key = key;
      return this;
    }

    /** Sets the tenant tables; defaults to none. */
    public Builder tables(List<TenantTable> tables) {
      Objects.requireNonNull(tables, "tables");
      if (tablesSet) {
        throw new IllegalStateException("tables is already set");
      }
      tablesSet = true;
      for (TenantTable table : tables) {
        Objects.requireNonNull(table, "tables element");
        if (this.tables.stream().anyMatch(t -> t.name().equals(table.name()))) {
          throw new IllegalArgumentException("table '" + table.name() + "' is declared twice");
        }
        this.tables.add(table);
      }
      return this;
    }

    /**
     * Sets the prefix of tenant schema and database names; defaults to {@value #DEFAULT_PREFIX}.
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
     * Sets the schema of the shared tables in ROW mode; defaults to {@value
     * #DEFAULT_SHARED_SCHEMA}.
     *
     * @throws IllegalArgumentException if it is not a lowercase identifier
     */
    public Builder sharedSchema(String schema) {
      Names.requireIdentifier("sharedSchema", schema);
      requireUnset(this.sharedSchema, "sharedSchema");
      this.sharedSchema = schema;
      return this;
    }

    /**
     * Builds the storage; connects to nothing yet.
     *
     * @throws IllegalStateException if a required setting is missing or conflicts with the mode
     */
    public TenantStorage build() {
      if (mode == null) {
        throw new IllegalStateException("mode is required");
      }
      if (adminUrl == null) {
        throw new IllegalStateException("admin is required");
      }
      if (applicationRole == null) {
        throw new IllegalStateException("applicationRole is required");
      }
      if (applicationRole.equals(adminUser)) {
        throw new IllegalStateException(
            "applicationRole must differ from the admin user " + adminUser);
      }
      if (mode == IsolationMode.DATABASE && key != null) {
        throw new IllegalStateException("bindingKey is not used in DATABASE mode");
      }
      if (mode != IsolationMode.DATABASE && key == null) {
        throw new IllegalStateException("bindingKey is required in " + mode + " mode");
      }
      if (mode != IsolationMode.ROW && sharedSchema != null) {
        throw new IllegalStateException("sharedSchema applies to ROW mode only");
      }
      return new TenantStorage(this);
    }

    private static void requireUnset(Object current, String setting) {
      if (current != null) {
        throw new IllegalStateException(setting + " is already set");
      }
    }
  }
}
