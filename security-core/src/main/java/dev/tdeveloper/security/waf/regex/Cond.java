package dev.tdeveloper.security.waf.regex;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A necessary condition of a regex match: a monotone boolean formula over literals that the input
 * must contain (case-folded: letters lowercase, compared ASCII case-insensitively). The factories
 * simplify as they build (flattening, TRUE absorption, duplicate and implied literals removed), so
 * that equal conditions print equally. Immutable.
 */
sealed interface Cond {
  /** The condition every input meets: no prefiltering possible. */
  Cond TRUE = new True();

  /** Always true. */
  record True() implements Cond {
    @Override
    public String toString() {
      return "TRUE";
    }
  }

  /** The input contains {@code text} (lowercase), ASCII case-insensitively. */
  record Lit(String text) implements Cond {
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("'");
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c < 0x20 || c >= 0x7f || c == '\'' || c == '\\') {
          sb.append("\\x")
              .append(Character.forDigit(c >> 4, 16))
              .append(Character.forDigit(c & 15, 16));
        } else {
          sb.append(c);
        }
      }
      return sb.append('\'').toString();
    }
  }

  /** Every part holds. */
  record And(List<Cond> parts) implements Cond {
    @Override
    public String toString() {
      return join("AND");
    }
  }

  /** At least one part holds. */
  record Or(List<Cond> parts) implements Cond {
    @Override
    public String toString() {
      return join("OR");
    }
  }

  /** The parts of an And or Or joined by the operator, in parentheses. */
  default String join(String op) {
    List<Cond> parts = this instanceof And a ? a.parts() : ((Or) this).parts();
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < parts.size(); i++) {
      sb.append(i == 0 ? "" : " " + op + " ").append(parts.get(i));
    }
    return sb.append(')').toString();
  }

  /** The conjunction, simplified: TRUE parts dropped, a literal implied by a longer one dropped. */
  static Cond and(List<Cond> parts) {
    Set<Cond> flat = new LinkedHashSet<>();
    for (Cond c : parts) {
      if (c instanceof And a) {
        flat.addAll(a.parts());
      } else if (!(c instanceof True)) {
        flat.add(c);
      }
    }
    List<Cond> kept = new ArrayList<>();
    for (Cond c : flat) {
      if (!(c instanceof Lit l && impliedByOther(l, flat))) {
        kept.add(c);
      }
    }
    return kept.isEmpty() ? TRUE : kept.size() == 1 ? kept.get(0) : new And(List.copyOf(kept));
  }

  /**
   * The disjunction, simplified: TRUE if any part is, a literal containing a shorter one dropped.
   */
  static Cond or(List<Cond> parts) {
    Set<Cond> flat = new LinkedHashSet<>();
    for (Cond c : parts) {
      if (c instanceof True) {
        return TRUE;
      }
      if (c instanceof Or o) {
        flat.addAll(o.parts());
      } else {
        flat.add(c);
      }
    }
    List<Cond> kept = new ArrayList<>();
    for (Cond c : flat) {
      if (!(c instanceof Lit l && containsOther(l, flat))) {
        kept.add(c);
      }
    }
    return kept.size() == 1 ? kept.get(0) : new Or(List.copyOf(kept));
  }

  /** Whether another literal of the set contains this one (so this one is implied by it). */
  private static boolean impliedByOther(Lit l, Set<Cond> set) {
    for (Cond c : set) {
      if (c instanceof Lit o
          && o != l
          && !o.text().equals(l.text())
          && o.text().contains(l.text())) {
        return true;
      }
    }
    return false;
  }

  /** Whether this literal contains another literal of the set (so the other one suffices). */
  private static boolean containsOther(Lit l, Set<Cond> set) {
    for (Cond c : set) {
      if (c instanceof Lit o && !o.text().equals(l.text()) && l.text().contains(o.text())) {
        return true;
      }
    }
    return false;
  }
}
