package dev.tdeveloper.backend.postgres;

import dev.tdeveloper.compliance.ComplianceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The check {@link PostgresAuditSink#open} makes before it appends anything: the connecting role
 * must hold {@code SELECT} and {@code INSERT} on the log and checkpoint tables and nothing that
 * could change or remove an entry ({@code UPDATE}, {@code DELETE}, {@code TRUNCATE}, {@code
 * TRIGGER}, {@code REFERENCES}). A sink that refuses such a role keeps the log append-only even
 * when a deployment grants too much.
 *
 * <p>Stateless and thread-safe.
 */
final class AuditPrivileges {
  private AuditPrivileges() {}

  /**
   * Checks the role's privileges on both tables and returns the log's lock key, its oid.
   *
   * @throws ComplianceException naming the role, what it may do too much and what it lacks
   * @throws SQLException if a table is missing or the database cannot be reached
   */
  static int check(Connection connection, AuditTableNames names) throws SQLException {
    long oid = 0;
    List<String> excess = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String table : List.of(names.log(), names.checkpoints())) {
      try (PreparedStatement query =
          connection.prepareStatement(
              "SELECT ?::regclass::oid, current_user,"
                  + " has_table_privilege(?, 'SELECT'), has_table_privilege(?, 'INSERT'),"
                  + " has_any_column_privilege(?, 'UPDATE'), has_table_privilege(?, 'DELETE'),"
                  + " has_table_privilege(?, 'TRUNCATE'), has_table_privilege(?, 'TRIGGER'),"
                  + " has_any_column_privilege(?, 'REFERENCES')")) {
        for (int i = 1; i <= 8; i++) {
          query.setString(i, table);
        }
        try (ResultSet row = query.executeQuery()) {
          row.next();
          if (table.equals(names.log())) {
            oid = row.getLong(1);
          }
          String[] privileges = {"SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "TRIGGER"};
          for (int i = 0; i < privileges.length; i++) {
            boolean held = row.getBoolean(i + 3);
            if (i < 2 && !held) {
              missing.add(privileges[i] + " on " + table);
            } else if (i >= 2 && held) {
              excess.add(privileges[i] + " on " + table);
            }
          }
          if (row.getBoolean(9)) {
            excess.add("REFERENCES on " + table);
          }
          if (!excess.isEmpty() || !missing.isEmpty()) {
            throw new ComplianceException(
                "role '"
                    + row.getString(2)
                    + "' cannot keep audit log "
                    + names.log()
                    + " append-only: "
                    + (excess.isEmpty() ? "" : "it may " + excess)
                    + (excess.isEmpty() || missing.isEmpty() ? "" : " and ")
                    + (missing.isEmpty() ? "" : "it lacks " + missing)
                    + "; connect as a role with SELECT and INSERT only, as"
                    + " PostgresAuditSink.install grants");
          }
        }
      }
    }
    return (int) oid;
  }
}
