package dev.tdeveloper.backend.postgres.internal;

import java.util.Objects;
import java.util.Optional;

/**
 * A validated table name, optionally schema-qualified, from which a store derives the names of its
 * companion tables ({@code <name>_versions}, {@code <name>_scopes}).
 *
 * @param schema the schema, empty when the search path decides
 * @param name the table's own name
 */
public record TableName(Optional<String> schema, String name) {
  /** Checks the components. */
  public TableName {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
  }

  /**
   * Parses {@code table} ({@code name} or {@code schema.name}).
   *
   * @param field the setting's name, for messages
   * @param maxName the longest table name allowed, so derived names stay identifiers
   * @throws IllegalArgumentException naming {@code field} if it is not one or two identifiers
   *     {@code [a-z_][a-z0-9_]*}, or the name is longer than {@code maxName}
   */
  public static TableName parse(String field, String table, int maxName) {
    Names.qualifiedTable(field, table);
    int dot = table.indexOf('.');
    String name = table.substring(dot + 1);
    if (name.length() > maxName) {
      throw new IllegalArgumentException(
          field
              + " must name a table of at most "
              + maxName
              + " characters, was '"
              + name
              + "' ("
              + name.length()
              + ")");
    }
    return new TableName(dot < 0 ? Optional.empty() : Optional.of(table.substring(0, dot)), name);
  }

  /** Returns the quoted, qualified name of this table with {@code suffix} appended to its name. */
  public String qualified(String suffix) {
    return schema.map(s -> Names.quote(s) + ".").orElse("") + Names.quote(name + suffix);
  }

  /** Returns the quoted, qualified name of this table. */
  public String qualified() {
    return qualified("");
  }

  /** Returns {@code CREATE SCHEMA IF NOT EXISTS} for the schema, if one is named. */
  public Optional<String> createSchema() {
    return schema.map(s -> "CREATE SCHEMA IF NOT EXISTS " + Names.quote(s));
  }
}
