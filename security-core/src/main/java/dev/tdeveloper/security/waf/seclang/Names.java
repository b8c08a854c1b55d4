package dev.tdeveloper.security.waf.seclang;

import dev.tdeveloper.tenancy.internal.Texts;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A vocabulary looked up case-insensitively, as ModSecurity v3's lexer reads every SecLang name,
 * answering the canonical spelling, the sorted list for error messages and the nearest name for a
 * did-you-mean. Immutable and thread-safe.
 */
final class Names {
  private final Map<String, String> canonicalByLower = new HashMap<>();
  private final String allowed;

  Names(Collection<String> names, Map<String, String> aliases) {
    for (String name : names) {
      canonicalByLower.put(name.toLowerCase(Locale.ROOT), name);
    }
    aliases.forEach(
        (alias, target) -> canonicalByLower.put(alias.toLowerCase(Locale.ROOT), target));
    TreeSet<String> sorted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    sorted.addAll(names);
    sorted.addAll(aliases.keySet());
    this.allowed = String.join(", ", sorted);
  }

  Names(Collection<String> names) {
    this(names, Map.of());
  }

  /** The canonical spelling of a name or alias, any case. */
  Optional<String> resolve(String name) {
    return Optional.ofNullable(canonicalByLower.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The allowed names, sorted, comma-separated. */
  String allowed() {
    return allowed;
  }

  /** " (did you mean X?)" for the nearest name within a small edit distance, else "". */
  String didYouMean(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Map.Entry<String, String> e : canonicalByLower.entrySet()) {
      int d = Texts.editDistance(lower, e.getKey());
      if (d < bestDistance
          || (d == bestDistance && best != null && e.getValue().compareTo(best) < 0)) {
        bestDistance = d;
        best = e.getValue();
      }
    }
    int tolerance = Math.max(2, lower.length() / 4);
    return best != null && bestDistance <= tolerance ? " (did you mean " + best + "?)" : "";
  }
}
