package dev.tdeveloper.compliance.spi;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One record of personal data a connector holds about a subject: its category (such as {@code
 * profile}, {@code orders}) and its fields. Immutable and thread-safe. Field values are personal
 * data: messages name fields, never values, and {@link #toString()} hides them.
 *
 * @param category the data category (letters, digits, {@code . _ -}, at most 64)
 * @param fields the fields by name, at most {@value #MAX_FIELDS}, values at most {@value
 *     #MAX_VALUE_LENGTH} characters (may be empty)
 */
public record PersonalDataRecord(String category, SortedMap<String, String> fields) {
  /** The most fields in a record: {@value}. */
  public static final int MAX_FIELDS = 256;

  /** The longest field value, in characters: {@value}. */
  public static final int MAX_VALUE_LENGTH = 65536;

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");

  /**
   * Checks the fields and copies them.
   *
   * @throws IllegalArgumentException if the category or a field name is invalid, there are too many
   *     fields, or a value is too long
   */
  public PersonalDataRecord {
    requireName("category", category);
    Objects.requireNonNull(fields, "fields");
    if (fields.size() > MAX_FIELDS) {
      throw new IllegalArgumentException(
          "a record has at most " + MAX_FIELDS + " fields, had " + fields.size());
    }
    TreeMap<String, String> copy = new TreeMap<>();
    for (Map.Entry<String, String> e : fields.entrySet()) {
      requireName("field name", e.getKey());
      String value = Objects.requireNonNull(e.getValue(), "value of field " + e.getKey());
      if (value.length() > MAX_VALUE_LENGTH) {
        throw new IllegalArgumentException(
            "field '"
                + e.getKey()
                + "' is "
                + value.length()
                + " characters; at most "
                + MAX_VALUE_LENGTH
                + " allowed");
      }
      copy.put(e.getKey(), value);
    }
    fields = Collections.unmodifiableSortedMap(copy);
  }

  /** Returns a record of {@code category} with {@code fields}. */
  public static PersonalDataRecord of(String category, Map<String, String> fields) {
    return new PersonalDataRecord(category, new TreeMap<>(fields));
  }

  /** Returns a copy in which {@code field} holds {@code value}. */
  public PersonalDataRecord with(String field, String value) {
    TreeMap<String, String> copy = new TreeMap<>(fields);
    copy.put(field, value);
    return new PersonalDataRecord(category, copy);
  }

  /** Returns the category and field names; the values are personal data and not shown. */
  @Override
  public String toString() {
    return "PersonalDataRecord[" + category + ", fields=" + fields.keySet() + "]";
  }

  private static void requireName(String what, String name) {
    Objects.requireNonNull(name, what);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what
              + " '"
              + name
              + "' is invalid: 1 to 64 characters of letters, digits, '.', '_' and"
              + " '-', starting with a letter");
    }
  }
}
