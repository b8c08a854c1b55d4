package dev.tdeveloper.security.pii.internal;

import dev.tdeveloper.security.pii.PiiEntity;
import dev.tdeveloper.security.pii.PiiFinding;
import dev.tdeveloper.security.pii.PiiLimitExceededException;
import java.util.ArrayList;
import java.util.List;

/** The state of one scan: the text, the findings so far and scratch arrays. Not thread-safe. */
final class Scan {
  /** The most digit groups a numeric candidate is read into. */
  static final int MAX_GROUPS = 8;

  final CharSequence text;
  final int n;
  final List<PiiFinding> findings = new ArrayList<>();
  final int[] groupStart = new int[MAX_GROUPS];
  final int[] groupEnd = new int[MAX_GROUPS];
  final char[] separator = new char[MAX_GROUPS];

  /** Where a matcher that recognized a non-entity (an IBAN failing mod 97) says to resume. */
  int skipTo;

  private final PiiScanner scanner;
  private int lastEnd;

  Scan(PiiScanner scanner, CharSequence text) {
    this.scanner = scanner;
    this.text = text;
    this.n = text.length();
  }

  /** Returns the character at {@code i}, or 0 past the end. */
  char at(int i) {
    return i < n ? text.charAt(i) : 0;
  }

  boolean enabled(PiiEntity entity) {
    return scanner.enabled(entity);
  }

  /**
   * Scores a verified candidate with its context and records it if it reaches the threshold.
   *
   * @throws PiiLimitExceededException if the finding would exceed the scanner's maximum
   */
  boolean accept(PiiEntity entity, int start, int end, double base) {
    if (!scanner.enabled(entity)) {
      return false;
    }
    double score = scanner.scorer().score(text, lastEnd, start, end, entity, base);
    if (score < scanner.threshold()) {
      return false;
    }
    if (findings.size() >= scanner.maxFindings()) {
      throw new PiiLimitExceededException(
          "text holds more than maxFindings=" + scanner.maxFindings() + " findings");
    }
    findings.add(new PiiFinding(entity, start, end, score));
    lastEnd = end;
    return true;
  }

  /**
   * Whether a candidate may end at {@code j}: the text ends, or the next character is no letter or
   * digit and no joiner ({@code . - _ @}) followed by one (so {@code 1.2.3.4.5} holds no IPv4).
   */
  boolean endOk(int j) {
    if (j >= n) {
      return true;
    }
    char c = text.charAt(j);
    if (Checks.isWordChar(c)) {
      return false;
    }
    return !(isJoiner(c) && j + 1 < n && Checks.isAlnum(text.charAt(j + 1)));
  }

  static boolean isJoiner(char c) {
    return c == '.' || c == '-' || c == '_' || c == '@';
  }
}
