package dev.tdeveloper.security.waf.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the rules whose effect depends on the tenant policy only, never on the request: {@link
 * CompiledRule#foldable} chains (CRS's setup {@code SecAction}s, paranoia-level skips, defaults
 * such as "set {@code tx.inbound_anomaly_score_threshold} unless set"), which a {@link PolicyPlan}
 * evaluates once per policy instead of once per request; and {@link CompiledRule#divertsPlan}
 * chains, whose match may change which rules run next.
 *
 * <p>A chain is foldable when every link reads only {@code TX} keys named literally (as targets,
 * {@code &} counts, operator or {@code setvar} macros, or the key a {@code setvar} adds to), writes
 * only {@code TX} keys named literally, runs a side-effect-free operator, has no {@code capture},
 * {@code ctl}, {@code initcol}, {@code expirevar} or {@code setenv}, neither logs nor has a
 * severity, and at most passes; and when no key it reads is ever written by a chain that is not
 * foldable (nor by the engine: captures {@code TX:0-9}, {@code MSC_PCRE_LIMITS_EXCEEDED}). The last
 * condition is a fixpoint: a chain dropped for it makes its own writes request-dependent. Load time
 * only.
 */
final class PolicyFold {
  /** Operators whose result depends on their input and parameter only. */
  private static final Set<String> PURE_OPERATORS = pureOperators();

  private static Set<String> pureOperators() {
    Set<String> pure = new HashSet<>(TxNeeds.QUIET_OPERATORS);
    pure.add("rx");
    pure.add("pm");
    return Set.copyOf(pure);
  }

  /** What request-dependent chains (and the engine) may write in {@code TX}. */
  private static final class Written {
    final Set<String> keys = new HashSet<>();
    final List<Pattern> patterns = new ArrayList<>();

    Written() {
      for (int i = 0; i <= 9; i++) {
        keys.add(Integer.toString(i));
      }
      keys.add("msc_pcre_limits_exceeded");
    }

    void addWrites(CompiledRule first) {
      for (CompiledRule link = first; link != null; link = link.next) {
        for (SetvarAction sv : link.setvarActions) {
          if (!sv.collection().equals("tx")) {
            continue;
          }
          if (sv.key().contains("%{")) {
            patterns.add(keyPattern(sv.key()));
          } else {
            keys.add(sv.key().toLowerCase(Locale.ROOT));
          }
        }
      }
    }

    boolean anyOf(Set<String> reads) {
      for (String k : reads) {
        if (keys.contains(k)) {
          return true;
        }
        for (Pattern p : patterns) {
          if (p.matcher(k).matches()) {
            return true;
          }
        }
      }
      return false;
    }
  }

  private PolicyFold() {}

  /**
   * Marks the chains of the phases.
   *
   * @param phases the rules per phase (index 1 to 5), markers included
   * @param blockAction per phase, the disruptive action {@code block} stands for
   */
  static void mark(CompiledRule[][] phases, DisruptiveAction[] blockAction) {
    Written written = new Written();
    Map<CompiledRule, Set<String>> candidates = new LinkedHashMap<>();
    for (int p = 1; p < phases.length; p++) {
      for (CompiledRule r : phases[p]) {
        if (r.isMarker()) {
          continue;
        }
        Set<String> reads = candidateReads(r);
        if (reads == null) {
          written.addWrites(r);
        } else {
          candidates.put(r, reads);
        }
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      var it = candidates.entrySet().iterator();
      while (it.hasNext()) {
        var e = it.next();
        if (written.anyOf(e.getValue())) {
          written.addWrites(e.getKey());
          it.remove();
          changed = true;
        }
      }
    }
    for (int p = 1; p < phases.length; p++) {
      for (CompiledRule r : phases[p]) {
        if (!r.isMarker()) {
          r.foldable = candidates.containsKey(r);
          r.divertsPlan = !r.foldable && diverts(r, blockAction[p]);
        }
      }
    }
  }

  /** Whether a match may change the rules that run next. */
  private static boolean diverts(CompiledRule first, DisruptiveAction block) {
    DisruptiveAction.Kind kind = first.disruptive.kind();
    if (kind == DisruptiveAction.Kind.BLOCK) {
      kind = block.kind();
    }
    if (kind != DisruptiveAction.Kind.NONE && kind != DisruptiveAction.Kind.PASS) {
      return true;
    }
    for (CompiledRule link = first; link != null; link = link.next) {
      if (link.skip > 0 || !link.skipAfter.isEmpty() || link.ruleCtl) {
        return true;
      }
    }
    return false;
  }

  /** The lower-case {@code TX} keys a chain reads; null when it cannot be folded at all. */
  private static Set<String> candidateReads(CompiledRule first) {
    if (first.log || first.severity >= 0) {
      return null;
    }
    Set<String> reads = new HashSet<>();
    for (CompiledRule link = first; link != null; link = link.next) {
      DisruptiveAction.Kind kind = link.disruptive.kind();
      if (link.capture
          || link.afterMatch.length > 0
          || (kind != DisruptiveAction.Kind.NONE && kind != DisruptiveAction.Kind.PASS)
          || !link.exclusions.isEmpty()
          || !linkReads(link, reads)) {
        return null;
      }
    }
    return reads;
  }

  private static boolean linkReads(CompiledRule link, Set<String> reads) {
    if (link.operatorRef != null) {
      if (!PURE_OPERATORS.contains(link.operatorRef.name())
          || !macroReads(link.operatorRef.param(), reads)) {
        return false;
      }
      for (CompiledRule.Variable v : link.variables) {
        if (!v.collection().equalsIgnoreCase("TX")
            || v.key().isEmpty()
            || v.keyPattern().isPresent()) {
          return false;
        }
        reads.add(v.key().get().toLowerCase(Locale.ROOT));
      }
    }
    for (SetvarAction sv : link.setvarActions) {
      if (!sv.collection().equals("tx") || sv.key().contains("%{")) {
        return false;
      }
      if (sv.operation() == SetvarAction.Operation.ADD
          || sv.operation() == SetvarAction.Operation.SUBTRACT) {
        reads.add(sv.key().toLowerCase(Locale.ROOT));
      }
      if (!macroReads(sv.value(), reads)) {
        return false;
      }
    }
    return true;
  }

  /** Adds the {@code TX} keys a text's macros read; false when one reads anything else. */
  private static boolean macroReads(String text, Set<String> reads) {
    if (!text.contains("%{")) {
      return true;
    }
    boolean[] pure = {true};
    MacroTemplate.parse(text)
        .forEachMacro(
            (variable, key) -> {
              if (variable.equals("TX") && !key.isEmpty()) {
                reads.add(key.toLowerCase(Locale.ROOT));
              } else if (!variable.equals("RULE")) {
                pure[0] = false;
              }
            });
    return pure[0];
  }

  /** A key template's macros as wildcards, matched against lower-case keys. */
  private static Pattern keyPattern(String template) {
    StringBuilder b = new StringBuilder();
    int start = 0;
    int open = template.indexOf("%{");
    while (open >= 0) {
      int close = template.indexOf('}', open + 2);
      if (close < 0) {
        break;
      }
      b.append(Pattern.quote(template.substring(start, open))).append(".*");
      start = close + 1;
      open = template.indexOf("%{", start);
    }
    b.append(Pattern.quote(template.substring(start)));
    return Pattern.compile(b.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  }
}
