package dev.tdeveloper.security.waf.regex;

/**
 * The input of one backtracking search, counting every {@link #charAt} as a step and stopping the
 * search with {@link Exhausted} once the budget is spent. A backtracking matcher reads a character
 * for every step it tries, so the count bounds the work of any pattern. One per search; not
 * thread-safe.
 */
final class BudgetedInput implements CharSequence {
  /** Thrown out of the matcher when the budget is spent: shared, without a stack trace. */
  static final class Exhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final Exhausted INSTANCE = new Exhausted();

    private Exhausted() {
      super("regex step budget exhausted", null, false, false);
    }
  }

  private final CharSequence text;
  private long remaining;

  BudgetedInput(CharSequence text, long budget) {
    this.text = text;
    this.remaining = budget;
  }

  @Override
  public char charAt(int index) {
    if (--remaining < 0) {
      throw Exhausted.INSTANCE;
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.subSequence(start, end);
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
