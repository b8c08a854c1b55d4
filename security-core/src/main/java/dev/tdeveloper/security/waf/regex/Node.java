package dev.tdeveloper.security.waf.regex;

import java.util.List;

/**
 * The parsed form of a PCRE pattern, with PCRE's semantics already resolved (case folding applied
 * to classes, anchors chosen by the mode flags in force), so that emitting it for RE2/J or for
 * {@code java.util.regex} is a plain rendering. Immutable once built.
 */
sealed interface Node {

  /** One character out of a set (literals, classes, {@code .}, {@code \d} and friends). */
  record Chars(ByteSet set) implements Node {}

  /** A zero-width assertion. */
  record Assert(Anchor anchor) implements Node {}

  /** A group: capturing when {@code index > 0}. */
  record Group(int index, Node body) implements Node {}

  /** A lookahead or lookbehind (backtracking engine only). */
  record Look(boolean ahead, boolean negative, Node body) implements Node {}

  /** An atomic group {@code (?>...)} (backtracking engine only). */
  record Atomic(Node body) implements Node {}

  /** A repetition; {@code max < 0} means unbounded. */
  record Repeat(Node body, int min, int max, Greed greed) implements Node {}

  /** A backreference to a capturing group (backtracking engine only). */
  record Backref(int index, boolean caseless) implements Node {}

  /** A sequence. */
  record Seq(List<Node> items) implements Node {}

  /** An alternation, tried left to right. */
  record Alt(List<Node> branches) implements Node {}

  /** Zero-width assertions, each with PCRE's meaning. */
  enum Anchor {
    /** {@code \A}, and {@code ^} outside multiline mode. */
    START,
    /** {@code \z}, and {@code $} outside multiline mode (PCRE_DOLLAR_ENDONLY). */
    END,
    /** {@code \Z}: the end, or before a final newline. */
    END_OR_FINAL_NEWLINE,
    /** {@code ^} in multiline mode: the start, or after a newline that is not the last char. */
    LINE_START,
    /** {@code $} in multiline mode: before any newline, or the end. */
    LINE_END,
    /** {@code \b} with ASCII word characters. */
    WORD_BOUNDARY,
    /** {@code \B}. */
    NOT_WORD_BOUNDARY
  }

  /** How a repetition chooses its count. */
  enum Greed {
    /** As many as possible, giving back on failure. */
    GREEDY,
    /** As few as possible. */
    LAZY,
    /** As many as possible, never giving back (backtracking engine only). */
    POSSESSIVE
  }
}
