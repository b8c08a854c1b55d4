package dev.tdeveloper.security.waf.regex;

import dev.tdeveloper.security.waf.WafException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a PCRE 8.x pattern as ModSecurity compiles it (PCRE_DOTALL | PCRE_DOLLAR_ENDONLY, no UTF:
 * every character is a byte) into a {@link Node} tree, and records which features need a
 * backtracking engine. Groups, alternation, quantifiers and option settings live here; escapes and
 * bracket classes in {@link PcreAtoms}. One instance per pattern; not thread-safe.
 */
final class PcreParser {
  /** RE2's largest repeat count. */
  static final int RE2_MAX_REPEAT = 1000;

  private static final int PCRE_MAX_REPEAT = 65535;

  final String src;
  int pos;
  boolean caseless;
  boolean multiline;
  boolean dotall = true;
  boolean extended;
  boolean ungreedy;
  int groups;
  int maxBackref;
  final Map<String, Integer> names = new HashMap<>();
  final Set<String> nonLinear = new LinkedHashSet<>();

  private PcreParser(String src) {
    this.src = src;
  }

  /** The parse: the tree, the number of capturing groups and why RE2 cannot run it (if so). */
  record Parsed(Node root, int groups, List<String> nonLinear) {}

  static Parsed parse(String src) {
    PcreParser p = new PcreParser(src);
    for (int i = 0; i < src.length(); i++) {
      if (src.charAt(i) > 0xFF) {
        throw p.error(i, "character above 0xFF (patterns are byte strings)");
      }
    }
    Node root = p.alternation();
    if (p.pos < src.length()) {
      throw p.error(p.pos, "unmatched )");
    }
    if (p.maxBackref > p.groups) {
      throw p.error(p.pos, "reference to non-existent group " + p.maxBackref);
    }
    return new Parsed(root, p.groups, List.copyOf(p.nonLinear));
  }

  WafException error(int at, String problem) {
    return new WafException(
        "regex " + src + ": " + problem + " at offset " + at + "; allowed: PCRE syntax");
  }

  boolean more() {
    return pos < src.length();
  }

  boolean peek(char c) {
    return pos < src.length() && src.charAt(pos) == c;
  }

  Node alternation() {
    List<Node> branches = new ArrayList<>();
    branches.add(sequence());
    while (peek('|')) {
      pos++;
      branches.add(sequence());
    }
    return branches.size() == 1 ? branches.get(0) : new Node.Alt(List.copyOf(branches));
  }

  private Node sequence() {
    List<Node> items = new ArrayList<>();
    while (true) {
      skipExtended();
      if (!more() || peek('|') || peek(')')) {
        break;
      }
      if (src.startsWith("\\Q", pos)) {
        pos += 2;
        List<Node> quoted = PcreAtoms.quoted(this);
        if (!quoted.isEmpty()) {
          items.addAll(quoted.subList(0, quoted.size() - 1));
          items.add(quantified(quoted.get(quoted.size() - 1)));
        }
        continue;
      }
      int start = pos;
      Node atom = atom();
      if (atom != null) {
        items.add(quantified(atom));
      } else if (quantifierAhead()) {
        throw error(start, "quantifier does not follow a repeatable item");
      }
    }
    return items.size() == 1 ? items.get(0) : new Node.Seq(List.copyOf(items));
  }

  /** Skips white space and {@code #} comments in extended mode. */
  void skipExtended() {
    while (extended && more()) {
      char c = src.charAt(pos);
      if (c == ' ' || (c >= 9 && c <= 13)) {
        pos++;
      } else if (c == '#') {
        while (more() && src.charAt(pos) != '\n') {
          pos++;
        }
      } else {
        return;
      }
    }
  }

  private boolean quantifierAhead() {
    return peek('*') || peek('+') || peek('?') || (peek('{') && braces(false) != null);
  }

  private Node atom() {
    int start = pos;
    char c = src.charAt(pos++);
    switch (c) {
      case '(':
        return PcreGroups.group(this);
      case '[':
        return PcreAtoms.bracketClass(this);
      case '.':
        return new Node.Chars(dotall ? ByteSet.range(0, 255) : ByteSet.of('\n').complement());
      case '^':
        if (multiline) {
          nonLinear.add("multiline ^ (RE2 also matches after a final newline)");
          return new Node.Assert(Node.Anchor.LINE_START);
        }
        return new Node.Assert(Node.Anchor.START);
      case '$':
        return new Node.Assert(multiline ? Node.Anchor.LINE_END : Node.Anchor.END);
      case '\\':
        return PcreAtoms.escape(this);
      case '*':
      case '+':
      case '?':
        throw error(start, "quantifier does not follow a repeatable item");
      case '{':
        pos = start;
        if (braces(false) != null) {
          throw error(start, "quantifier does not follow a repeatable item");
        }
        pos = start + 1;
        return literal('{');
      default:
        return literal(c);
    }
  }

  Node.Chars literal(int c) {
    ByteSet s = ByteSet.of(c);
    if (caseless) {
      s.foldAsciiCase();
    }
    return new Node.Chars(s);
  }

  private Node quantified(Node atom) {
    skipExtended();
    int start = pos;
    int min;
    int max;
    if (peek('*')) {
      min = 0;
      max = -1;
      pos++;
    } else if (peek('+')) {
      min = 1;
      max = -1;
      pos++;
    } else if (peek('?')) {
      min = 0;
      max = 1;
      pos++;
    } else if (peek('{') && braces(false) != null) {
      int[] b = braces(true);
      min = b[0];
      max = b[1];
    } else {
      return atom;
    }
    Node.Greed greed = Node.Greed.GREEDY;
    if (peek('?')) {
      greed = Node.Greed.LAZY;
      pos++;
    } else if (peek('+')) {
      greed = Node.Greed.POSSESSIVE;
      nonLinear.add("possessive quantifier");
      pos++;
    }
    if (ungreedy && greed != Node.Greed.POSSESSIVE) {
      greed = greed == Node.Greed.GREEDY ? Node.Greed.LAZY : Node.Greed.GREEDY;
    }
    if (min > RE2_MAX_REPEAT || max > RE2_MAX_REPEAT) {
      nonLinear.add("repeat count above " + RE2_MAX_REPEAT);
    }
    if (peek('*') || peek('+') || peek('?')) {
      throw error(pos, "quantifier follows a quantifier at " + start);
    }
    return new Node.Repeat(atom, min, max, greed);
  }

  /**
   * Reads {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code pos}; null (position unchanged) when
   * the text is not a quantifier, which PCRE then reads as a literal brace.
   */
  private int[] braces(boolean consume) {
    int i = pos + 1;
    int n = src.length();
    int d0 = i;
    while (i < n && Character.isDigit(src.charAt(i))) {
      i++;
    }
    if (i == d0 || i >= n) {
      return null;
    }
    int min = bounded(src.substring(d0, i), d0);
    int max = min;
    if (src.charAt(i) == ',') {
      int d1 = ++i;
      while (i < n && Character.isDigit(src.charAt(i))) {
        i++;
      }
      max = i == d1 ? -1 : bounded(src.substring(d1, i), d1);
    }
    if (i >= n || src.charAt(i) != '}') {
      return null;
    }
    if (max >= 0 && max < min) {
      throw error(pos, "numbers out of order in {} quantifier");
    }
    if (consume) {
      pos = i + 1;
    }
    return new int[] {min, max};
  }

  private int bounded(String digits, int at) {
    if (digits.length() > 5 || Integer.parseInt(digits) > PCRE_MAX_REPEAT) {
      throw error(at, "number too big in {} quantifier");
    }
    return Integer.parseInt(digits);
  }

  Node groupBody(int start) {
    boolean[] saved = flags();
    Node body = alternation();
    if (!peek(')')) {
      throw error(start, "missing )");
    }
    pos++;
    restore(saved);
    return body;
  }

  boolean[] flags() {
    return new boolean[] {caseless, multiline, dotall, extended, ungreedy};
  }

  void restore(boolean[] f) {
    caseless = f[0];
    multiline = f[1];
    dotall = f[2];
    extended = f[3];
    ungreedy = f[4];
  }
}
