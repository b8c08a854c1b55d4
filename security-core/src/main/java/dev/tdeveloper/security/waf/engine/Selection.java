package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.regex.RegexOutcome;
import dev.tdeveloper.security.waf.regex.WafPattern;
import java.util.List;
import java.util.Optional;

/**
 * Selecting the elements of a collection by key, as ModSecurity does: a plain key matches
 * case-insensitively, a key regex is searched in each key (a search that exceeds its budget selects
 * nothing). Stateless.
 */
final class Selection {
  private Selection() {}

  /**
   * Whether an element's key is selected.
   *
   * @param elementKey the element's key
   * @param key the selector key; empty for all
   * @param keyPattern the selector regex; empty for none
   * @return true when selected
   */
  static boolean selects(String elementKey, Optional<String> key, Optional<WafPattern> keyPattern) {
    if (key.isPresent() && !elementKey.equalsIgnoreCase(key.get())) {
      return false;
    }
    return keyPattern.isEmpty() || keyPattern.get().find(elementKey, null) == RegexOutcome.MATCHED;
  }

  /**
   * Appends the selected targets of a precomputed collection.
   *
   * @param targets the collection's targets
   * @param key the selector key; empty for all
   * @param keyPattern the selector regex; empty for none
   * @param out where the selected targets go
   */
  static void select(
      Target[] targets, Optional<String> key, Optional<WafPattern> keyPattern, List<Target> out) {
    if (key.isEmpty() && keyPattern.isEmpty()) {
      for (Target t : targets) {
        out.add(t);
      }
      return;
    }
    for (Target t : targets) {
      if (selects(t.key(), key, keyPattern)) {
        out.add(t);
      }
    }
  }
}
