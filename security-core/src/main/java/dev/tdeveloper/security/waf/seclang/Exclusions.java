package dev.tdeveloper.security.waf.seclang;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The configure-time exclusions: {@code SecRuleRemoveById} (ids and ranges), {@code ByTag}, {@code
 * ByMsg}, {@code SecRuleUpdateTargetById}/{@code ByTag}/{@code ByMsg} and {@code
 * SecRuleUpdateActionById}.
 *
 * <p><b>Order.</b> ModSecurity v3 keeps removals and target updates as rule-set exceptions that it
 * consults while evaluating, so they apply to every rule whatever its position, before or after the
 * directive (v2 only touched rules already defined). We apply them the v3 way, once, after all
 * files are read. Tags and messages are compared for equality, as v3 does (v2 used regexes). A
 * target update adds its targets (exclusions included) to the chain's first link. Action updates
 * (v3 has no such directive working; this follows v2's documented behaviour) are applied in
 * directive order: a disruptive action replaces the rule's disruptive action, {@code t}, {@code
 * tag}, {@code setvar}, {@code setenv}, {@code ctl}, {@code initcol} and {@code expirevar} are
 * appended, any other action replaces the actions of its name; id, phase and chain cannot change.
 * Not thread-safe: one per parse.
 */
final class Exclusions {
  private static final Set<String> APPENDED =
      Set.of("t", "tag", "setvar", "setenv", "ctl", "initcol", "expirevar");

  private record Update(Predicate<RuleDef> selects, List<VariableRef> targets, Location at) {}

  private record ActionUpdate(long id, List<ActionRef> actions) {}

  private final List<long[]> removedRanges = new ArrayList<>();
  private final Set<String> removedTags = new HashSet<>();
  private final Set<String> removedMsgs = new HashSet<>();
  private final List<Update> targetUpdates = new ArrayList<>();
  private final List<ActionUpdate> actionUpdates = new ArrayList<>();

  void removeById(Directive dir) {
    if (dir.args().isEmpty()) {
      throw ParseErrors.at(
          dir.location(), dir.name(), "no id", "ids and ranges such as 920100 920200-920299");
    }
    for (String arg : dir.args()) {
      for (String part : arg.trim().split("[ \t,]+")) {
        if (!part.isEmpty()) {
          removedRanges.add(range(part, dir));
        }
      }
    }
  }

  void removeByTag(Directive dir) {
    removedTags.add(SettingsBuilder.one(dir));
  }

  void removeByMsg(Directive dir) {
    removedMsgs.add(SettingsBuilder.one(dir));
  }

  void updateTarget(Directive dir, String by) {
    if (dir.args().size() != 2) {
      throw ParseErrors.at(
          dir.location(),
          dir.name(),
          "expects 2 arguments, got " + dir.args().size(),
          dir.name() + " SELECTOR \"TARGETS\"");
    }
    String selector = dir.args().get(0);
    List<VariableRef> targets = VariableParser.parse(dir.args().get(1), dir.location());
    Predicate<RuleDef> selects =
        switch (by) {
          case "id" -> {
            long[] r = range(selector, dir);
            yield rule -> inRange(rule.id(), r);
          }
          case "tag" -> rule -> rule.actions("tag").contains(selector);
          default -> rule -> rule.action("msg").filter(selector::equals).isPresent();
        };
    targetUpdates.add(new Update(selects, targets, dir.location()));
  }

  void updateAction(Directive dir) {
    if (dir.args().size() != 2) {
      throw ParseErrors.at(
          dir.location(),
          dir.name(),
          "expects 2 arguments, got " + dir.args().size(),
          dir.name() + " ID \"ACTIONS\"");
    }
    String id = dir.args().get(0);
    if (!ActionValues.isDigits(id) || id.length() > 18) {
      throw ParseErrors.at(dir.location(), id, "not a rule id", "a rule id");
    }
    List<ActionRef> actions = ActionParser.parse(dir.args().get(1), dir.location());
    for (ActionRef a : actions) {
      if (a.name().equals("id") || a.name().equals("phase") || a.name().equals("chain")) {
        throw ParseErrors.at(
            dir.location(), a.toString(), a.name() + " cannot be updated", "other actions");
      }
    }
    actionUpdates.add(new ActionUpdate(Long.parseLong(id), actions));
  }

  /** The rules with removals and updates applied. */
  List<RuleDef> apply(List<RuleDef> rules) {
    List<RuleDef> out = new ArrayList<>(rules.size());
    for (RuleDef rule : rules) {
      if (rule.kind() == RuleDef.Kind.MARKER) {
        out.add(rule);
        continue;
      }
      if (removed(rule)) {
        continue;
      }
      List<VariableRef> variables = rule.variables();
      for (Update u : targetUpdates) {
        if (u.selects().test(rule)) {
          if (rule.kind() != RuleDef.Kind.RULE) {
            throw ParseErrors.at(
                u.at(),
                "SecRuleUpdateTarget",
                "rule at " + rule.location() + " is a SecAction without targets",
                "SecRule targets");
          }
          variables = new ArrayList<>(variables);
          variables.addAll(u.targets());
        }
      }
      List<ActionRef> actions = rule.actions();
      for (ActionUpdate u : actionUpdates) {
        if (rule.id().isPresent() && rule.id().getAsLong() == u.id()) {
          actions = merge(actions, u.actions());
        }
      }
      out.add(
          variables == rule.variables() && actions == rule.actions()
              ? rule
              : new RuleDef(
                  rule.kind(),
                  variables,
                  rule.operator(),
                  actions,
                  Optional.empty(),
                  rule.chained(),
                  rule.location()));
    }
    return out;
  }

  private boolean removed(RuleDef rule) {
    OptionalLong id = rule.id();
    for (long[] r : removedRanges) {
      if (inRange(id, r)) {
        return true;
      }
    }
    for (String tag : rule.actions("tag")) {
      if (removedTags.contains(tag)) {
        return true;
      }
    }
    return rule.action("msg").filter(removedMsgs::contains).isPresent();
  }

  private static List<ActionRef> merge(List<ActionRef> current, List<ActionRef> updates) {
    List<ActionRef> out = new ArrayList<>(current);
    for (ActionRef u : updates) {
      if (ActionParser.DISRUPTIVE.contains(u.name())) {
        out.removeIf(a -> ActionParser.DISRUPTIVE.contains(a.name()));
      } else if (!APPENDED.contains(u.name())) {
        out.removeIf(a -> a.name().equals(u.name()));
      }
      out.add(u);
    }
    return out;
  }

  private static boolean inRange(OptionalLong id, long[] r) {
    return id.isPresent() && id.getAsLong() >= r[0] && id.getAsLong() <= r[1];
  }

  private static long[] range(String part, Directive dir) {
    int dash = part.indexOf('-', 1);
    String lo = dash < 0 ? part : part.substring(0, dash);
    String hi = dash < 0 ? part : part.substring(dash + 1);
    if (!ActionValues.isDigits(lo)
        || !ActionValues.isDigits(hi)
        || lo.length() > 18
        || hi.length() > 18
        || Long.parseLong(lo) > Long.parseLong(hi)) {
      throw ParseErrors.at(
          dir.location(),
          part,
          "not an id or range",
          "ids such as 920100 and ranges such as 920200-920299");
    }
    return new long[] {Long.parseLong(lo), Long.parseLong(hi)};
  }
}
