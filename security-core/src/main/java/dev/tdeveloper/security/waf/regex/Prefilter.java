package dev.tdeveloper.security.waf.regex;

/**
 * A cheap test run before the regex: an input shorter than the pattern's shortest match, or one
 * that lacks the literals the pattern's {@link Cond} requires or a byte of each class it requires
 * ({@link RequiredBytes}), or one in which no position starts a pair of bytes that a match can
 * start with ({@link StartGrams}), cannot match, so the regex engine is not started. Exact in the
 * safe direction only: it may pass inputs that do not match, never reject one that does.
 * Thread-safe; immutable but for the start-gram table, which is derived on first use.
 */
final class Prefilter {
  /** Passes everything: for the unfiltered reference engine in tests. */
  static final Prefilter NONE =
      new Prefilter(0, Anchoring.UNBOUNDED, null, Cond.TRUE, null, null, null);

  private final int minLength;
  private final int maxLength;
  private final ByteSet firstBytes;
  private final Cond condition;
  private final LiteralScanner scanner;
  private final RequiredBytes required;
  // The start-gram table costs a tree walk (about a tenth of a millisecond a pattern, a tenth of
  // the CRS load) and most patterns never get this far, so it is derived when the other tests
  // first pass. Racy but idempotent: every thread derives the same immutable table from the
  // immutable tree, and a thread that sees the tree gone but not yet the table skips the test,
  // which only lets an input through to the regex.
  private Node startsPending;
  private StartGrams starts;

  private Prefilter(
      int minLength,
      int maxLength,
      ByteSet firstBytes,
      Cond condition,
      LiteralScanner scanner,
      RequiredBytes required,
      Node startsPending) {
    this.startsPending = startsPending;
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.firstBytes = firstBytes;
    this.condition = condition;
    this.scanner = scanner;
    this.required = required;
  }

  /** The prefilter of a parsed pattern. */
  static Prefilter of(Node root) {
    LiteralScanner scanner = LiteralScanner.of(PrefilterBuilder.condition(root));
    Cond used = scanner == null ? Cond.TRUE : scanner.condition();
    boolean start = Anchoring.startAnchored(root);
    int max =
        start && Anchoring.endAnchored(root) ? Anchoring.maxLength(root) : Anchoring.UNBOUNDED;
    ByteSet first = start ? Anchoring.firstBytes(root) : null;
    int min = PrefilterBuilder.minLength(root);
    return new Prefilter(
        min, max, first, used, scanner, RequiredBytes.of(root), min >= 2 ? root : null);
  }

  /** False only when the pattern cannot match anywhere in the input. */
  boolean mayMatch(CharSequence input) {
    return mayMatch(input, false);
  }

  /**
   * As {@link #mayMatch(CharSequence)}; with {@code meetsCondition}, for an input the caller knows
   * to meet {@link #condition}, without the literal scan that would confirm it.
   */
  boolean mayMatch(CharSequence input, boolean meetsCondition) {
    int n = input.length();
    if (n < minLength || n > maxLength) {
      return false;
    }
    if (firstBytes != null && (n == 0 || !mayStart(input.charAt(0)))) {
      return false;
    }
    if (required != null && !required.test(input)) {
      return false;
    }
    if (scanner != null && !meetsCondition && !scanner.test(input)) {
      return false;
    }
    StartGrams grams = startGrams();
    return grams == null || grams.test(input);
  }

  /** The start-gram test, derived now if not yet; null when there is none. */
  private StartGrams startGrams() {
    Node pending = startsPending;
    if (pending != null) {
      starts = StartGrams.of(pending);
      startsPending = null;
    }
    return starts;
  }

  /** Whether a match anchored at the start may begin with c (a char above 0xFF: conservatively). */
  private boolean mayStart(char c) {
    return c > 0xFF || firstBytes.contains(c);
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
    StartGrams s = startGrams();
    return "minLength "
        + minLength
        + (maxLength == Anchoring.UNBOUNDED ? "" : ", maxLength " + maxLength)
        + (firstBytes == null ? "" : ", " + firstBytes.size() + " possible first bytes")
        + (required == null ? "" : ", " + required.classCount() + " required byte classes")
        + (s == null ? "" : ", " + s.pairCount() + " possible starting byte pairs")
        + ", "
        + condition;
  }
}
