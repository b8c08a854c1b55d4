package dev.tdeveloper.security.waf.libinjection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands a grammar of SQL injection shapes into fingerprints. A production is {@code NAME = alt |
 * alt}; an alternative is a sequence of items separated by spaces: {@code <NAME>} (a production),
 * {@code <NAME>?} (optional), {@code *} (anything may follow: the text so far becomes a prefix
 * entry) or a literal run of token-type characters. Expansion stops at {@value SqlFolding#MAX}
 * tokens, as fingerprints do. Load-time only; stateless.
 */
final class SqlGrammar {
  private static final int MAX_DEPTH = 64;

  private final Map<String, List<String[]>> productions = new HashMap<>();

  private SqlGrammar(String text) {
    for (String line : text.split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      int eq = l.indexOf(" = ");
      if (eq < 0) {
        throw new IllegalStateException("grammar line without ' = ': " + l);
      }
      String name = l.substring(0, eq).strip();
      for (String alt : l.substring(eq + 3).split(" \\| ")) {
        productions.computeIfAbsent(name, k -> new ArrayList<>()).add(alt.strip().split(" +"));
      }
    }
  }

  /**
   * Expands the {@code START} production.
   *
   * @param exact receives complete fingerprints
   * @param prefixes receives prefixes after which anything may follow
   */
  static void expand(String text, Set<String> exact, Set<String> prefixes) {
    SqlGrammar g = new SqlGrammar(text);
    g.walk(new String[] {"<START>"}, 0, "", List.of(), exact, prefixes, 0);
  }

  /** Where to resume after a production: the enclosing alternative and the next item in it. */
  private record Frame(String[] items, int index) {}

  private void walk(
      String[] items,
      int index,
      String prefix,
      List<Frame> rest,
      Set<String> exact,
      Set<String> prefixes,
      int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalStateException("SQL grammar recursion too deep at " + prefix);
    }
    if (prefix.length() >= SqlFolding.MAX) {
      exact.add(prefix.substring(0, SqlFolding.MAX));
      return;
    }
    if (index == items.length) {
      if (rest.isEmpty()) {
        exact.add(prefix);
        return;
      }
      Frame up = rest.get(rest.size() - 1);
      walk(
          up.items(), up.index(), prefix, rest.subList(0, rest.size() - 1), exact, prefixes, depth);
      return;
    }
    String item = items[index];
    if (item.equals("*")) {
      prefixes.add(prefix);
      return;
    }
    if (!item.startsWith("<")) {
      walk(items, index + 1, prefix + item, rest, exact, prefixes, depth);
      return;
    }
    boolean optional = item.endsWith("?");
    String name = item.substring(1, item.indexOf('>'));
    List<String[]> alts = productions.get(name);
    if (alts == null) {
      throw new IllegalStateException("SQL grammar: unknown production " + name);
    }
    if (optional) {
      walk(items, index + 1, prefix, rest, exact, prefixes, depth + 1);
    }
    List<Frame> stack = new ArrayList<>(rest);
    stack.add(new Frame(items, index + 1));
    for (String[] alt : alts) {
      walk(alt, 0, prefix, stack, exact, prefixes, depth + 1);
    }
  }
}
