package dev.tdeveloper.security.waf.regex;

import java.util.ArrayList;
import java.util.List;

/**
 * A pattern that is only a start anchor, a run of single-character sets and optionally an end
 * anchor ({@code (?i)^header_name_}, the key regexes CRS selects {@code TX} keys with): it matches
 * exactly when the input's first bytes are in the sets, in order (and the input has no more bytes,
 * with the end anchor), so it is answered by comparing bytes, without a regex engine. Immutable and
 * thread-safe.
 */
final class AnchoredLiteral {
  private final ByteSet[] sets;
  private final boolean wholeInput;

  private AnchoredLiteral(ByteSet[] sets, boolean wholeInput) {
    this.sets = sets;
    this.wholeInput = wholeInput;
  }

  /** The comparison for a parsed pattern of that shape, or null for any other pattern. */
  static AnchoredLiteral of(Node root) {
    List<Node> items = new ArrayList<>();
    flatten(root, items);
    if (items.isEmpty() || !(items.get(0) instanceof Node.Assert a0)) {
      return null;
    }
    if (a0.anchor() != Node.Anchor.START) {
      return null;
    }
    int end = items.size();
    boolean whole = false;
    if (end > 1 && items.get(end - 1) instanceof Node.Assert last) {
      if (last.anchor() != Node.Anchor.END) {
        return null;
      }
      whole = true;
      end--;
    }
    List<ByteSet> sets = new ArrayList<>();
    for (Node n : items.subList(1, end)) {
      if (!(n instanceof Node.Chars c)) {
        return null;
      }
      sets.add(c.set());
    }
    return sets.isEmpty() ? null : new AnchoredLiteral(sets.toArray(new ByteSet[0]), whole);
  }

  /** Non-capturing groups and sequences opened up; anything else kept as one item. */
  private static void flatten(Node n, List<Node> out) {
    if (n instanceof Node.Seq s) {
      for (Node item : s.items()) {
        flatten(item, out);
      }
    } else if (n instanceof Node.Group g && g.index() == 0) {
      flatten(g.body(), out);
    } else {
      out.add(n);
    }
  }

  /** The length of the match at the start of the input, or -1 when there is none. */
  int match(CharSequence input) {
    int n = sets.length;
    if (input.length() < n || (wholeInput && input.length() != n)) {
      return -1;
    }
    for (int i = 0; i < n; i++) {
      if (!sets[i].contains(input.charAt(i))) {
        return -1;
      }
    }
    return n;
  }
}
