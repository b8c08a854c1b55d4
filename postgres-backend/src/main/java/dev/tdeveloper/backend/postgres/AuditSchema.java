package dev.tdeveloper.backend.postgres;

import dev.tdeveloper.backend.postgres.internal.Names;
import dev.tdeveloper.compliance.ComplianceException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Installs the audit log's tables as their owner: the log and checkpoint tables, the partial index
 * on retained entries, the triggers that keep the sequence gap-free and let retention only null
 * events, and the grants that leave the application role {@code SELECT} and {@code INSERT} alone.
 * Kept apart from {@link PostgresAuditSink} because it runs once per deployment with the owner's
 * connections, never on the sink's own path; {@link PostgresAuditSink#install} delegates here.
 *
 * <p>Stateless and thread-safe.
 */
final class AuditSchema {
  private AuditSchema() {}

  /** See {@link PostgresAuditSink#install}. */
  static void install(DataSource admin, String table, String applicationRole) {
    Objects.requireNonNull(admin, "admin");
    AuditTableNames names = AuditTableNames.parse(table);
    String role = Names.quote(Names.requireIdentifier("applicationRole", applicationRole));
    try (Connection connection = admin.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        String schema = names.schema;
        if (schema == null) {
          try (ResultSet current = statement.executeQuery("SELECT current_schema()")) {
            current.next();
            schema = current.getString(1);
          }
        } else {
          statement.execute("CREATE SCHEMA IF NOT EXISTS " + Names.quote(schema));
        }
        AuditTableNames resolved = names.in(schema);
        for (String sql : installStatements(resolved, role)) {
          statement.execute(sql);
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new ComplianceException("could not install audit log " + table + ": " + e, e);
    }
  }

  /**
   * Returns the DDL for tables whose schema is resolved, in order; every statement is idempotent so
   * a second install repairs or upgrades the first (retention's nullable event, its trigger).
   */
  private static List<String> installStatements(AuditTableNames t, String role) {
    String log = t.log();
    String checkpoints = t.checkpoints();
    String function = t.qualified(t.name + "_follows_on");
    List<String> sql = new ArrayList<>();
    sql.add(
        "CREATE TABLE IF NOT EXISTS "
            + log
            + " (seq bigint PRIMARY KEY CHECK (seq >= 0),"
            + " event bytea NOT NULL CHECK (length(event) > 0),"
            + " leaf_hash bytea NOT NULL CHECK (leaf_hash = sha256('\\x00'::bytea || event)),"
            + " chain bytea CHECK (chain IS NULL OR length(chain) = 32),"
            + " appended_at timestamptz NOT NULL)");
    sql.add(
        "CREATE TABLE IF NOT EXISTS "
            + checkpoints
            + " (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text NOT NULL,"
            + " stored_at timestamptz NOT NULL)");
    // Retention sets old events to null; the checks above pass for null, appends never carry it.
    sql.add("ALTER TABLE " + log + " ALTER COLUMN event DROP NOT NULL");
    sql.add(
        "CREATE INDEX IF NOT EXISTS "
            + Names.quote(t.name + "_retained")
            + " ON "
            + log
            + " (seq) WHERE event IS NOT NULL");
    String onlyRetention = t.qualified(t.name + "_only_retention");
    sql.add(
        "CREATE OR REPLACE FUNCTION "
            + onlyRetention
            + "() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$"
            + " BEGIN"
            + " IF NEW.event IS NOT NULL OR NEW.seq IS DISTINCT FROM OLD.seq"
            + " OR NEW.leaf_hash IS DISTINCT FROM OLD.leaf_hash"
            + " OR NEW.chain IS DISTINCT FROM OLD.chain"
            + " OR NEW.appended_at IS DISTINCT FROM OLD.appended_at THEN"
            + " RAISE EXCEPTION 'audit entry % may only lose its event to retention', OLD.seq"
            + " USING ERRCODE = 'integrity_constraint_violation';"
            + " END IF;"
            + " RETURN NEW;"
            + " END $f$");
    sql.add(
        "CREATE OR REPLACE TRIGGER only_retention BEFORE UPDATE ON "
            + log
            + " FOR EACH ROW EXECUTE FUNCTION "
            + onlyRetention
            + "()");
    sql.add(
        "CREATE OR REPLACE FUNCTION "
            + function
            + "() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$"
            + " DECLARE expected bigint;"
            + " BEGIN"
            + " IF NEW.event IS NULL THEN"
            + " RAISE EXCEPTION 'audit entry % has no event', NEW.seq"
            + " USING ERRCODE = 'not_null_violation';"
            + " END IF;"
            + " SELECT coalesce(max(seq) + 1, 0) INTO expected FROM "
            + log
            + ";"
            + " IF NEW.seq IS DISTINCT FROM expected THEN"
            + " RAISE EXCEPTION 'audit entry % does not follow on: expected %', NEW.seq, expected"
            + " USING ERRCODE = 'integrity_constraint_violation';"
            + " END IF;"
            + " RETURN NEW;"
            + " END $f$");
    sql.add(
        "CREATE OR REPLACE TRIGGER follows_on BEFORE INSERT ON "
            + log
            + " FOR EACH ROW EXECUTE FUNCTION "
            + function
            + "()");
    sql.add("REVOKE ALL ON " + log + ", " + checkpoints + " FROM PUBLIC, " + role);
    sql.add("GRANT SELECT, INSERT ON " + log + ", " + checkpoints + " TO " + role);
    sql.add("GRANT USAGE ON SCHEMA " + Names.quote(t.schema) + " TO " + role);
    return sql;
  }
}
