package dev.tdeveloper.security.waf.regex;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Computes, from a parsed pattern, a {@link Cond} that every input the pattern matches in must
 * meet, and the shortest match length, after RE2's prefilter: each node yields either the exact set
 * of (case-folded) strings it can match, while that set stays small, or a condition. Exact sets
 * combine by union (alternation) and cross product (sequence); when they grow too large they become
 * conditions (the OR of their strings) and combine by AND / OR. A string shorter than {@link
 * #MIN_LITERAL} (or a single letter, digit or space) gives TRUE: too common to be worth a search.
 * Zero-width nodes (anchors, lookaround) match the empty string here, which only ever weakens the
 * condition; backreferences match anything. Stateless.
 */
final class PrefilterBuilder {
  /** Largest exact set kept before it turns into a condition. */
  static final int MAX_EXACT = 16;

  /** A class of more (case-folded) members than this is "any character". */
  static final int MAX_CLASS = 4;

  /**
   * Shortest literal worth searching for, except single bytes other than letters, digits, space.
   */
  static final int MIN_LITERAL = 2;

  /** Total literal bytes above which a condition is given up as TRUE (bounds automaton size). */
  static final int MAX_LITERAL_BYTES = 16_384;

  private PrefilterBuilder() {}

  /** What a node can match: exact strings (when {@code exact} is not null) or a condition. */
  private record Info(Set<String> exact, Cond cond) {
    static Info exactly(Set<String> strings) {
      return new Info(strings, null);
    }

    static Info condition(Cond c) {
      return new Info(null, c);
    }

    Cond toCond() {
      if (exact == null) {
        return cond;
      }
      List<Cond> lits = new ArrayList<>();
      for (String s : exact) {
        if (!worthSearching(s)) {
          return Cond.TRUE;
        }
        lits.add(new Cond.Lit(s));
      }
      return lits.isEmpty() ? Cond.TRUE : Cond.or(lits);
    }
  }

  /** The necessary condition of a match of {@code root}, bounded in size. */
  static Cond condition(Node root) {
    Cond c = info(root).toCond();
    return literalBytes(c) > MAX_LITERAL_BYTES ? Cond.TRUE : c;
  }

  /** The length of the shortest string the pattern can match (zero-width nodes count 0). */
  static int minLength(Node n) {
    if (n instanceof Node.Chars) {
      return 1;
    } else if (n instanceof Node.Group g) {
      return minLength(g.body());
    } else if (n instanceof Node.Atomic a) {
      return minLength(a.body());
    } else if (n instanceof Node.Repeat r) {
      return (int) Math.min(Integer.MAX_VALUE / 2, (long) r.min() * minLength(r.body()));
    } else if (n instanceof Node.Seq s) {
      long sum = 0;
      for (Node item : s.items()) {
        sum += minLength(item);
      }
      return (int) Math.min(Integer.MAX_VALUE / 2, sum);
    } else if (n instanceof Node.Alt a) {
      int min = Integer.MAX_VALUE / 2;
      for (Node b : a.branches()) {
        min = Math.min(min, minLength(b));
      }
      return min;
    }
    return 0; // Assert, Look, Backref (the group may have matched the empty string)
  }

  static boolean worthSearching(String s) {
    if (s.length() >= MIN_LITERAL) {
      return true;
    }
    if (s.length() != 1) {
      return false;
    }
    char c = s.charAt(0);
    boolean alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
    return !alnum && c != ' ';
  }

  private static Info info(Node n) {
    if (n instanceof Node.Chars c) {
      return chars(c.set());
    } else if (n instanceof Node.Assert || n instanceof Node.Look) {
      return Info.exactly(Set.of(""));
    } else if (n instanceof Node.Group g) {
      return info(g.body());
    } else if (n instanceof Node.Atomic a) {
      return info(a.body());
    } else if (n instanceof Node.Repeat r) {
      return repeat(r);
    } else if (n instanceof Node.Seq s) {
      return sequence(s.items());
    } else if (n instanceof Node.Alt a) {
      return alternation(a.branches());
    }
    return Info.condition(Cond.TRUE); // Backref: any string
  }

  private static Info chars(ByteSet set) {
    Set<String> folded = new LinkedHashSet<>();
    for (int c = 0; c < 256 && folded.size() <= MAX_CLASS; c++) {
      if (set.contains(c)) {
        folded.add(String.valueOf((char) fold(c)));
      }
    }
    return folded.size() <= MAX_CLASS && !folded.isEmpty()
        ? Info.exactly(folded)
        : Info.condition(Cond.TRUE);
  }

  static int fold(int c) {
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
  }

  private static Info repeat(Node.Repeat r) {
    Info body = info(r.body());
    if (r.min() == 0) {
      if (r.max() == 1 && body.exact() != null) {
        Set<String> s = new LinkedHashSet<>(body.exact());
        s.add("");
        return s.size() <= MAX_EXACT ? Info.exactly(s) : Info.condition(Cond.TRUE);
      }
      return Info.condition(Cond.TRUE);
    }
    if (r.min() == r.max() && r.min() <= MAX_EXACT && body.exact() != null) {
      Set<String> acc = body.exact();
      for (int i = 1; i < r.min() && acc != null; i++) {
        acc = product(acc, body.exact());
      }
      if (acc != null) {
        return Info.exactly(acc);
      }
    }
    return Info.condition(body.toCond());
  }

  /**
   * A sequence keeps the exact strings of its current run of items and ANDs each finished run (a
   * run ends where an item is only a condition or the product grows too large) into the result.
   */
  private static Info sequence(List<Node> items) {
    List<Cond> done = new ArrayList<>();
    Set<String> run = Set.of("");
    boolean exact = true;
    for (Node item : items) {
      Info i = info(item);
      Set<String> product = i.exact() == null ? null : product(run, i.exact());
      if (product != null) {
        run = product;
        continue;
      }
      exact = false;
      done.add(Info.exactly(run).toCond());
      if (i.exact() == null) {
        done.add(i.cond());
        run = Set.of("");
      } else {
        run = i.exact();
      }
    }
    if (exact) {
      return Info.exactly(run);
    }
    done.add(Info.exactly(run).toCond());
    return Info.condition(Cond.and(done));
  }

  /** The cross product of two exact sets, or null when it would exceed {@link #MAX_EXACT}. */
  private static Set<String> product(Set<String> a, Set<String> b) {
    if ((long) a.size() * b.size() > MAX_EXACT) {
      return null;
    }
    Set<String> product = new LinkedHashSet<>();
    for (String x : a) {
      for (String y : b) {
        product.add(x + y);
      }
    }
    return product;
  }

  private static Info alternation(List<Node> branches) {
    List<Info> infos = new ArrayList<>();
    Set<String> union = new LinkedHashSet<>();
    boolean exact = true;
    for (Node b : branches) {
      Info i = info(b);
      infos.add(i);
      if (i.exact() == null) {
        exact = false;
      } else {
        union.addAll(i.exact());
      }
    }
    if (exact && union.size() <= MAX_EXACT) {
      return Info.exactly(union);
    }
    List<Cond> conds = new ArrayList<>();
    for (Info i : infos) {
      conds.add(i.toCond());
    }
    return Info.condition(Cond.or(conds));
  }

  private static long literalBytes(Cond c) {
    if (c instanceof Cond.Lit l) {
      return l.text().length();
    }
    List<Cond> parts =
        c instanceof Cond.And a ? a.parts() : c instanceof Cond.Or o ? o.parts() : List.of();
    long sum = 0;
    for (Cond p : parts) {
      sum += literalBytes(p);
    }
    return sum;
  }
}
