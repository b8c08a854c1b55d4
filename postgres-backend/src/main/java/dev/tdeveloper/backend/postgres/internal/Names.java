package dev.tdeveloper.backend.postgres.internal;

import dev.tdeveloper.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/** Names of tenant schemas and databases, and identifier checks. */
public final class Names {
  /** PostgreSQL's identifier limit (NAMEDATALEN - 1), in bytes. */
  static final int MAX_IDENTIFIER = 63;

  private static final Pattern PREFIX = Pattern.compile("[a-z_][a-z0-9_]{0,29}");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private Names() {}

  /**
   * Returns the schema or database name of {@code tenant}: the prefix, then the id with {@code -}
   * turned into {@code _}. Tenant ids never hold {@code _}, so the mapping is one-to-one; a name
   * over 63 characters keeps its first 54 and ends with {@code _} and 8 hex digits of the id's
   * SHA-256.
   */
  public static String storageName(String prefix, TenantId tenant) {
    String name = prefix + tenant.value().replace('-', '_');
    if (name.length() <= MAX_IDENTIFIER) {
      return name;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(tenant.value().getBytes(StandardCharsets.UTF_8));
      return name.substring(0, MAX_IDENTIFIER - 9) + "_" + HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /**
   * Checks a schema or database name prefix.
   *
   * @throws IllegalArgumentException if it does not match {@code [a-z_][a-z0-9_]{0,29}}
   */
  public static String requirePrefix(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "prefix must match [a-z_][a-z0-9_]{0,29}, was '" + prefix.replace("'", "''") + "'");
    }
    return prefix;
  }

  /**
   * Checks a plain lowercase identifier (role, schema).
   *
   * @throws IllegalArgumentException naming {@code field} if it is not {@code [a-z_][a-z0-9_]*}
   */
  public static String requireIdentifier(String field, String value) {
    Objects.requireNonNull(value, field);
    if (!IDENTIFIER.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field + " must match [a-z_][a-z0-9_]{0,62}, was '" + value.replace("'", "''") + "'");
    }
    return value;
  }

  /**
   * Checks and quotes a table name, optionally schema-qualified ({@code platform.tenants}).
   *
   * @throws IllegalArgumentException naming {@code field} if it is not one or two identifiers
   *     {@code [a-z_][a-z0-9_]*} separated by a dot
   */
  public static String qualifiedTable(String field, String table) {
    Objects.requireNonNull(table, field);
    String[] parts = table.split("\\.", -1);
    if (parts.length > 2) {
      throw new IllegalArgumentException(
          field + " must be name or schema.name, was '" + table.replace("'", "''") + "'");
    }
    StringBuilder quoted = new StringBuilder();
    for (String part : parts) {
      if (quoted.length() > 0) {
        quoted.append('.');
      }
      quoted.append(quote(requireIdentifier(field, part)));
    }
    return quoted.toString();
  }

  /** Quotes an identifier for SQL. */
  public static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** Quotes a string literal for SQL (standard_conforming_strings on, as by default). */
  public static String literal(String value) {
    return '\'' + value.replace("'", "''") + '\'';
  }
}
