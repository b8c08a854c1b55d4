package dev.tdeveloper.security.pii.internal;

import dev.tdeveloper.security.pii.PiiEntity;
import dev.tdeveloper.security.pii.PiiFinding;
import dev.tdeveloper.security.pii.PiiLimitExceededException;
import java.util.List;
import java.util.Set;

/**
 * One pass over a text that finds every entity without running a regular expression over it.
 *
 * <p>The scan visits each <em>start</em>: a letter, digit, {@code +}, {@code (} or {@code ::} not
 * glued to the token before it. At a start, cheap anchors pick the matchers worth trying ({@code
 * eyJ} for a JWT, {@code A} for an AWS key, two capitals for an IBAN, a digit, {@code +} or {@code
 * (} for numbers), each reads a bounded number of characters and verifies its candidate (Luhn, mod
 * 97, SSN ranges, IP parsing, dates, entropy) before context words score it. The first candidate to
 * reach the threshold is a finding and the scan resumes after it, so findings never overlap;
 * otherwise the scan skips the rest of the token. Each character is read a bounded number of times,
 * so the work is linear in the text whatever it holds. Immutable and thread-safe.
 */
public final class PiiScanner {
  private final boolean[] enabled = new boolean[PiiEntity.values().length];
  private final double threshold;
  private final ContextScorer scorer;
  private final int maxInputChars;
  private final int maxFindings;

  /** Creates a scanner; arguments are validated by the public builder. */
  public PiiScanner(
      Set<PiiEntity> entities,
      double threshold,
      ContextScorer scorer,
      int maxInputChars,
      int maxFindings) {
    entities.forEach(e -> enabled[e.ordinal()] = true);
    this.threshold = threshold;
    this.scorer = scorer;
    this.maxInputChars = maxInputChars;
    this.maxFindings = maxFindings;
  }

  /**
   * Returns the findings of {@code text} in order.
   *
   * @throws PiiLimitExceededException if the text or its findings exceed the limits
   */
  public List<PiiFinding> scan(CharSequence text) {
    if (text.length() > maxInputChars) {
      throw new PiiLimitExceededException(
          "text of "
              + text.length()
              + " characters exceeds maxInputChars="
              + maxInputChars
              + "; split it before scanning");
    }
    Scan scan = new Scan(this, text);
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (!isStart(scan, c, i)) {
        i++;
        continue;
      }
      scan.skipTo = -1;
      int end = i > 0 && blocks(text.charAt(i - 1)) ? -1 : tryAt(scan, c, i);
      if (end > i) {
        i = end;
      } else if (scan.skipTo > i) {
        i = scan.skipTo;
      } else {
        // An opening parenthesis or plus that led nowhere may still precede a number.
        i = Checks.isAlnum(c) ? skipToken(text, i) : i + 1;
      }
    }
    return scan.findings;
  }

  private static boolean isStart(Scan scan, char c, int i) {
    if (Checks.isAlnum(c)) {
      return true;
    }
    char next = scan.at(i + 1);
    return ((c == '+' || c == '(') && Checks.isDigit(next)) || (c == ':' && next == ':');
  }

  /** A start glued to the token before it is no start ({@code v1.2.3.4}, {@code x-4111...}). */
  private static boolean blocks(char previous) {
    return Checks.isWordChar(previous) || Scan.isJoiner(previous) || previous == '+';
  }

  private static int skipToken(CharSequence text, int i) {
    int j = i + 1;
    while (j < text.length()) {
      char c = text.charAt(j);
      if (!Checks.isWordChar(c) && !Scan.isJoiner(c) && c != '+') {
        break;
      }
      j++;
    }
    return j;
  }

  /** Tries the matchers the anchor at {@code i} allows; returns the end of a finding or -1. */
  private static int tryAt(Scan scan, char c, int i) {
    int end = -1;
    if (c == 'e') {
      end = TextMatchers.jwt(scan, i);
    } else if (c == 'A') {
      end = TextMatchers.awsKey(scan, i);
    }
    if (end < 0 && c >= 'A' && c <= 'Z') {
      end = TextMatchers.iban(scan, i);
    }
    if (end < 0 && Checks.isAlnum(c)) {
      end = TextMatchers.email(scan, i);
    }
    if (end < 0 && (Checks.isDigit(c) || c == '+' || c == '(')) {
      end = NumericMatchers.match(scan, i);
    }
    if (end < 0 && (c == ':' || Character.digit(c, 16) >= 0)) {
      end = TextMatchers.ipv6(scan, i);
    }
    if (end < 0 && Checks.isAlnum(c)) {
      end = TextMatchers.secretToken(scan, i);
    }
    return end;
  }

  boolean enabled(PiiEntity entity) {
    return enabled[entity.ordinal()];
  }

  double threshold() {
    return threshold;
  }

  ContextScorer scorer() {
    return scorer;
  }

  int maxFindings() {
    return maxFindings;
  }
}
