package dev.tdeveloper.security.waf.seclang;

import java.util.Objects;
import java.util.Optional;

/**
 * One target of a rule as written: {@code ARGS}, {@code ARGS:id}, {@code ARGS:/^id_/}, {@code
 * !REQUEST_COOKIES:/__utm/}, {@code &ARGS}, {@code XML:/*}, {@code TX:paranoia_level}.
 *
 * @param collection the variable or collection name, upper case as ModSecurity spells it ({@code
 *     ARGS}, {@code REQUEST_HEADERS}, {@code TX}, {@code XML})
 * @param key the selector: a name (matched case-insensitively, as ModSecurity does), a regex source
 *     without its slashes when {@code regexKey}, or the XPath of {@code XML}; empty for the whole
 *     collection
 * @param regexKey whether {@code key} is a regex ({@code ARGS:/.../})
 * @param exclusion whether this removes targets ({@code !ARGS:foo}) instead of adding them
 * @param count whether the rule inspects the number of matching elements ({@code &ARGS})
 */
public record VariableRef(
    String collection, Optional<String> key, boolean regexKey, boolean exclusion, boolean count) {
  /** Validates: a regex or exclusion needs a key. */
  public VariableRef {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(key, "key");
    if (collection.isBlank()) {
      throw new IllegalArgumentException("collection: blank; allowed: a variable name");
    }
    if (regexKey && key.isEmpty()) {
      throw new IllegalArgumentException("regexKey: without a key; allowed: a key when regexKey");
    }
  }

  /**
   * A whole collection or a single variable.
   *
   * @param collection the name
   * @return the reference
   */
  public static VariableRef of(String collection) {
    return new VariableRef(collection, Optional.empty(), false, false, false);
  }

  /**
   * One key of a collection.
   *
   * @param collection the name
   * @param key the key
   * @return the reference
   */
  public static VariableRef of(String collection, String key) {
    return new VariableRef(collection, Optional.of(key), false, false, false);
  }

  /** As written in a rule: {@code !&ARGS:/re/}. */
  @Override
  public String toString() {
    return (exclusion ? "!" : "")
        + (count ? "&" : "")
        + collection
        + key.map(k -> ":" + (regexKey ? "/" + k + "/" : k)).orElse("");
  }
}
