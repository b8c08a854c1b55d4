package dev.tdeveloper.security.waf.regex;

/**
 * PCRE's parenthesised constructs: capturing, non-capturing and named groups, lookaround, atomic
 * groups, comments and option settings ({@code (?i)}, {@code (?-s:...)}), each recording on the
 * {@link PcreParser} whether it needs the backtracking engine. Recursion, conditionals, branch
 * reset, callouts and verbs are rejected. Stateless.
 */
final class PcreGroups {
  private PcreGroups() {}

  /** After {@code (}: every kind of group, or null for an option setting or a comment. */
  static Node group(PcreParser p) {
    int start = p.pos - 1;
    if (p.peek('*')) {
      throw p.error(start, "unsupported (*VERB)");
    }
    if (!p.peek('?')) {
      int index = ++p.groups;
      return new Node.Group(index, p.groupBody(start));
    }
    p.pos++;
    if (!p.more()) {
      throw p.error(start, "missing )");
    }
    char k = p.src.charAt(p.pos++);
    switch (k) {
      case '#':
        int close = p.src.indexOf(')', p.pos);
        if (close < 0) {
          throw p.error(start, "missing ) after comment");
        }
        p.pos = close + 1;
        return null;
      case ':':
        return new Node.Group(0, p.groupBody(start));
      case '>':
        p.nonLinear.add("atomic group");
        return new Node.Atomic(p.groupBody(start));
      case '=':
      case '!':
        p.nonLinear.add("lookahead");
        return new Node.Look(true, k == '!', p.groupBody(start));
      case '<':
        if (p.peek('=') || p.peek('!')) {
          boolean negative = p.src.charAt(p.pos++) == '!';
          p.nonLinear.add("lookbehind");
          return new Node.Look(false, negative, p.groupBody(start));
        }
        return named(p, '>', start);
      case '\'':
        return named(p, '\'', start);
      case 'P':
        if (p.peek('<')) {
          p.pos++;
          return named(p, '>', start);
        }
        if (p.peek('=')) {
          p.pos++;
          String name = name(p, ')', start);
          return PcreAtoms.namedBackref(p, name, start);
        }
        throw p.error(start, "unsupported (?P> recursion");
      default:
        p.pos--;
        return options(p, start);
    }
  }

  private static Node named(PcreParser p, char terminator, int start) {
    String name = name(p, terminator, start);
    int index = ++p.groups;
    if (p.names.putIfAbsent(name, index) != null) {
      throw p.error(start, "two named subpatterns have the same name " + name);
    }
    return new Node.Group(index, p.groupBody(start));
  }

  static String name(PcreParser p, char terminator, int start) {
    int end = p.src.indexOf(terminator, p.pos);
    if (end <= p.pos) {
      throw p.error(start, "syntax error in subpattern name");
    }
    String name = p.src.substring(p.pos, end);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c == '_' || (c < 128 && Character.isLetterOrDigit(c)))) {
        throw p.error(start, "syntax error in subpattern name " + name);
      }
    }
    p.pos = end + 1;
    return name;
  }

  private static Node options(PcreParser p, int start) {
    boolean on = true;
    boolean[] saved = p.flags();
    while (p.more() && p.src.charAt(p.pos) != ')' && p.src.charAt(p.pos) != ':') {
      char f = p.src.charAt(p.pos++);
      switch (f) {
        case '-' -> on = false;
        case 'i' -> p.caseless = on;
        case 'm' -> p.multiline = on;
        case 's' -> p.dotall = on;
        case 'x' -> p.extended = on;
        case 'U' -> p.ungreedy = on;
        case 'J' -> {}
        default -> throw p.error(start, "unsupported group or option (?" + f);
      }
    }
    if (!p.more()) {
      throw p.error(start, "missing )");
    }
    if (p.src.charAt(p.pos++) == ')') {
      return null;
    }
    Node body = p.groupBody(start);
    p.restore(saved);
    return new Node.Group(0, body);
  }
}
