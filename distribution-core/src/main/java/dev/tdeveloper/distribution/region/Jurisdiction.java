package dev.tdeveloper.distribution.region;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A legal area data can be kept in: a country (its ISO 3166-1 alpha-2 code, {@code DE}) or a group
 * of countries ({@code EU}, {@code EEA}, {@code US}, {@code APAC}). Every region belongs to the
 * jurisdiction of its country and to the groups its {@code regions.yaml} entry lists, so a
 * residency policy can say "EU only" or "Germany only" with the same type.
 *
 * <p>Immutable and thread-safe; ordered by code.
 *
 * @param code two to eight uppercase letters or digits, starting with a letter
 */
public record Jurisdiction(String code) implements Comparable<Jurisdiction> {
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]{1,7}");

  /**
   * Validates a code.
   *
   * @throws IllegalArgumentException if {@code code} is not 2-8 uppercase letters or digits
   */
  public Jurisdiction {
    Objects.requireNonNull(code, "code");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "invalid jurisdiction '"
              + (code.length() > 40 ? code.substring(0, 40) + "..." : code)
              + "': allowed: 2-8 uppercase letters or digits starting with a letter, such as EU,"
              + " US or DE");
    }
  }

  /**
   * Returns the jurisdiction for {@code code}.
   *
   * @param code the code, such as {@code EU}
   * @return the jurisdiction
   */
  public static Jurisdiction of(String code) {
    return new Jurisdiction(code);
  }

  @Override
  public int compareTo(Jurisdiction other) {
    return code.compareTo(other.code);
  }

  @Override
  public String toString() {
    return code;
  }
}
