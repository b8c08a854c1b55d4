package dev.tdeveloper.security.waf.regex;

import java.util.List;

/**
 * What the anchors of a pattern tell about the inputs it can match: a pattern anchored at the start
 * ({@code ^}/{@code \A} on every path before anything is consumed) can only match inputs whose
 * first byte may begin a match; one anchored at both ends ({@code ^...$}, DOLLAR_ENDONLY) only
 * inputs no longer than its longest match. Multiline anchors and {@code \Z} are not used.
 * Stateless.
 */
final class Anchoring {
  /** Stands for "no bound": longer than any input. */
  static final int UNBOUNDED = Integer.MAX_VALUE;

  private Anchoring() {}

  /** Whether every match starts at offset 0. */
  static boolean startAnchored(Node n) {
    return anchored(n, Node.Anchor.START, false);
  }

  /** Whether every match ends at the end of the input. */
  static boolean endAnchored(Node n) {
    return anchored(n, Node.Anchor.END, true);
  }

  private static boolean anchored(Node n, Node.Anchor anchor, boolean fromEnd) {
    if (n instanceof Node.Assert a) {
      return a.anchor() == anchor;
    } else if (n instanceof Node.Group g) {
      return anchored(g.body(), anchor, fromEnd);
    } else if (n instanceof Node.Atomic a) {
      return anchored(a.body(), anchor, fromEnd);
    } else if (n instanceof Node.Alt a) {
      for (Node b : a.branches()) {
        if (!anchored(b, anchor, fromEnd)) {
          return false;
        }
      }
      return true;
    } else if (n instanceof Node.Seq s) {
      List<Node> items = s.items();
      for (int i = 0; i < items.size(); i++) {
        Node item = items.get(fromEnd ? items.size() - 1 - i : i);
        if (anchored(item, anchor, fromEnd)) {
          return true;
        }
        if (!(item instanceof Node.Assert || item instanceof Node.Look)) {
          return false;
        }
      }
    }
    return false;
  }

  /** The longest match, {@link #UNBOUNDED} when repetition or a backreference has no bound. */
  static int maxLength(Node n) {
    long max = max(n);
    return max >= UNBOUNDED ? UNBOUNDED : (int) max;
  }

  private static long max(Node n) {
    if (n instanceof Node.Chars) {
      return 1;
    } else if (n instanceof Node.Assert || n instanceof Node.Look) {
      return 0;
    } else if (n instanceof Node.Group g) {
      return max(g.body());
    } else if (n instanceof Node.Atomic a) {
      return max(a.body());
    } else if (n instanceof Node.Repeat r) {
      long body = max(r.body());
      return body == 0 ? 0 : r.max() < 0 ? UNBOUNDED : Math.min(UNBOUNDED, body * r.max());
    } else if (n instanceof Node.Seq s) {
      long sum = 0;
      for (Node item : s.items()) {
        sum = Math.min(UNBOUNDED, sum + max(item));
      }
      return sum;
    } else if (n instanceof Node.Alt a) {
      long most = 0;
      for (Node b : a.branches()) {
        most = Math.max(most, max(b));
      }
      return most;
    }
    return UNBOUNDED; // Backref
  }

  /**
   * The bytes a non-empty match can begin with, or null when the pattern can match the empty string
   * (then any input may match at offset 0).
   */
  static ByteSet firstBytes(Node n) {
    ByteSet set = new ByteSet();
    return first(n, set) ? null : set;
  }

  /** Adds the possible first bytes of {@code n} to {@code set}; returns whether n is nullable. */
  private static boolean first(Node n, ByteSet set) {
    if (n instanceof Node.Chars c) {
      set.addAll(c.set());
      return false;
    } else if (n instanceof Node.Assert || n instanceof Node.Look) {
      return true;
    } else if (n instanceof Node.Group g) {
      return first(g.body(), set);
    } else if (n instanceof Node.Atomic a) {
      return first(a.body(), set);
    } else if (n instanceof Node.Repeat r) {
      return first(r.body(), set) || r.min() == 0;
    } else if (n instanceof Node.Seq s) {
      for (Node item : s.items()) {
        if (!first(item, set)) {
          return false;
        }
      }
      return true;
    } else if (n instanceof Node.Alt a) {
      boolean nullable = false;
      for (Node b : a.branches()) {
        nullable |= first(b, set);
      }
      return nullable;
    }
    return true; // Backref: may be empty, may start with anything
  }
}
