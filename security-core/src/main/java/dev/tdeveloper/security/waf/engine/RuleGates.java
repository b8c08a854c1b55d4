package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.regex.LiteralIndex;
import dev.tdeveloper.security.waf.seclang.RuleDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the evaluator's loop reads of a phase's rules before it touches one, in dense arrays by the
 * rule's index: whether it is a marker, whether a policy plan may fold it, and its gate.
 *
 * <p>A rule is gated when its first link can only match a target through its literal formula (not
 * negated, no {@code multiMatch}, no count) and reads only variables that a transaction's {@link
 * TargetViews} select, or {@code XML}. Links that read the same selections through the same views
 * form a <em>group</em> (CRS's attack rules share a handful: {@code
 * REQUEST_COOKIES|REQUEST_COOKIES_NAMES|ARGS_NAMES|ARGS|XML:/*} through a few chains); a
 * transaction works out once per group and data version the unions of literals of its views ({@link
 * GateUnions}), and a rule whose formula rejects each of them cannot match: it is what the
 * evaluator's per-variable union gate would find, variable by variable. Such a rule is passed over
 * from these arrays and its formula, without reading its variables, selections and views one by
 * one. Immutable and thread-safe.
 */
final class RuleGates {
  /** The rule is a {@code SecMarker}. */
  static final byte MARKER = 1;

  /** The rule is {@link CompiledRule#foldable}. */
  static final byte FOLDABLE = 2;

  private final byte[] flags;
  // By rule index: its group, -1 when the rule is not gated.
  private final int[] groups;
  // By rule index: the first link's formula, null when the rule is not gated.
  private final LiteralIndex.Formula[] formulas;
  // By rule index, two words: the gated rule's formula's literals hashed to 128 bits
  // (Formula.mask), zero when the formula may hold with no literal (never passed over by mask).
  private final long[] masks;
  // By group: its first link, whose variables, selections, views and chain every link of it shares.
  private final CompiledRule[] links;
  // By group g, its entries are entries[starts[g]] to entries[starts[g + 1]] (exclusive), one per
  // variable in order: a slot (>= 0) or an XML variable (-1 - its number).
  private final int[] starts;
  private final int[] entries;
  // By slot (a view some group reads: the groups that share a view share its slot): a link that
  // reads it, and the index of the variable that does.
  private final CompiledRule[] slotLinks;
  private final int[] slotVariables;
  // By number: the distinct XML variables the groups read.
  private final CompiledRule.Variable[] xmlVariables;
  // Per thread, the gate unions its last phase run gave back (none while a run holds them).
  private final ThreadLocal<GateUnions> idle = new ThreadLocal<>();

  private RuleGates(
      byte[] flags,
      int[] groups,
      LiteralIndex.Formula[] formulas,
      long[] masks,
      CompiledRule[] links) {
    this.flags = flags;
    this.groups = groups;
    this.formulas = formulas;
    this.masks = masks;
    this.links = links;
    this.starts = new int[links.length + 1];
    List<Integer> flat = new ArrayList<>();
    Map<Integer, Integer> slots = new HashMap<>();
    List<CompiledRule> slotLinks = new ArrayList<>();
    List<Integer> slotVariables = new ArrayList<>();
    Map<CompiledRule.Variable, Integer> xml = new HashMap<>();
    for (int g = 0; g < links.length; g++) {
      CompiledRule link = links[g];
      starts[g] = flat.size();
      for (int vi = 0; vi < link.variables.length; vi++) {
        CompiledRule.Variable v = link.variables[vi];
        if (v.kind() == VariableKind.XML) {
          flat.add(-1 - xml.computeIfAbsent(v, k -> xml.size()));
        } else {
          int variable = vi;
          flat.add(
              slots.computeIfAbsent(
                  link.viewIds[vi],
                  k -> {
                    slotLinks.add(link);
                    slotVariables.add(variable);
                    return slotLinks.size() - 1;
                  }));
        }
      }
    }
    starts[links.length] = flat.size();
    this.entries = flat.stream().mapToInt(Integer::intValue).toArray();
    this.slotLinks = slotLinks.toArray(new CompiledRule[0]);
    this.slotVariables = slotVariables.stream().mapToInt(Integer::intValue).toArray();
    this.xmlVariables = new CompiledRule.Variable[xml.size()];
    xml.forEach((v, n) -> xmlVariables[n] = v);
  }

  /**
   * The gates of a phase's rules, once their formulas, selections and views are numbered.
   *
   * @param rules the phase's rules in evaluation order
   * @return the gates, by the rules' indexes
   */
  static RuleGates of(CompiledRule[] rules) {
    byte[] flags = new byte[rules.length];
    int[] groups = new int[rules.length];
    LiteralIndex.Formula[] formulas = new LiteralIndex.Formula[rules.length];
    long[] masks = new long[2 * rules.length];
    Map<String, Integer> numbers = new HashMap<>();
    List<CompiledRule> links = new ArrayList<>();
    for (int i = 0; i < rules.length; i++) {
      CompiledRule r = rules[i];
      flags[i] = (byte) ((r.isMarker() ? MARKER : 0) | (r.foldable ? FOLDABLE : 0));
      groups[i] = -1;
      if (gated(r)) {
        String key = Arrays.toString(r.selectionIds) + Arrays.toString(r.viewIds);
        groups[i] =
            numbers.computeIfAbsent(
                key,
                k -> {
                  links.add(r);
                  return links.size() - 1;
                });
        formulas[i] = r.literals;
        if (!r.literals.whenNone()) {
          r.literals.mask(masks, 2 * i);
        }
      }
    }
    return new RuleGates(flags, groups, formulas, masks, links.toArray(new CompiledRule[0]));
  }

  /**
   * Whether a link can only match a target its literal formula lets through, and reads only
   * variables a transaction can tell are empty or knows the literals of.
   */
  static boolean gated(CompiledRule link) {
    if (link.kind != RuleDef.Kind.RULE
        || link.literals == null
        || link.negated
        || link.multiMatch
        || link.variables.length == 0) {
      return false;
    }
    for (int vi = 0; vi < link.variables.length; vi++) {
      CompiledRule.Variable v = link.variables[vi];
      if (v.count()
          || link.viewIds[vi] < 0
          || (v.derivedId() == DerivedVariables.NEVER && v.kind() != VariableKind.XML)) {
        return false;
      }
    }
    return true;
  }

  /** The flags of the rule at an index ({@link #MARKER}, {@link #FOLDABLE}). */
  byte flags(int index) {
    return flags[index];
  }

  /** The group of the rule at an index; -1 when it is not gated. */
  int group(int index) {
    return groups[index];
  }

  /** The formula of the gated rule at an index. */
  LiteralIndex.Formula formula(int index) {
    return formulas[index];
  }

  /** The first word of the gated rule at an index's literal mask ({@code 0}: none). */
  long mask0(int index) {
    return masks[2 * index];
  }

  /** The second word of the gated rule at an index's literal mask. */
  long mask1(int index) {
    return masks[2 * index + 1];
  }

  /** The number of groups. */
  int groupCount() {
    return links.length;
  }

  /** Where a group's entries start ({@link #entry}); the next group's start is where they end. */
  int start(int group) {
    return starts[group];
  }

  /**
   * An entry of a group's variables: a slot ({@code >= 0}), or {@code -1 -} an XML variable's
   * number.
   */
  int entry(int k) {
    return entries[k];
  }

  /** The number of slots: distinct views the groups read. */
  int slotCount() {
    return slotLinks.length;
  }

  /** A link that reads a slot's view. */
  CompiledRule slotLink(int slot) {
    return slotLinks[slot];
  }

  /** The index of the variable of {@link #slotLink} that reads a slot's view. */
  int slotVariable(int slot) {
    return slotVariables[slot];
  }

  /** The number of distinct XML variables the groups read. */
  int xmlCount() {
    return xmlVariables.length;
  }

  /** An XML variable the groups read, by number. */
  CompiledRule.Variable xmlVariable(int number) {
    return xmlVariables[number];
  }

  /**
   * Empty gate unions for a phase run: the ones the thread's last run gave back, else new. Give
   * them back with {@link #giveBack} when the run ends.
   */
  GateUnions take() {
    GateUnions u = idle.get();
    if (u == null) {
      u = new GateUnions(this);
    } else {
      idle.set(null);
    }
    u.begin();
    return u;
  }

  /** Takes back the gate unions of a phase run that ended: emptied, and kept for the thread. */
  void giveBack(GateUnions u) {
    u.reset();
    idle.set(u);
  }

  /** The number of gated rules (for tests and diagnosis). */
  int gatedCount() {
    int n = 0;
    for (int g : groups) {
      n += g >= 0 ? 1 : 0;
    }
    return n;
  }
}
