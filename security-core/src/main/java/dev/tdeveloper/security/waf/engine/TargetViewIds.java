package dev.tdeveloper.security.waf.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers, at load time, the distinct selections (variable, key or key regex, and the exclusions of
 * that variable) and views (a selection through a transformation chain) of a rule set's links, so
 * that a transaction's {@link TargetViews} works each one out once for every rule that shares it.
 * Not thread-safe: used while compiling.
 */
final class TargetViewIds {
  private final Map<String, Integer> selections = new HashMap<>();
  private final Map<String, Integer> views = new HashMap<>();

  /** Gives every variable of a link (and of the links after it) its selection and view numbers. */
  void number(CompiledRule first) {
    for (CompiledRule link = first; link != null; link = link.next) {
      if (link.selectionIds != null) {
        continue;
      }
      int n = link.variables.length;
      int[] sel = new int[n];
      int[] view = new int[n];
      for (int i = 0; i < n; i++) {
        CompiledRule.Variable v = link.variables[i];
        String key = selectionKey(v, link.exclusions);
        sel[i] = selections.computeIfAbsent(key, k -> selections.size());
        view[i] = -1;
        if (!v.count() && !link.multiMatch) {
          int[] nodes = link.transforms.nodes();
          int chain = nodes.length == 0 ? -1 : nodes[nodes.length - 1];
          view[i] = views.computeIfAbsent(sel[i] + ":" + chain, k -> views.size());
        }
      }
      link.selectionIds = sel;
      link.viewIds = view;
    }
  }

  private static String selectionKey(CompiledRule.Variable v, List<CtlTargetRemoval> exclusions) {
    StringBuilder b = new StringBuilder(v.collection());
    b.append('\0').append(v.key().orElse("\0"));
    b.append('\0').append(v.keyPattern().map(p -> p.source()).orElse("\0"));
    for (CtlTargetRemoval x : exclusions) {
      if (x.collection().equals(v.collection())) {
        b.append('\0').append(x.key().orElse("\0"));
        b.append('\0').append(x.keyPattern().map(p -> p.source()).orElse("\0"));
      }
    }
    return b.toString();
  }

  /** The number of distinct selections. */
  int selectionCount() {
    return selections.size();
  }

  /** The number of distinct views. */
  int viewCount() {
    return views.size();
  }
}
