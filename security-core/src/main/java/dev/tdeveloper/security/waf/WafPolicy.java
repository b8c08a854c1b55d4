package dev.tdeveloper.security.waf;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One tenant's WAF settings, applied when its transaction starts: the CRS {@code TX} variables
 * (paranoia level, thresholds) and the equivalents of {@code ctl:ruleEngine}, {@code
 * ctl:ruleRemoveById} and {@code ctl:ruleRemoveTargetById}. Immutable.
 *
 * @param namespace the tenant namespace its persistent collections ({@code IP}, {@code GLOBAL})
 *     live in, never shared with another tenant
 * @param mode the engine mode for this tenant; empty for the WAF's
 * @param paranoiaLevel 1 to 4; empty for the WAF's
 * @param inboundThreshold at least 1; empty for the WAF's
 * @param outboundThreshold at least 1; empty for the WAF's
 * @param removedRuleIds rules that never run for this tenant
 * @param removedTargets per rule id, targets it no longer inspects ({@code ARGS:password}, {@code
 *     REQUEST_COOKIES:/^_ga/})
 */
public record WafPolicy(
    String namespace,
    Optional<EngineMode> mode,
    OptionalInt paranoiaLevel,
    OptionalInt inboundThreshold,
    OptionalInt outboundThreshold,
    Set<Long> removedRuleIds,
    Map<Long, List<String>> removedTargets) {
  /** Validates and copies. */
  public WafPolicy {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(paranoiaLevel, "paranoiaLevel");
    paranoiaLevel.ifPresent(
        p -> {
          if (p < 1 || p > 4) {
            throw new IllegalArgumentException("paranoiaLevel: " + p + "; allowed: 1 to 4");
          }
        });
    Objects.requireNonNull(inboundThreshold, "inboundThreshold");
    Objects.requireNonNull(outboundThreshold, "outboundThreshold");
    if (inboundThreshold.orElse(1) < 1 || outboundThreshold.orElse(1) < 1) {
      throw new IllegalArgumentException("thresholds: allowed: >= 1");
    }
    removedRuleIds = Set.copyOf(removedRuleIds);
    Map<Long, List<String>> copy = new java.util.HashMap<>();
    removedTargets.forEach((id, targets) -> copy.put(id, List.copyOf(targets)));
    removedTargets = Map.copyOf(copy);
  }

  /**
   * The policy that changes nothing, in a namespace.
   *
   * @param namespace the tenant namespace
   * @return the policy
   */
  public static WafPolicy defaults(String namespace) {
    return new WafPolicy(
        namespace,
        Optional.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        Set.of(),
        Map.of());
  }

  /**
   * This policy at another paranoia level.
   *
   * @param level 1 to 4
   * @return a copy
   */
  public WafPolicy withParanoiaLevel(int level) {
    return new WafPolicy(
        namespace,
        mode,
        OptionalInt.of(level),
        inboundThreshold,
        outboundThreshold,
        removedRuleIds,
        removedTargets);
  }

  /**
   * This policy in another namespace.
   *
   * @param newNamespace the tenant namespace
   * @return a copy; this policy when the namespace is the same
   */
  public WafPolicy withNamespace(String newNamespace) {
    if (namespace.equals(newNamespace)) {
      return this;
    }
    return new WafPolicy(
        newNamespace,
        mode,
        paranoiaLevel,
        inboundThreshold,
        outboundThreshold,
        removedRuleIds,
        removedTargets);
  }

  /**
   * This policy in another mode.
   *
   * @param newMode the mode
   * @return a copy
   */
  public WafPolicy withMode(EngineMode newMode) {
    return new WafPolicy(
        namespace,
        Optional.of(newMode),
        paranoiaLevel,
        inboundThreshold,
        outboundThreshold,
        removedRuleIds,
        removedTargets);
  }
}
