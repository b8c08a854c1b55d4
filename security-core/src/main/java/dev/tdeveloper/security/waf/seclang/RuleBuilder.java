package dev.tdeveloper.security.waf.seclang;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Assembles rules, chains and markers in load order and checks what ModSecurity checks when a rule
 * is added: a first link has an id, ids are unique, later links carry no id, phase, disruptive
 * action, skip or skipAfter, a chain is followed by a {@code SecRule} in the same file, and every
 * {@code skipAfter} names a marker that appears somewhere in the rule set. Not thread-safe: one per
 * parse.
 */
final class RuleBuilder {
  private static final Set<String> FIRST_LINK_ONLY = Set.of("id", "phase", "skip", "skipAfter");

  /** A link waiting for the rest of its chain. */
  private record Link(
      RuleDef.Kind kind,
      List<VariableRef> variables,
      Optional<OperatorRef> operator,
      List<ActionRef> actions,
      Location location) {}

  private final List<RuleDef> rules = new ArrayList<>();
  private final List<Link> chain = new ArrayList<>();
  private final Map<Long, Location> ids = new HashMap<>();
  private final Set<String> markers = new HashSet<>();
  private final Map<String, Location> skipAfters = new LinkedHashMap<>();
  private final Map<String, Integer> rulesPerFile = new LinkedHashMap<>();

  void startFile(String file) {
    rulesPerFile.putIfAbsent(file, 0);
  }

  /** Adds a SecRule or SecAction link. */
  void addRule(
      RuleDef.Kind kind,
      List<VariableRef> variables,
      Optional<OperatorRef> operator,
      List<ActionRef> actions,
      Location at) {
    boolean first = chain.isEmpty();
    if (first) {
      checkFirstLink(actions, at);
      rulesPerFile.merge(at.file(), 1, Integer::sum);
    } else {
      if (kind != RuleDef.Kind.RULE) {
        throw chainBroken(at, "SecAction");
      }
      checkLaterLink(actions, at);
    }
    for (ActionRef a : actions) {
      if (a.name().equals("skipAfter")) {
        skipAfters.putIfAbsent(a.value(), at);
      }
    }
    chain.add(new Link(kind, variables, operator, actions, at));
    boolean continues = actions.stream().anyMatch(a -> a.name().equals("chain"));
    if (!continues) {
      Optional<RuleDef> next = Optional.empty();
      for (int i = chain.size() - 1; i >= 0; i--) {
        Link l = chain.get(i);
        next =
            Optional.of(
                new RuleDef(
                    l.kind(),
                    l.variables(),
                    l.operator(),
                    l.actions(),
                    Optional.empty(),
                    next,
                    l.location()));
      }
      rules.add(next.orElseThrow());
      chain.clear();
    }
  }

  void addMarker(String name, Location at) {
    markers.add(name);
    rules.add(
        new RuleDef(
            RuleDef.Kind.MARKER,
            List.of(),
            Optional.empty(),
            List.of(),
            Optional.of(name),
            Optional.empty(),
            at));
  }

  /** Refuses any directive other than SecRule while a chain waits for its next link. */
  void requireNoOpenChain(String directive, Location at) {
    if (!chain.isEmpty()) {
      throw chainBroken(at, directive);
    }
  }

  /** At the end of each file: a chain does not continue into another file. */
  void endFile(String file) {
    if (!chain.isEmpty()) {
      Location start = chain.get(0).location();
      chain.clear();
      throw ParseErrors.at(
          start,
          "chain",
          "the chain's last link has chain but " + file + " ends",
          "a SecRule after a link with chain");
    }
  }

  List<RuleDef> rules() {
    for (Map.Entry<String, Location> e : skipAfters.entrySet()) {
      if (!markers.contains(e.getKey())) {
        throw ParseErrors.at(
            e.getValue(),
            "skipAfter:" + e.getKey(),
            "no SecMarker of that name in the rule set",
            "the name of a SecMarker");
      }
    }
    return rules;
  }

  Map<String, Integer> rulesPerFile() {
    return rulesPerFile;
  }

  private RuntimeException chainBroken(Location at, String directive) {
    Location start = chain.get(0).location();
    return ParseErrors.at(
        at,
        directive,
        "the chain started at "
            + start
            + " ends with chain, but the next directive is not a SecRule",
        "a SecRule after a link with chain");
  }

  private void checkFirstLink(List<ActionRef> actions, Location at) {
    Optional<String> id = Optional.empty();
    for (ActionRef a : actions) {
      if (a.name().equals("id")) {
        if (id.isPresent()) {
          throw ParseErrors.at(at, a.toString(), "a second id", "one id per rule");
        }
        id = Optional.of(a.value());
      }
    }
    if (id.isEmpty()) {
      throw ParseErrors.at(
          at, "SecRule/SecAction", "rule without id", "an id:N action on every rule");
    }
    long value = Long.parseLong(id.get());
    Location previous = ids.putIfAbsent(value, at);
    if (previous != null) {
      throw ParseErrors.at(
          at,
          "id:" + value,
          "duplicate id, first used at " + previous,
          "ids unique across the rule set");
    }
  }

  private static void checkLaterLink(List<ActionRef> actions, Location at) {
    for (ActionRef a : actions) {
      if (FIRST_LINK_ONLY.contains(a.name()) || ActionParser.DISRUPTIVE.contains(a.name())) {
        throw ParseErrors.at(
            at,
            a.toString(),
            a.name() + " on a chained link",
            "id, phase, skip, skipAfter and disruptive actions on the chain's first link only");
      }
    }
  }
}
