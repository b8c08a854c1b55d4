package dev.tdeveloper.security.waf.operator;

import dev.tdeveloper.security.waf.regex.PhraseLiterals;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code @pm} and {@code @pmFromFile}: case-insensitive (ASCII) search for any of a set of phrases
 * anywhere in the input, through one {@link PhraseAutomaton} per rule. With the {@code capture}
 * action, {@code TX:0} receives the phrase that matched, spelled as in the rule or data file (the
 * longest phrase ending at the first position where one ends). Thread-safe.
 *
 * <p>Deviation from ModSecurity's {@code acmp}: when the phrase found is a suffix of a longer
 * partial match (phrases {@code abcd} and {@code bc}, input {@code abcx}), ModSecurity's {@code
 * TX:0} holds the text of the partial match ({@code abc}); we report the phrase that matched
 * ({@code bc}).
 */
final class PhraseOperators {
  private PhraseOperators() {}

  /** An operator searching these phrases, with their literal condition for an index. */
  static Operator of(List<String> phrases) {
    return new Search(PhraseAutomaton.build(phrases), PhraseLiterals.of(phrases));
  }

  /** The operator over a built automaton. */
  private record Search(PhraseAutomaton automaton, PhraseLiterals literals) implements Operator {
    @Override
    public boolean evaluate(OperatorContext ctx, String in) {
      int found = automaton.find(in);
      if (found < 0) {
        return false;
      }
      if (ctx.capturing()) {
        ctx.capture(0, automaton.phrase(found));
      }
      return true;
    }

    @Override
    public Optional<PhraseLiterals> phraseLiterals() {
      return literals.indexed() ? Optional.of(literals) : Optional.empty();
    }
  }

  /**
   * The phrases of an {@code @pm} parameter, read as ModSecurity reads them: surrounding white
   * space and one pair of enclosing double quotes removed; {@code |hex bytes|} sections ({@code |0d
   * 0a|}) decoded; the escapes {@code \:}, {@code \;}, {@code \\}, {@code \"} and {@code \|}
   * decoded; then the result split at white space.
   *
   * <p>Deviations: ModSecurity silently falls back to the raw parameter on a bad escape and ignores
   * non-hex characters between pipes (and, by a bug, the digits {@code 0-9} there); we decode the
   * digits and refuse the rest at load time.
   *
   * @throws IllegalArgumentException naming the problem
   */
  static List<String> parsePm(String param) {
    String p = param.strip();
    if (p.length() >= 2 && p.charAt(0) == '"' && p.charAt(p.length() - 1) == '"') {
      p = p.substring(1, p.length() - 1);
    }
    StringBuilder decoded = new StringBuilder(p.length());
    boolean hex = false;
    int pendingNibble = -1;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (hex) {
        if (c == '|') {
          if (pendingNibble >= 0) {
            throw new IllegalArgumentException("odd number of hex digits between pipes");
          }
          hex = false;
        } else if (c != ' ') {
          int v = Character.digit(c, 16);
          if (v < 0 || c > 0x7f) {
            throw new IllegalArgumentException("not a hex digit between pipes: " + c);
          }
          if (pendingNibble < 0) {
            pendingNibble = v;
          } else {
            decoded.append((char) (pendingNibble << 4 | v));
            pendingNibble = -1;
          }
        }
      } else if (c == '|') {
        hex = true;
      } else if (c == '\\') {
        char e = i + 1 < p.length() ? p.charAt(++i) : '\0';
        if (e != ':' && e != ';' && e != '\\' && e != '"' && e != '|') {
          throw new IllegalArgumentException("unsupported escape \\" + (e == '\0' ? "" : e));
        }
        decoded.append(e);
      } else {
        decoded.append(c);
      }
    }
    if (hex) {
      throw new IllegalArgumentException("unterminated |hex| section");
    }
    List<String> phrases = splitAtSpace(decoded);
    if (phrases.isEmpty()) {
      throw new IllegalArgumentException("no phrases");
    }
    return phrases;
  }

  /**
   * The phrases of data files: every line that is not blank or a comment, exactly as written
   * (leading and trailing spaces are part of the phrase, as in ModSecurity; CRS's {@code
   * sql-errors.data} relies on it). Deviation: ModSecurity keeps a white-space-only line as a
   * phrase of spaces and keeps a trailing {@code \r}; we skip the one and drop the other.
   */
  static List<String> fromLines(List<DataFiles.Line> lines) {
    List<String> phrases = new ArrayList<>(lines.size());
    for (DataFiles.Line line : lines) {
      if (!DataFiles.isBlankOrComment(line.text())) {
        phrases.add(line.text());
      }
    }
    return phrases;
  }

  private static List<String> splitAtSpace(CharSequence s) {
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= s.length(); i++) {
      boolean space = i == s.length() || isSpace(s.charAt(i));
      if (space && start >= 0) {
        out.add(s.subSequence(start, i).toString());
        start = -1;
      } else if (!space && start < 0) {
        start = i;
      }
    }
    return out;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }
}
