package dev.tdeveloper.compliance.privacy;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The person a privacy request is about, as the systems of one tenant know them: one or more
 * identifiers by kind, such as {@code userId} and {@code email}. Connectors find the subject's data
 * by any of these identifiers. Immutable and thread-safe.
 *
 * <p>Identifier values are personal data: messages about a bad value name its kind and the rule,
 * never the value, and {@link #toString()} hides them.
 *
 * @param tenant the tenant whose systems hold the subject's data
 * @param identifiers the identifiers by kind (letters, digits, {@code . _ -}); at most {@value
 *     #MAX_IDENTIFIERS}, each value 1 to {@value #MAX_VALUE_LENGTH} characters
 */
public record DataSubject(TenantId tenant, SortedMap<String, String> identifiers) {
  /** The most identifiers a subject may carry: {@value}. */
  public static final int MAX_IDENTIFIERS = 16;

  /** The longest identifier value, in characters: {@value}. */
  public static final int MAX_VALUE_LENGTH = 512;

  /**
   * Checks the fields and copies the identifiers.
   *
   * @throws IllegalArgumentException if there is no identifier, too many, or a bad kind or value
   */
  public DataSubject {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(identifiers, "identifiers");
    if (identifiers.isEmpty() || identifiers.size() > MAX_IDENTIFIERS) {
      throw new IllegalArgumentException(
          "a data subject needs 1 to "
              + MAX_IDENTIFIERS
              + " identifiers, had "
              + identifiers.size());
    }
    TreeMap<String, String> copy = new TreeMap<>();
    for (Map.Entry<String, String> e : identifiers.entrySet()) {
      String kind = Checks.name("identifier kind", e.getKey());
      copy.put(kind, Checks.secret("identifier '" + kind + "'", e.getValue(), MAX_VALUE_LENGTH));
    }
    identifiers = Collections.unmodifiableSortedMap(copy);
  }

  /**
   * Returns a subject with one identifier.
   *
   * @throws IllegalArgumentException if the kind or value is invalid
   */
  public static DataSubject of(TenantId tenant, String kind, String value) {
    return new DataSubject(tenant, new TreeMap<>(Map.of(kind, value)));
  }

  /**
   * Returns a copy with one more identifier (or a replaced one of the same kind).
   *
   * @throws IllegalArgumentException if the kind or value is invalid or there would be too many
   */
  public DataSubject with(String kind, String value) {
    TreeMap<String, String> copy = new TreeMap<>(identifiers);
    copy.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(value, "value"));
    return new DataSubject(tenant, copy);
  }

  /** Returns whether {@code other} is in the same tenant and shares at least one identifier. */
  public boolean matches(DataSubject other) {
    Objects.requireNonNull(other, "other");
    return tenant.equals(other.tenant)
        && identifiers.entrySet().stream()
            .anyMatch(e -> e.getValue().equals(other.identifiers.get(e.getKey())));
  }

  /** Returns the tenant and the identifier kinds; the values are personal data and not shown. */
  @Override
  public String toString() {
    return "DataSubject[tenant=" + tenant + ", identifiers=" + identifiers.keySet() + "]";
  }
}
