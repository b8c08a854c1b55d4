package dev.tdeveloper.distribution.crdt;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;

/**
 * The join of dot stores (Almeida et al., section 5): a dot survives when both sides hold it, or
 * when one side holds it and the other has not observed it; a dot one side observed and dropped was
 * removed there.
 */
final class Causal {
  private Causal() {}

  static <V> Map<Dot, V> join(
      Map<Dot, V> a, DotContext ca, Map<Dot, V> b, DotContext cb, BinaryOperator<V> both) {
    Map<Dot, V> out = new HashMap<>();
    for (Map.Entry<Dot, V> e : a.entrySet()) {
      V other = b.get(e.getKey());
      if (other != null) {
        out.put(e.getKey(), both.apply(e.getValue(), other));
      } else if (!cb.contains(e.getKey())) {
        out.put(e.getKey(), e.getValue());
      }
    }
    for (Map.Entry<Dot, V> e : b.entrySet()) {
      if (!a.containsKey(e.getKey()) && !ca.contains(e.getKey())) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  /** The join of two dot sets; returns {@code a} itself when the join equals it. */
  static Set<Dot> join(Set<Dot> a, DotContext ca, Set<Dot> b, DotContext cb) {
    if (b.isEmpty()) {
      // The common case of a merge: an element only one side holds survives unless the other side
      // saw its adds. No allocation when it survives whole.
      boolean whole = true;
      for (Dot d : a) {
        if (cb.contains(d)) {
          whole = false;
          break;
        }
      }
      if (whole) {
        return a;
      }
    } else if (a.equals(b)) {
      return a;
    }
    Set<Dot> out = new HashSet<>();
    for (Dot d : a) {
      if (b.contains(d) || !cb.contains(d)) {
        out.add(d);
      }
    }
    for (Dot d : b) {
      if (!a.contains(d) && !ca.contains(d)) {
        out.add(d);
      }
    }
    return out.equals(a) ? a : out;
  }

  static void requireCovered(Iterable<Dot> dots, DotContext context, String what) {
    for (Dot d : dots) {
      if (!context.contains(d)) {
        throw new IllegalArgumentException(
            what + " holds dot " + d + " that its causal context " + context + " does not cover");
      }
    }
  }

  /** Refuses a dot that tags two elements or keys: each dot names one update. */
  static void requireUnique(Iterable<Dot> dots, Set<Dot> seen, String what) {
    for (Dot d : dots) {
      if (!seen.add(d)) {
        throw new IllegalArgumentException(what + " reuses dot " + d + " of another entry");
      }
    }
  }
}
