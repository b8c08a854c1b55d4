package dev.tdeveloper.security.waf.regex;

import java.util.ArrayList;
import java.util.List;

/**
 * The character level of PCRE 8.x in non-UTF mode: backslash escapes, bracket classes with POSIX
 * names, {@code \Q...\E} and backreferences, all resolved to byte sets with PCRE's default (C
 * locale) tables. Unrecognised letter escapes are literal letters, as PCRE reads them without
 * PCRE_EXTRA (which ModSecurity does not set). Stateless; works on a {@link PcreParser}.
 */
final class PcreAtoms {
  private PcreAtoms() {}

  /** After a backslash outside a class: a node, or null for {@code \E}. */
  static Node escape(PcreParser p) {
    int start = p.pos - 1;
    if (!p.more()) {
      throw p.error(start, "\\ at end of pattern");
    }
    char e = p.src.charAt(p.pos++);
    ByteSet set = classEscape(e);
    if (set != null) {
      return new Node.Chars(set);
    }
    switch (e) {
      case 'N':
        return new Node.Chars(ByteSet.of('\n').complement());
      case 'b':
        return new Node.Assert(Node.Anchor.WORD_BOUNDARY);
      case 'B':
        return new Node.Assert(Node.Anchor.NOT_WORD_BOUNDARY);
      case 'A':
      case 'G': // one search from offset 0: \G asserts that offset, the start
        return new Node.Assert(Node.Anchor.START);
      case 'z':
        return new Node.Assert(Node.Anchor.END);
      case 'Z':
        p.nonLinear.add("\\Z (end or before a final newline)");
        return new Node.Assert(Node.Anchor.END_OR_FINAL_NEWLINE);
      case 'R':
        p.nonLinear.add("\\R (an atomic newline sequence)");
        Node crlf = new Node.Seq(List.of(new Node.Chars(ByteSet.of('\r')), chars('\n')));
        ByteSet single = ByteSet.verticalSpace();
        return new Node.Atomic(new Node.Alt(List.of(crlf, new Node.Chars(single))));
      case 'E':
        return null;
      case 'g':
        return gReference(p, start);
      case 'k':
        char open = p.more() ? p.src.charAt(p.pos++) : ' ';
        char close = open == '<' ? '>' : open == '{' ? '}' : open == '\'' ? '\'' : ' ';
        if (close == ' ') {
          throw p.error(start, "\\k is not followed by a name in <>, '' or {}");
        }
        return namedBackref(p, PcreGroups.name(p, close, start), start);
      case 'K', 'p', 'P', 'X', 'C', 'L', 'l', 'U', 'u':
        throw p.error(start, "unsupported escape \\" + e);
      default:
        break;
    }
    if (e >= '1' && e <= '9') {
      int d0 = p.pos - 1;
      int i = d0;
      while (i < p.src.length() && Character.isDigit(p.src.charAt(i)) && i - d0 < 6) {
        i++;
      }
      int n = Integer.parseInt(p.src.substring(d0, i));
      if (n < 10 || n <= p.groups) {
        p.pos = i;
        return backref(p, n);
      }
      if (e >= '8') {
        return p.literal(e);
      }
      p.pos = d0;
      return p.literal(octal(p, 3, start));
    }
    int c = charEscape(p, e, start);
    return p.literal(c >= 0 ? c : e);
  }

  private static Node.Chars chars(int c) {
    return new Node.Chars(ByteSet.of(c));
  }

  private static Node gReference(PcreParser p, int start) {
    boolean braced = p.peek('{');
    if (braced) {
      p.pos++;
    }
    int d0 = p.pos;
    if (p.peek('-') || p.peek('+')) {
      p.pos++;
    }
    while (p.more() && Character.isDigit(p.src.charAt(p.pos))) {
      p.pos++;
    }
    String num = p.src.substring(d0, p.pos);
    if (braced && (num.isEmpty() || !p.peek('}'))) {
      p.pos = d0;
      return namedBackref(p, PcreGroups.name(p, '}', start), start);
    }
    if (braced) {
      p.pos++;
    }
    if (num.isEmpty() || num.equals("-") || num.equals("+") || num.startsWith("+")) {
      throw p.error(start, "\\g is not followed by a group number or name");
    }
    int n = Integer.parseInt(num);
    return backref(p, n < 0 ? p.groups + 1 + n : n);
  }

  static Node namedBackref(PcreParser p, String name, int start) {
    Integer index = p.names.get(name);
    if (index == null) {
      throw p.error(start, "reference to non-existent subpattern " + name);
    }
    return backref(p, index);
  }

  private static Node backref(PcreParser p, int n) {
    if (n <= 0) {
      throw p.error(p.pos, "invalid backreference " + n);
    }
    p.nonLinear.add("backreference");
    p.maxBackref = Math.max(p.maxBackref, n);
    return new Node.Backref(n, p.caseless);
  }

  /** {@code \d \D \w \W \s \S \h \H \v \V}, or null. */
  static ByteSet classEscape(char e) {
    return switch (e) {
      case 'd' -> ByteSet.digit();
      case 'D' -> ByteSet.digit().complement();
      case 'w' -> ByteSet.word();
      case 'W' -> ByteSet.word().complement();
      case 's' -> ByteSet.space();
      case 'S' -> ByteSet.space().complement();
      case 'h' -> ByteSet.horizontalSpace();
      case 'H' -> ByteSet.horizontalSpace().complement();
      case 'v' -> ByteSet.verticalSpace();
      case 'V' -> ByteSet.verticalSpace().complement();
      default -> null;
    };
  }

  /** A single-character escape ({@code \n \x41 \x{41} \0 \o{101} \cA ...}), or -1. */
  static int charEscape(PcreParser p, char e, int start) {
    switch (e) {
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'f':
        return '\f';
      case 'e':
        return 0x1B;
      case 'a':
        return 0x07;
      case 'c':
        if (!p.more() || p.src.charAt(p.pos) > 127) {
          throw p.error(start, "\\c must be followed by an ASCII character");
        }
        return Character.toUpperCase(p.src.charAt(p.pos++)) ^ 0x40;
      case 'x':
        if (p.peek('{')) {
          int close = p.src.indexOf('}', p.pos);
          String hex = close < 0 ? "" : p.src.substring(p.pos + 1, close);
          if (hex.isEmpty() || hex.length() > 8 || !hex.chars().allMatch(PcreAtoms::isHex)) {
            throw p.error(start, "malformed \\x{...}");
          }
          return byteValue(p, Long.parseLong(hex, 16), close + 1, start);
        }
        int value = 0;
        for (int k = 0; k < 2 && p.more() && isHex(p.src.charAt(p.pos)); k++) {
          value = value * 16 + Character.digit(p.src.charAt(p.pos++), 16);
        }
        return value;
      case '0':
        p.pos--;
        return octal(p, 3, start);
      case 'o':
        int close = p.peek('{') ? p.src.indexOf('}', p.pos) : -1;
        String oct = close < 0 ? "" : p.src.substring(p.pos + 1, close);
        if (oct.isEmpty() || oct.length() > 8 || !oct.chars().allMatch(c -> c >= '0' && c <= '7')) {
          throw p.error(start, "malformed \\o{...}");
        }
        return byteValue(p, Long.parseLong(oct, 8), close + 1, start);
      default:
        return -1;
    }
  }

  private static int byteValue(PcreParser p, long value, int next, int start) {
    if (value > 0xFF) {
      throw p.error(start, "character value above \\xff in non-UTF mode");
    }
    p.pos = next;
    return (int) value;
  }

  private static boolean isHex(int c) {
    return Character.digit(c, 16) >= 0 && c < 128;
  }

  /** Up to {@code max} octal digits at {@code pos}. */
  static int octal(PcreParser p, int max, int start) {
    int value = 0;
    for (int k = 0; k < max && p.more(); k++) {
      char c = p.src.charAt(p.pos);
      if (c < '0' || c > '7') {
        break;
      }
      value = value * 8 + (c - '0');
      p.pos++;
    }
    if (value > 0xFF) {
      throw p.error(start, "octal value above \\377 in non-UTF mode");
    }
    return value;
  }

  /** After {@code \Q}: literal characters up to {@code \E} or the end. */
  static List<Node> quoted(PcreParser p) {
    List<Node> out = new ArrayList<>();
    int end = p.src.indexOf("\\E", p.pos);
    int stop = end < 0 ? p.src.length() : end;
    for (int i = p.pos; i < stop; i++) {
      out.add(p.literal(p.src.charAt(i)));
    }
    p.pos = end < 0 ? stop : end + 2;
    return out;
  }

  /** After {@code [}: a bracket class, see {@link PcreClass}. */
  static Node bracketClass(PcreParser p) {
    return PcreClass.parse(p);
  }
}
