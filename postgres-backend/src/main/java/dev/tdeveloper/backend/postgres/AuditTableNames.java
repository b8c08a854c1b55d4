package dev.tdeveloper.backend.postgres;

import dev.tdeveloper.backend.postgres.internal.Names;

/**
 * The audit log's table name as given, split into schema and name and checked, and the quoted names
 * derived from it (the checkpoint table, the trigger functions). Every part of {@link
 * PostgresAuditSink} builds its SQL from these, so a name is checked once and quoted the same way
 * everywhere.
 *
 * <p>Immutable and thread-safe.
 */
final class AuditTableNames {
  /** The table as the caller gave it, optionally schema-qualified. */
  final String given;

  /** The schema, or {@code null}: the search path decides. */
  final String schema;

  /** The log table's name without schema. */
  final String name;

  private AuditTableNames(String given, String schema, String name) {
    this.given = given;
    this.schema = schema;
    this.name = name;
  }

  /**
   * Checks and splits a log table name.
   *
   * @throws IllegalArgumentException if {@code table} is not an optionally schema-qualified
   *     identifier, or its name is longer than {@value PostgresAuditSink#MAX_TABLE_NAME}
   */
  static AuditTableNames parse(String table) {
    Names.qualifiedTable("table", table);
    int dot = table.indexOf('.');
    String name = table.substring(dot + 1);
    if (name.length() > PostgresAuditSink.MAX_TABLE_NAME) {
      throw new IllegalArgumentException(
          "table name must have at most "
              + PostgresAuditSink.MAX_TABLE_NAME
              + " characters, was '"
              + name
              + "' ("
              + name.length()
              + ")");
    }
    return new AuditTableNames(table, dot < 0 ? null : table.substring(0, dot), name);
  }

  /** Returns the same names placed in {@code schema}. */
  AuditTableNames in(String schema) {
    return new AuditTableNames(given, schema, name);
  }

  /** Returns {@code relation} quoted, and qualified by the schema if there is one. */
  String qualified(String relation) {
    return (schema == null ? "" : Names.quote(schema) + ".") + Names.quote(relation);
  }

  /** Returns the log table, quoted. */
  String log() {
    return qualified(name);
  }

  /** Returns the checkpoint table, {@code <table>_checkpoints}, quoted. */
  String checkpoints() {
    return qualified(name + "_checkpoints");
  }
}
