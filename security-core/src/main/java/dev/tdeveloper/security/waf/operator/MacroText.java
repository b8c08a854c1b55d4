package dev.tdeveloper.security.waf.operator;

/**
 * An operator parameter that may hold {@code %{collection.key}} macros: text without {@code %{} is
 * used as is; text with one is expanded through the transaction on each evaluation. Immutable.
 */
final class MacroText {
  private final String text;
  private final boolean dynamic;

  private MacroText(String text) {
    this.text = text;
    this.dynamic = text.contains("%{");
  }

  static MacroText of(String text) {
    return new MacroText(text);
  }

  /** Whether the text has a macro (its value depends on the transaction). */
  boolean isDynamic() {
    return dynamic;
  }

  /** The text as written. */
  String text() {
    return text;
  }

  /** The value in a transaction: the expansion when dynamic, else the text itself. */
  String value(OperatorContext ctx) {
    return dynamic ? ctx.expand(text) : text;
  }
}
