package dev.tdeveloper.backend.postgres;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A table that holds tenant data, as {@link TenantStorage} creates it in every isolation mode: in
 * {@link dev.tdeveloper.tenancy.IsolationMode#ROW ROW} mode it gets a leading {@value
 * #TENANT_COLUMN} column (defaulting to the bound tenant), an index on it and the row-level
 * security policies; in {@code SCHEMA} mode one copy per tenant schema, guarded by a policy that
 * admits only that tenant; in {@code DATABASE} mode one copy per tenant database.
 *
 * <p>{@code columns} is SQL written by the developer (column and constraint definitions as they
 * appear between the parentheses of {@code CREATE TABLE}); it is pasted into DDL as is, so it must
 * never hold user input. In {@code ROW} mode, include {@value #TENANT_COLUMN} in unique constraints
 * ({@code UNIQUE (tenant_id, email)}): a constraint across tenants reveals, by its violation, that
 * another tenant holds a value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the table name, a lowercase identifier {@code [a-z_][a-z0-9_]*} of at most 50
 *     characters
 * @param columns the column and constraint definitions, not blank
 */
public record TenantTable(String name, String columns) {
  /** The column that holds the tenant id in {@code ROW} mode: {@value}. */
  public static final String TENANT_COLUMN = "tenant_id";

  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,49}");

  /**
   * Validates the table.
   *
   * @throws NullPointerException naming the null field
   * @throws IllegalArgumentException if the name is not a lowercase identifier or is {@value
   *     #TENANT_COLUMN}, or the columns are blank
   */
  public TenantTable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(columns, "columns");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name must match [a-z_][a-z0-9_]{0,49}, was '" + name.replace("'", "''") + "'");
    }
    if (columns.isBlank()) {
      throw new IllegalArgumentException("columns of table '" + name + "' must not be blank");
    }
  }

  /** Returns a table; shorthand for the constructor. */
  public static TenantTable of(String name, String columns) {
    return new TenantTable(name, columns);
  }
}
