package dev.tdeveloper.security.waf.seclang;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a set of rule files said, in load order: the rules with the removals ({@code
 * SecRuleRemoveById}/{@code ByTag}) and target updates ({@code SecRuleUpdateTargetById}) already
 * applied, the default actions per phase, the engine settings, and how many rules each file gave.
 *
 * @param rules rules, actions and markers in load order
 * @param defaultActions the actions of {@code SecDefaultAction} by phase (1 to 5); a phase absent
 *     has ModSecurity's default {@code phase:N,log,auditlog,pass}
 * @param settings the engine directives
 * @param rulesPerFile the number of {@code SecRule} and {@code SecAction} directives (chains
 *     counted once) per file, in load order, before removals
 */
public record RuleSet(
    List<RuleDef> rules,
    Map<Integer, List<ActionRef>> defaultActions,
    EngineSettings settings,
    Map<String, Integer> rulesPerFile) {
  /** Validates and copies. */
  public RuleSet {
    rules = List.copyOf(rules);
    defaultActions = Map.copyOf(defaultActions);
    Objects.requireNonNull(settings, "settings");
    rulesPerFile =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rulesPerFile));
  }
}
