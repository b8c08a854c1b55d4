package dev.tdeveloper.security.waf.regex;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The literal condition of a phrase operator ({@code @pm}, {@code @pmFromFile}) for a {@link
 * LiteralIndex}: the input must contain, ASCII case-insensitively, the first {@value #MAX_LITERAL}
 * bytes of one of the phrases (the whole phrase when shorter). An input holding a phrase holds its
 * first bytes, so the condition never rejects an input the operator matches; the prefixes rather
 * than the whole phrases keep the index's automaton small (CRS's phrase files hold about 40,000
 * trie states, their 8-byte prefixes 7,000) and share its states between phrases.
 *
 * <p>A set with a phrase shorter than {@value #MIN_LITERAL} bytes gets no condition (every input
 * may match): a one-byte literal would be found in most values and cost every scan for nothing.
 * Immutable and thread-safe.
 */
public final class PhraseLiterals {
  /** Longest literal taken from a phrase: its prefix of this many bytes. */
  static final int MAX_LITERAL = 8;

  /** Phrases shorter than this leave the set without a condition. */
  static final int MIN_LITERAL = 2;

  private final Cond condition;

  private PhraseLiterals(Cond condition) {
    this.condition = condition;
  }

  /**
   * The condition of a phrase set.
   *
   * @param phrases the operator's phrases as it searches them (byte strings, compared ASCII
   *     case-insensitively)
   * @return the condition; {@link #indexed()} false when a phrase is too short or there are none
   */
  public static PhraseLiterals of(List<String> phrases) {
    Set<String> texts = new LinkedHashSet<>();
    for (String p : phrases) {
      if (p.length() < MIN_LITERAL) {
        return new PhraseLiterals(Cond.TRUE);
      }
      texts.add(asciiLower(p, Math.min(p.length(), MAX_LITERAL)));
    }
    // A literal holding another one adds nothing to the OR (as Cond.or drops it): with literals of
    // at most MAX_LITERAL chars, a look-up per proper substring instead of a test per pair.
    List<Cond> kept = new ArrayList<>(texts.size());
    for (String t : texts) {
      if (!holdsAnother(t, texts)) {
        kept.add(new Cond.Lit(t));
      }
    }
    return new PhraseLiterals(
        kept.isEmpty()
            ? Cond.TRUE
            : kept.size() == 1 ? kept.get(0) : new Cond.Or(List.copyOf(kept)));
  }

  /** Whether a proper substring of t is in the set. */
  private static boolean holdsAnother(String t, Set<String> texts) {
    for (int from = 0; from < t.length(); from++) {
      for (int to = from + 1; to <= t.length(); to++) {
        if (to - from < t.length() && texts.contains(t.substring(from, to))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the set has a condition an index can decide.
   *
   * @return false when every input may match
   */
  public boolean indexed() {
    return !(condition instanceof Cond.True);
  }

  /** The condition: an OR of lower-case literals, or TRUE. */
  Cond condition() {
    return condition;
  }

  /** The first n chars of s with A-Z lowered and every other char as it is (as the operator). */
  private static String asciiLower(String s, int n) {
    char[] out = new char[n];
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      out[i] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
    return new String(out);
  }

  @Override
  public String toString() {
    return condition.toString();
  }
}
