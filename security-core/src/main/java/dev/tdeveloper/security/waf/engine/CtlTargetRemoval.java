package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.regex.WafPattern;
import java.util.Objects;
import java.util.Optional;

/**
 * A target a rule no longer inspects: a rule exclusion ({@code !ARGS:foo}) or a {@code
 * ctl:ruleRemoveTargetById/ByTag/ByMsg}. A target is removed when its collection is this one and
 * its key equals {@code key} case-insensitively, matches {@code keyPattern}, or when both are empty
 * (the whole collection). Key regexes are case-insensitive, as ModSecurity v3 compiles them.
 * Immutable.
 *
 * @param collection the variable name, upper case
 * @param key the key; empty for all keys or a pattern
 * @param keyPattern a key regex ({@code ARGS:/^pw/}); empty for none
 */
public record CtlTargetRemoval(
    String collection, Optional<String> key, Optional<WafPattern> keyPattern) {
  /** Validates. */
  public CtlTargetRemoval {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(keyPattern, "keyPattern");
  }

  /**
   * Parses {@code COLLECTION}, {@code COLLECTION:key} or {@code COLLECTION:/regex/}.
   *
   * @param spec the target as written
   * @return the removal
   * @throws dev.tdeveloper.security.waf.WafException when the regex does not compile
   */
  public static CtlTargetRemoval parse(String spec) {
    String s = spec.trim();
    int colon = s.indexOf(':');
    if (colon < 0) {
      return new CtlTargetRemoval(upper(s), Optional.empty(), Optional.empty());
    }
    String coll = upper(s.substring(0, colon));
    String k = s.substring(colon + 1);
    if (k.length() >= 2 && k.startsWith("/") && k.endsWith("/")) {
      return new CtlTargetRemoval(
          coll,
          Optional.empty(),
          Optional.of(WafPattern.compile("(?i)" + k.substring(1, k.length() - 1))));
    }
    if (k.length() >= 2 && k.startsWith("'") && k.endsWith("'")) {
      k = k.substring(1, k.length() - 1);
    }
    return new CtlTargetRemoval(coll, Optional.of(k), Optional.empty());
  }

  private static String upper(String s) {
    return s.trim().toUpperCase(java.util.Locale.ROOT);
  }

  /**
   * Whether a target of a collection is removed.
   *
   * @param targetCollection the collection the target came from, upper case
   * @param target the target
   * @return whether it is removed
   */
  public boolean removes(String targetCollection, Target target) {
    if (!collection.equals(targetCollection)) {
      return false;
    }
    if (key.isPresent()) {
      return key.get().equalsIgnoreCase(target.key());
    }
    if (keyPattern.isPresent()) {
      return keyPattern.get().find(target.key(), null)
          == dev.tdeveloper.security.waf.regex.RegexOutcome.MATCHED;
    }
    return true;
  }
}
