package dev.tdeveloper.security.waf.regex;

/**
 * Renders a {@link Node} tree as RE2/J or {@code java.util.regex} syntax. Every character is
 * written as itself when alphanumeric and as {@code \xhh} otherwise, every class as an explicit
 * list of ranges, so neither engine's own flags (case folding, {@code \s}, {@code \b}, line
 * terminators) can change PCRE's meaning. Both targets are compiled with DOTALL; the Java target
 * also with UNIX_LINES. Stateless.
 */
final class RegexEmitter {
  /** ASCII word characters, for Java's {@code \b}, which in Java 17 also counts Latin-1 letters. */
  private static final String WORD = "[0-9A-Z_a-z]";

  private RegexEmitter() {}

  /**
   * The tree as source for one engine.
   *
   * @throws IllegalStateException for RE2 when the tree holds a backtracking-only node (the parser
   *     listed it as non-linear, so callers never ask)
   */
  static String emit(Node root, boolean java) {
    StringBuilder sb = new StringBuilder();
    node(root, sb, java);
    return sb.toString();
  }

  private static void node(Node n, StringBuilder sb, boolean java) {
    if (n instanceof Node.Chars c) {
      chars(c.set(), sb);
    } else if (n instanceof Node.Assert a) {
      sb.append(anchor(a.anchor(), java));
    } else if (n instanceof Node.Group g) {
      sb.append(g.index() > 0 ? "(" : "(?:");
      node(g.body(), sb, java);
      sb.append(')');
    } else if (n instanceof Node.Look l) {
      backtrackingOnly(java, "lookaround");
      sb.append(l.ahead() ? "(?" : "(?<").append(l.negative() ? '!' : '=');
      node(l.body(), sb, java);
      sb.append(')');
    } else if (n instanceof Node.Atomic a) {
      backtrackingOnly(java, "atomic group");
      sb.append("(?>");
      node(a.body(), sb, java);
      sb.append(')');
    } else if (n instanceof Node.Repeat r) {
      repeat(r, sb, java);
    } else if (n instanceof Node.Backref b) {
      backtrackingOnly(java, "backreference");
      sb.append(b.caseless() ? "(?i:\\" : "(?:\\").append(b.index()).append(')');
    } else if (n instanceof Node.Seq s) {
      for (Node item : s.items()) {
        boolean wrap = item instanceof Node.Alt;
        sb.append(wrap ? "(?:" : "");
        node(item, sb, java);
        sb.append(wrap ? ")" : "");
      }
    } else if (n instanceof Node.Alt a) {
      for (int i = 0; i < a.branches().size(); i++) {
        sb.append(i == 0 ? "" : "|");
        node(a.branches().get(i), sb, java);
      }
    }
  }

  private static void backtrackingOnly(boolean java, String what) {
    if (!java) {
      throw new IllegalStateException(what + " cannot run on RE2");
    }
  }

  private static String anchor(Node.Anchor a, boolean java) {
    return switch (a) {
      case START -> "\\A";
      case END -> "\\z";
      case END_OR_FINAL_NEWLINE -> java ? "\\Z" : unsupported("\\Z");
      case LINE_START -> java ? "(?m:^)" : unsupported("multiline ^");
      case LINE_END -> "(?m:$)";
      case WORD_BOUNDARY ->
          java ? "(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))" : "\\b";
      case NOT_WORD_BOUNDARY ->
          java ? "(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))" : "\\B";
    };
  }

  private static String unsupported(String what) {
    throw new IllegalStateException(what + " cannot run on RE2");
  }

  private static void repeat(Node.Repeat r, StringBuilder sb, boolean java) {
    Node body = r.body();
    boolean atom =
        body instanceof Node.Chars || body instanceof Node.Group || body instanceof Node.Atomic;
    sb.append(atom ? "" : "(?:");
    node(body, sb, java);
    sb.append(atom ? "" : ")");
    int min = r.min();
    int max = r.max();
    if (min == 0 && max < 0) {
      sb.append('*');
    } else if (min == 1 && max < 0) {
      sb.append('+');
    } else if (min == 0 && max == 1) {
      sb.append('?');
    } else if (min == max) {
      sb.append('{').append(min).append('}');
    } else {
      sb.append('{').append(min).append(',').append(max < 0 ? "" : max).append('}');
    }
    switch (r.greed()) {
      case LAZY -> sb.append('?');
      case POSSESSIVE -> {
        backtrackingOnly(java, "possessive quantifier");
        sb.append('+');
      }
      case GREEDY -> {}
    }
  }

  private static void chars(ByteSet set, StringBuilder sb) {
    int size = set.size();
    if (size == 256) {
      sb.append('.');
      return;
    }
    if (size == 0) {
      sb.append("[^\\x00-\\x{10FFFF}]");
      return;
    }
    int single = set.single();
    if (single >= 0) {
      character(single, sb);
      return;
    }
    boolean negate = size > 128;
    ByteSet members = negate ? set.complement() : set;
    sb.append(negate ? "[^" : "[");
    int c = 0;
    while (c < 256) {
      if (!members.contains(c)) {
        c++;
        continue;
      }
      int end = c;
      while (end + 1 < 256 && members.contains(end + 1)) {
        end++;
      }
      character(c, sb);
      if (end > c) {
        sb.append(end > c + 1 ? "-" : "");
        character(end, sb);
      }
      c = end + 1;
    }
    sb.append(']');
  }

  private static void character(int c, StringBuilder sb) {
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
      sb.append((char) c);
    } else {
      sb.append("\\x")
          .append(Character.forDigit(c >> 4, 16))
          .append(Character.forDigit(c & 15, 16));
    }
  }
}
