package dev.tdeveloper.cost.report;

import dev.tdeveloper.cost.money.Money;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Escaping and number formatting shared by the HTML page and its SVG charts. One escape serves
 * both: it uses only the entities XML predefines (or numeric ones), so text is safe in HTML element
 * content, in quoted attributes, and in SVG parsed as XML.
 */
final class Markup {
  private Markup() {}

  /**
   * Escapes text for HTML and XML content and quoted attributes. Characters XML 1.0 forbids
   * (control characters other than tab, newline and carriage return, unpaired surrogates) become
   * U+FFFD, so hostile input can neither inject markup nor break the SVG's well-formedness.
   */
  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)
              || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
              || c == 0xFFFE
              || c == 0xFFFF) {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** An exact amount without exponent, e.g. {@code 12.3400}. */
  static String plain(Money m) {
    return m.amount().toPlainString();
  }

  /** An exact amount with its currency code, escaped-safe (letters, digits, dot, minus). */
  static String money(Money m) {
    return m.currency().getCurrencyCode() + " " + m.amount().toPlainString();
  }

  /** A percentage with its sign, e.g. {@code 12.50%}. */
  static String percent(BigDecimal p) {
    return p.toPlainString() + "%";
  }

  /** A pixel coordinate with one decimal, independent of the default locale. */
  static String px(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
