package dev.tdeveloper.security.waf.regex;

import java.util.ArrayList;
import java.util.List;

/**
 * A pattern that is only a start anchor, then a run of single-character sets or a non-capturing
 * alternation of such runs, each run optionally ending in a greedy repetition of one set, and
 * optionally an end anchor: {@code (?i)^header_name_} (the key regexes CRS selects {@code TX} keys
 * with), {@code ^(?:GET|HEAD)$}, {@code ^\d+$}. It is answered by comparing bytes, without a regex
 * engine: the branches are tried in order, as PCRE tries them, and the first that matches at the
 * start (and, with the end anchor, reaches the end) is the match. A repetition that ends its run
 * takes as many bytes as it may, which is what backtracking would settle on, since nothing after it
 * can fail but the end anchor. Immutable and thread-safe.
 */
final class AnchoredLiteral {
  /** One alternative: sets in order, then optionally a repeated set. */
  private record Run(ByteSet[] sets, ByteSet repeated, int min, int max) {
    /** The length of this run's match at the start of the input, or -1. */
    int match(CharSequence input, boolean wholeInput) {
      int n = sets.length;
      int length = input.length();
      if (length < n) {
        return -1;
      }
      for (int i = 0; i < n; i++) {
        if (!sets[i].contains(input.charAt(i))) {
          return -1;
        }
      }
      if (repeated != null) {
        int end = n;
        int limit = max < 0 ? length : (int) Math.min(length, (long) n + max);
        while (end < limit && repeated.contains(input.charAt(end))) {
          end++;
        }
        if (end - n < min) {
          return -1;
        }
        n = end;
      }
      return wholeInput && n != length ? -1 : n;
    }
  }

  private final Run[] runs;
  private final boolean wholeInput;

  private AnchoredLiteral(Run[] runs, boolean wholeInput) {
    this.runs = runs;
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
    List<Node> body = items.subList(1, end);
    if (body.size() == 1 && body.get(0) instanceof Node.Alt alt) {
      Run[] runs = new Run[alt.branches().size()];
      for (int i = 0; i < runs.length; i++) {
        List<Node> branch = new ArrayList<>();
        flatten(alt.branches().get(i), branch);
        runs[i] = run(branch);
        if (runs[i] == null) {
          return null;
        }
      }
      return new AnchoredLiteral(runs, whole);
    }
    Run run = run(body);
    return run == null || (run.sets().length == 0 && run.repeated() == null)
        ? null
        : new AnchoredLiteral(new Run[] {run}, whole);
  }

  /** Sets, then at most one greedy repetition of a set as the last item; else null. */
  private static Run run(List<Node> items) {
    List<ByteSet> sets = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Node n = items.get(i);
      if (n instanceof Node.Chars c) {
        sets.add(c.set());
      } else if (i == items.size() - 1
          && n instanceof Node.Repeat r
          && r.greed() == Node.Greed.GREEDY
          && r.body() instanceof Node.Chars c) {
        return new Run(sets.toArray(new ByteSet[0]), c.set(), r.min(), r.max());
      } else {
        return null;
      }
    }
    return new Run(sets.toArray(new ByteSet[0]), null, 0, 0);
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
    for (Run r : runs) {
      int n = r.match(input, wholeInput);
      if (n >= 0) {
        return n;
      }
    }
    return -1;
  }
}
