package dev.tdeveloper.observability.alert;

import dev.tdeveloper.observability.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which children of a route can match an alert, found without trying each one: the children are
 * indexed by the label most of them constrain to literal values ({@code team="db"} or {@code
 * team=~"db|storage"}); a child that does not constrain it literally is always a candidate. The
 * candidates keep the children's order, so {@code continue} and first-match semantics are
 * unchanged; each candidate is still checked with all its matchers. Immutable and thread-safe.
 */
final class ChildIndex {
  /** Below this many children, trying each is as cheap as the index. */
  private static final int MIN_CHILDREN = 8;

  private final String label;
  private final Map<String, int[]> byValue;
  private final int[] always;

  private ChildIndex(String label, Map<String, int[]> byValue, int[] always) {
    this.label = label;
    this.byValue = byValue;
    this.always = always;
  }

  static ChildIndex of(List<Route> children) {
    int[] all = new int[children.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    Map<String, Integer> constrained = new HashMap<>();
    for (Route child : children) {
      child.matchers().stream()
          .filter(m -> m.literalValues() != null)
          .map(Matcher::name)
          .distinct()
          .forEach(name -> constrained.merge(name, 1, Integer::sum));
    }
    String label =
        constrained.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .filter(e -> children.size() >= MIN_CHILDREN && e.getValue() * 2 >= children.size())
            .map(Map.Entry::getKey)
            .orElse(null);
    if (label == null) {
      return new ChildIndex(null, Map.of(), all);
    }
    Map<String, List<Integer>> values = new HashMap<>();
    List<Integer> always = new ArrayList<>();
    for (int i = 0; i < children.size(); i++) {
      Set<String> accepted = literalValues(children.get(i), label);
      if (accepted == null) {
        always.add(i);
      } else {
        for (String v : accepted) {
          values.computeIfAbsent(v, k -> new ArrayList<>()).add(i);
        }
      }
    }
    Map<String, int[]> byValue = new HashMap<>();
    values.forEach((v, list) -> byValue.put(v, toArray(list)));
    return new ChildIndex(label, Map.copyOf(byValue), toArray(always));
  }

  /** The values the child's first literal matcher on {@code label} accepts; null if none. */
  private static Set<String> literalValues(Route child, String label) {
    for (Matcher m : child.matchers()) {
      if (m.name().equals(label) && m.literalValues() != null) {
        return m.literalValues();
      }
    }
    return null;
  }

  /** Returns the indices of the children that may match {@code labels}, in order. */
  int[] candidates(Labels labels) {
    if (label == null) {
      return always;
    }
    String value = labels.asMap().get(label);
    int[] indexed = byValue.get(value == null ? "" : value);
    if (indexed == null) {
      return always;
    }
    if (always.length == 0) {
      return indexed;
    }
    int[] out = new int[indexed.length + always.length];
    int a = 0;
    int b = 0;
    for (int k = 0; k < out.length; k++) {
      out[k] =
          b == always.length || (a < indexed.length && indexed[a] < always[b])
              ? indexed[a++]
              : always[b++];
    }
    return out;
  }

  private static int[] toArray(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}
