package dev.tdeveloper.security.waf.regex;

/**
 * PCRE bracket classes in non-UTF mode: {@code []...]} with a leading literal bracket, ranges,
 * escapes ({@code \b} is backspace here), POSIX names ({@code [:alpha:]}, {@code [:^digit:]}) in
 * the C locale, {@code \Q...\E}; ASCII-only case folding. Stateless.
 */
final class PcreClass {
  private static final int SET = -2;

  private PcreClass() {}

  /** After {@code [}. */
  static Node parse(PcreParser p) {
    int start = p.pos - 1;
    boolean negated = p.peek('^');
    if (negated) {
      p.pos++;
    }
    ByteSet set = new ByteSet();
    ByteSet[] escaped = new ByteSet[1];
    boolean first = true;
    while (true) {
      if (!p.more()) {
        throw p.error(start, "missing terminating ] for character class");
      }
      char c = p.src.charAt(p.pos);
      if (c == ']' && !first) {
        p.pos++;
        break;
      }
      first = false;
      if (c == '\\' && p.src.startsWith("\\Q", p.pos)) {
        int end = p.src.indexOf("\\E", p.pos + 2);
        int stop = end < 0 ? p.src.length() : end;
        for (int i = p.pos + 2; i < stop; i++) {
          set.add(p.src.charAt(i));
        }
        p.pos = end < 0 ? stop : end + 2;
        continue;
      }
      int from = member(p, escaped, start);
      if (from == SET) {
        set.addAll(escaped[0]);
        continue;
      }
      if (from < 0) {
        continue;
      }
      if (p.peek('-') && p.pos + 1 < p.src.length() && p.src.charAt(p.pos + 1) != ']') {
        int save = p.pos;
        p.pos++;
        int to = member(p, escaped, start);
        if (to >= 0) {
          if (to < from) {
            throw p.error(start, "range out of order in character class");
          }
          set.addRange(from, to);
          continue;
        }
        p.pos = save;
      }
      set.add(from);
    }
    if (p.caseless) {
      set.foldAsciiCase();
    }
    return new Node.Chars(negated ? set.complement() : set);
  }

  /** One class member: a character value, {@link #SET} (in {@code out[0]}) or -1 for nothing. */
  private static int member(PcreParser p, ByteSet[] out, int start) {
    char c = p.src.charAt(p.pos++);
    if (c == '[' && p.more() && ":.=".indexOf(p.src.charAt(p.pos)) >= 0) {
      ByteSet posix = posix(p, start);
      if (posix != null) {
        out[0] = posix;
        return SET;
      }
      return c;
    }
    if (c != '\\') {
      return c;
    }
    if (!p.more()) {
      throw p.error(start, "\\ at end of pattern");
    }
    char e = p.src.charAt(p.pos++);
    ByteSet set = PcreAtoms.classEscape(e);
    if (set != null) {
      out[0] = set;
      return SET;
    }
    if (e == 'b') {
      return 8;
    }
    if (e == 'E') {
      return -1;
    }
    if (e >= '1' && e <= '9') {
      if (e >= '8') {
        return e;
      }
      p.pos--;
      return PcreAtoms.octal(p, 3, start);
    }
    if ("NRXBpPCKLlUugk".indexOf(e) >= 0) {
      throw p.error(start, "unsupported escape \\" + e + " in character class");
    }
    int v = PcreAtoms.charEscape(p, e, start);
    return v >= 0 ? v : e;
  }

  /** At {@code [:}, {@code [.} or {@code [=} inside a class: a POSIX class, or null if none. */
  private static ByteSet posix(PcreParser p, int start) {
    char kind = p.src.charAt(p.pos);
    int end = p.src.indexOf(kind + "]", p.pos + 1);
    if (end < 0) {
      return null;
    }
    String name = p.src.substring(p.pos + 1, end);
    boolean negated = name.startsWith("^");
    String bare = negated ? name.substring(1) : name;
    if (!bare.chars().allMatch(ch -> ch >= 'a' && ch <= 'z') || bare.isEmpty()) {
      return null;
    }
    if (kind != ':') {
      throw p.error(start, "POSIX collating elements are not supported");
    }
    ByteSet set = named(bare);
    if (set == null) {
      throw p.error(start, "unknown POSIX class name " + bare);
    }
    p.pos = end + 2;
    return negated ? set.complement() : set;
  }

  private static ByteSet named(String name) {
    ByteSet s = new ByteSet();
    switch (name) {
      case "alpha" -> {
        s.addRange('a', 'z');
        s.addRange('A', 'Z');
      }
      case "digit" -> s.addRange('0', '9');
      case "alnum" -> {
        s.addRange('a', 'z');
        s.addRange('A', 'Z');
        s.addRange('0', '9');
      }
      case "upper" -> s.addRange('A', 'Z');
      case "lower" -> s.addRange('a', 'z');
      case "space" -> s.addAll(ByteSet.space());
      case "blank" -> {
        s.add(' ');
        s.add('\t');
      }
      case "punct" -> {
        s.addRange(33, 47);
        s.addRange(58, 64);
        s.addRange(91, 96);
        s.addRange(123, 126);
      }
      case "xdigit" -> {
        s.addRange('0', '9');
        s.addRange('a', 'f');
        s.addRange('A', 'F');
      }
      case "word" -> s.addAll(ByteSet.word());
      case "cntrl" -> {
        s.addRange(0, 31);
        s.add(127);
      }
      case "print" -> s.addRange(32, 126);
      case "graph" -> s.addRange(33, 126);
      case "ascii" -> s.addRange(0, 127);
      default -> {
        return null;
      }
    }
    return s;
  }
}
