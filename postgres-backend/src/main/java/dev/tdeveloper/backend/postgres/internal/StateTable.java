package dev.tdeveloper.backend.postgres.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The name of a state table (optionally schema-qualified) and its idempotent installation: the
 * schema, the tables, and grants of exactly the privileges the application role needs.
 *
 * @param given the name as given, e.g. {@code ops.job_leases}
 * @param schema the schema, or null for the connection's current schema
 * @param name the table name without schema
 */
public record StateTable(String given, String schema, String name) {
  /** The longest table name (without schema), so derived names stay identifiers: {@value}. */
  public static final int MAX_NAME = 48;

  private static final int INSTALL_LOCK = 0x74644f50; // "tdOP": state table installs

  /**
   * Parses and checks a table name.
   *
   * @param field the setting's name, for messages
   * @param table {@code name} or {@code schema.name}, lowercase identifiers
   * @throws IllegalArgumentException naming {@code field} if it is not such a name or the table
   *     name is longer than {@value #MAX_NAME} characters
   */
  public static StateTable parse(String field, String table) {
    Names.qualifiedTable(field, table);
    String[] parts = table.split("\\.", -1);
    String name = parts[parts.length - 1];
    if (name.length() > MAX_NAME) {
      throw new IllegalArgumentException(
          field
              + " must have a table name of at most "
              + MAX_NAME
              + " characters, was '"
              + table
              + "'");
    }
    return new StateTable(table, parts.length == 2 ? parts[0] : null, name);
  }

  /** Returns the quoted, qualified table. */
  public String qualified() {
    return qualified("");
  }

  /** Returns the quoted, qualified name of the table's companion {@code <name><suffix>}. */
  public String qualified(String suffix) {
    String table = Names.quote(name + suffix);
    return schema == null ? table : Names.quote(schema) + "." + table;
  }

  /** Returns the quoted, unqualified name {@code <name><suffix>} (indexes, constraints). */
  public String local(String suffix) {
    return Names.quote(name + suffix);
  }

  /**
   * Checks {@code table} and {@code applicationRole}, then {@link #install(DataSource, StateTable,
   * String, Function) installs} the tables with the statements {@code ddl} returns for the resolved
   * table and the role: a store's {@code install}.
   *
   * @param failure makes the store's exception from the database's refusal
   * @throws IllegalArgumentException naming {@code table} or {@code applicationRole} if it is not a
   *     valid name
   */
  public static void install(
      DataSource admin,
      String table,
      String applicationRole,
      BiFunction<StateTable, String, List<String>> ddl,
      Function<SQLException, RuntimeException> failure) {
    StateTable parsed = parse("table", table);
    String role = Names.requireIdentifier("applicationRole", applicationRole);
    try {
      install(admin, parsed, role, resolved -> ddl.apply(resolved, role));
    } catch (SQLException e) {
      throw failure.apply(e);
    }
  }

  /**
   * Installs the tables in one transaction as {@code admin}: creates the schema when named,
   * serializes concurrent installs with an advisory lock, runs {@code ddl} for the table resolved
   * to its schema, and grants {@code role} {@code USAGE} on the schema. Idempotent when {@code ddl}
   * is.
   *
   * @param role the application role, an identifier checked by the caller
   * @throws SQLException if the database refuses
   */
  public static void install(
      DataSource admin, StateTable table, String role, Function<StateTable, List<String>> ddl)
      throws SQLException {
    Objects.requireNonNull(admin, "admin");
    Jdbc.transaction(
        admin,
        connection -> {
          try (PreparedStatement lock =
              connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setInt(1, INSTALL_LOCK);
            lock.execute();
          }
          StateTable resolved = table.in(currentSchema(connection, table));
          try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + Names.quote(resolved.schema));
            for (String sql : ddl.apply(resolved)) {
              statement.execute(sql);
            }
            statement.execute(
                "GRANT USAGE ON SCHEMA "
                    + Names.quote(resolved.schema)
                    + " TO "
                    + Names.quote(role));
          }
          return null;
        });
  }

  private StateTable in(String resolvedSchema) {
    return new StateTable(given, resolvedSchema, name);
  }

  private static String currentSchema(Connection connection, StateTable table) throws SQLException {
    if (table.schema != null) {
      return table.schema;
    }
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT current_schema()")) {
      row.next();
      String schema = row.getString(1);
      if (schema == null) {
        throw new SQLException("no current schema to install " + table.given + " in", "3F000");
      }
      return schema;
    }
  }

  /**
   * Returns the statements that revoke everything on {@code tables} from {@code PUBLIC} and {@code
   * role}, then grant {@code role} exactly {@code privileges} on them.
   */
  public static List<String> grants(String role, String privileges, String... tables) {
    String list = String.join(", ", tables);
    String quotedRole = Names.quote(role);
    return List.of(
        "REVOKE ALL ON " + list + " FROM PUBLIC, " + quotedRole,
        "GRANT " + privileges + " ON " + list + " TO " + quotedRole);
  }

  /**
   * Returns the statement that lets {@code role} draw from the identity sequence of {@code column}
   * of {@code table} (quoted, qualified), and nothing else on it.
   */
  public static String identityUsage(String role, String table, String column) {
    return "DO $$ BEGIN EXECUTE format('GRANT USAGE ON SEQUENCE %s TO %I',"
        + " pg_get_serial_sequence("
        + Names.literal(table)
        + ", "
        + Names.literal(column)
        + "), "
        + Names.literal(role)
        + "); END $$";
  }
}
