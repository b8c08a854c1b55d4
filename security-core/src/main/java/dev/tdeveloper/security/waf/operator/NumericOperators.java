package dev.tdeveloper.security.waf.operator;

/**
 * The numeric comparisons {@code @eq}, {@code @ge}, {@code @gt}, {@code @le}, {@code @lt}, with
 * ModSecurity v3's conversions of both the input and the (macro-expanded) parameter. Stateless.
 *
 * <p>Each side is read as C reads a leading integer: optional white space ({@code ' '}, {@code \t},
 * {@code \n}, {@code \v}, {@code \f}, {@code \r}), an optional sign, decimal digits; whatever
 * follows is ignored and text without digits is 0 ({@code "12abc"} is 12, {@code "abc"} is 0).
 * {@code @ge}/{@code @gt}/{@code @le}/{@code @lt} use {@code atoll}, which saturates at the 64-bit
 * limits; {@code @eq} uses {@code std::stoi}, for which a value outside the 32-bit range counts as
 * 0 (so {@code "4294967296"} equals {@code "0"}), as in ModSecurity.
 */
final class NumericOperators {
  private NumericOperators() {}

  /** The comparison applied to (input, parameter). */
  enum Comparison {
    EQ,
    GE,
    GT,
    LE,
    LT;

    boolean test(long input, long param) {
      return switch (this) {
        case EQ -> input == param;
        case GE -> input >= param;
        case GT -> input > param;
        case LE -> input <= param;
        case LT -> input < param;
      };
    }

    long convert(CharSequence text) {
      return this == EQ ? stoi(text) : atoll(text);
    }
  }

  /**
   * Compiles a comparison.
   *
   * @throws IllegalArgumentException when a parameter without macros is not a decimal integer in
   *     range (ModSecurity would silently compare with 0)
   */
  static Operator create(Comparison comparison, String param) {
    MacroText p = MacroText.of(param);
    if (!p.isDynamic()) {
      checkInteger(comparison, param);
      long fixed = comparison.convert(param);
      return (ctx, in) -> comparison.test(comparison.convert(in), fixed);
    }
    return (ctx, in) -> comparison.test(comparison.convert(in), comparison.convert(p.value(ctx)));
  }

  /** C's {@code atoll}: the leading integer, saturated at the 64-bit limits; 0 when none. */
  static long atoll(CharSequence s) {
    int i = skipSpace(s);
    int n = s.length();
    boolean negative = false;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    long value = 0;
    boolean overflow = false;
    for (; i < n; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        break;
      }
      if (!overflow) {
        if (value > (Long.MAX_VALUE - d) / 10) {
          overflow = true;
        } else {
          value = value * 10 + d;
        }
      }
    }
    if (overflow) {
      return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return negative ? -value : value;
  }

  /** C++'s {@code std::stoi} as ModSecurity calls it: 0 when there is no number or it overflows. */
  static long stoi(CharSequence s) {
    int i = skipSpace(s);
    int n = s.length();
    boolean negative = false;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    long value = 0;
    for (; i < n; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        break;
      }
      value = value * 10 + d;
      if (value > 1L + Integer.MAX_VALUE) {
        return 0;
      }
    }
    long signed = negative ? -value : value;
    return signed < Integer.MIN_VALUE || signed > Integer.MAX_VALUE ? 0 : signed;
  }

  private static void checkInteger(Comparison comparison, String param) {
    String t = param.strip();
    int i = t.startsWith("+") || t.startsWith("-") ? 1 : 0;
    if (i == t.length()) {
      throw new IllegalArgumentException("not a number");
    }
    for (int k = i; k < t.length(); k++) {
      if (t.charAt(k) < '0' || t.charAt(k) > '9') {
        throw new IllegalArgumentException("not a number");
      }
    }
    boolean inRange;
    try {
      long v = Long.parseLong(t);
      inRange = comparison != Comparison.EQ || (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE);
    } catch (NumberFormatException e) {
      inRange = false;
    }
    if (!inRange) {
      throw new IllegalArgumentException("number out of range");
    }
  }

  private static int skipSpace(CharSequence s) {
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c != ' ' && (c < '\t' || c > '\r')) {
        break;
      }
      i++;
    }
    return i;
  }
}
