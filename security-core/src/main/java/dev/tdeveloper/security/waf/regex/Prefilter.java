package dev.tdeveloper.security.waf.regex;

/**
 * A cheap test run before the regex: an input shorter than the pattern's shortest match, or one
 * that lacks the literals the pattern's {@link Cond} requires, cannot match, so the regex engine is
 * not started. Exact in the safe direction only: it may pass inputs that do not match, never reject
 * one that does. Immutable and thread-safe.
 */
final class Prefilter {
  /** Passes everything: for the unfiltered reference engine in tests. */
  static final Prefilter NONE = new Prefilter(0, Cond.TRUE, null);

  private final int minLength;
  private final Cond condition;
  private final LiteralScanner scanner;

  private Prefilter(int minLength, Cond condition, LiteralScanner scanner) {
    this.minLength = minLength;
    this.condition = condition;
    this.scanner = scanner;
  }

  /** The prefilter of a parsed pattern. */
  static Prefilter of(Node root) {
    LiteralScanner scanner = LiteralScanner.of(PrefilterBuilder.condition(root));
    Cond used = scanner == null ? Cond.TRUE : scanner.condition();
    return new Prefilter(PrefilterBuilder.minLength(root), used, scanner);
  }

  /** False only when the pattern cannot match anywhere in the input. */
  boolean mayMatch(CharSequence input) {
    return input.length() >= minLength && (scanner == null || scanner.test(input));
  }

  int minLength() {
    return minLength;
  }

  /** The literal condition checked, TRUE when none. */
  Cond condition() {
    return condition;
  }

  /** Whether a literal condition is checked (beyond the length). */
  boolean literal() {
    return scanner != null;
  }

  @Override
  public String toString() {
    return "minLength " + minLength + ", " + condition;
  }
}
