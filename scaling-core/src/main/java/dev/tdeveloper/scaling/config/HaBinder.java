package dev.tdeveloper.scaling.config;

import dev.tdeveloper.scaling.health.CheckSettings;
import dev.tdeveloper.scaling.health.Criticality;
import dev.tdeveloper.scaling.health.HealthCheckRegistry;
import dev.tdeveloper.scaling.resilience.BulkheadSettings;
import dev.tdeveloper.scaling.resilience.CircuitBreakerSettings;
import dev.tdeveloper.scaling.resilience.DependencyPolicy;
import dev.tdeveloper.scaling.resilience.RetrySettings;
import dev.tdeveloper.tenancy.config.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Binds the {@code health:} section to {@link HealthSettings} and the {@code dependencies:} section
 * to {@link DependencyPolicy} builders.
 */
final class HaBinder {
  private static final Map<String, Criticality> CRITICALITY = new LinkedHashMap<>();

  static {
    CRITICALITY.put("critical", Criticality.CRITICAL);
    CRITICALITY.put("non-critical", Criticality.NON_CRITICAL);
  }

  private HaBinder() {}

  static Optional<HealthSettings> health(TreeReader r, Node.MapNode m) {
    int before = r.problems.size();
    r.keys(m, List.of("checks", "groups"));
    Map<String, CheckSettings> checks = new LinkedHashMap<>();
    Node checksNode = m.values().get("checks");
    Optional<Node.MapNode> cm = checksNode == null ? Optional.empty() : r.mapping(checksNode);
    cm.ifPresent(
        map ->
            map.values()
                .forEach(
                    (name, node) ->
                        r.mapping(node)
                            .flatMap(c -> check(r, c))
                            .ifPresent(s -> checks.put(name, s))));
    Map<String, List<String>> groups = new LinkedHashMap<>();
    Node groupsNode = m.values().get("groups");
    Optional<Node.MapNode> gm = groupsNode == null ? Optional.empty() : r.mapping(groupsNode);
    gm.ifPresent(map -> map.values().forEach((name, node) -> group(r, name, node, groups)));
    if (r.problems.size() > before) {
      return Optional.empty();
    }
    HealthSettings settings = new HealthSettings(checks, groups);
    Node.MapNode at = cm.orElse(m);
    return r.attempt(
            at,
            () -> {
              var b = HealthCheckRegistry.builder();
              checks.keySet().forEach(n -> b.check(n, () -> null, settings.settings(n)));
              return b;
            })
        .map(ok -> settings);
  }

  private static Optional<CheckSettings> check(TreeReader r, Node.MapNode c) {
    int before = r.problems.size();
    r.keys(c, List.of("timeout", "cacheTtl", "criticality"));
    CheckSettings d = CheckSettings.defaults();
    Duration timeout = r.duration(c, "timeout").orElse(d.timeout());
    Duration ttl = r.duration(c, "cacheTtl").orElse(d.cacheTtl());
    Criticality criticality = r.choice(c, "criticality", CRITICALITY).orElse(d.criticality());
    if (r.problems.size() > before) {
      return Optional.empty();
    }
    return r.attempt(c, () -> new CheckSettings(timeout, ttl, criticality));
  }

  private static void group(
      TreeReader r, String name, Node node, Map<String, List<String>> groups) {
    Optional<Node.SeqNode> seq = r.sequence(node);
    if (seq.isEmpty()) {
      return;
    }
    List<String> members = new ArrayList<>();
    for (Node item : seq.get().items()) {
      if (item instanceof Node.ScalarNode s) {
        members.add(s.value().text());
      } else {
        r.problem(
            item, "expected a check name, got " + item.describe(), "a name matching [a-z0-9-]+");
        return;
      }
    }
    r.attemptAt(
            node, () -> HealthCheckRegistry.builder().group(name, members.toArray(String[]::new)))
        .ifPresent(ok -> groups.put(name, members));
  }

  /** The dependencies by name, each as a factory of a fresh, configured builder. */
  static Map<String, Supplier<DependencyPolicy.Builder>> dependencies(
      TreeReader r, Node.MapNode m) {
    Map<String, Supplier<DependencyPolicy.Builder>> out = new LinkedHashMap<>();
    for (Map.Entry<String, Node> e : m.values().entrySet()) {
      r.mapping(e.getValue())
          .flatMap(d -> dependency(r, e.getKey(), d))
          .ifPresent(f -> out.put(e.getKey(), f));
    }
    return out;
  }

  private static Optional<Supplier<DependencyPolicy.Builder>> dependency(
      TreeReader r, String name, Node.MapNode d) {
    int before = r.problems.size();
    r.keys(d, List.of("perTenant", "timeout", "circuitBreaker", "retry", "bulkhead"));
    Optional<Boolean> perTenant = r.bool(d, "perTenant");
    Optional<Duration> timeout = r.duration(d, "timeout");
    Optional<CircuitBreakerSettings> breaker =
        sub(r, d, "circuitBreaker").flatMap(b -> breaker(r, b));
    Optional<RetrySettings> retry = sub(r, d, "retry").flatMap(b -> retry(r, b));
    Optional<BulkheadSettings> bulkhead = sub(r, d, "bulkhead").flatMap(b -> bulkhead(r, b));
    if (r.problems.size() > before) {
      return Optional.empty();
    }
    Supplier<DependencyPolicy.Builder> factory =
        () -> {
          DependencyPolicy.Builder b = DependencyPolicy.builder(name);
          perTenant.ifPresent(b::perTenant);
          timeout.ifPresent(b::timeout);
          breaker.ifPresent(b::circuitBreaker);
          retry.ifPresent(b::retry);
          bulkhead.ifPresent(b::bulkhead);
          return b;
        };
    Node at = d;
    return r.attemptAt(at, () -> factory.get().build()).map(ok -> factory);
  }

  private static Optional<Node.MapNode> sub(TreeReader r, Node.MapNode d, String key) {
    Node node = d.values().get(key);
    return node == null ? Optional.empty() : r.mapping(node);
  }

  private static Optional<CircuitBreakerSettings> breaker(TreeReader r, Node.MapNode b) {
    int before = r.problems.size();
    r.keys(
        b,
        List.of(
            "failures", "executions", "failureRatePercent", "window", "delay", "halfOpenTrials"));
    Optional<Integer> failures = r.integer(b, "failures", 0, Integer.MAX_VALUE);
    Optional<Integer> executions = r.integer(b, "executions", 1, Integer.MAX_VALUE);
    Optional<Integer> rate = r.integer(b, "failureRatePercent", 0, 100);
    Optional<Duration> window = r.duration(b, "window");
    Duration delay = r.duration(b, "delay").orElse(CircuitBreakerSettings.DEFAULT_DELAY);
    int trials =
        r.integer(b, "halfOpenTrials", 1, Integer.MAX_VALUE)
            .orElse(CircuitBreakerSettings.DEFAULT_HALF_OPEN_TRIALS);
    if (rate.isEmpty() && failures.isEmpty() && !b.values().containsKey("failureRatePercent")) {
      r.required(b, "failures", "failures (count-based) or failureRatePercent (rate-based)");
    }
    if (r.problems.size() > before) {
      return Optional.empty();
    }
    int f = failures.orElse(0);
    return r.attempt(
        b,
        () ->
            new CircuitBreakerSettings(
                f,
                executions.orElse(f),
                rate.orElse(0),
                window.orElse(Duration.ZERO),
                delay,
                trials));
  }

  private static Optional<RetrySettings> retry(TreeReader r, Node.MapNode b) {
    int before = r.problems.size();
    r.keys(b, List.of("maxAttempts", "initialDelay", "maxDelay", "multiplier", "jitter"));
    Optional<Integer> attempts =
        r.required(b, "maxAttempts", "a whole number >= 2")
            .flatMap(n -> r.integer(b, "maxAttempts", 2, Integer.MAX_VALUE));
    Optional<Duration> initial =
        r.required(b, "initialDelay", TreeReader.DURATION)
            .flatMap(n -> r.duration(b, "initialDelay"));
    Optional<Duration> max = r.duration(b, "maxDelay");
    double multiplier = r.number(b, "multiplier", "a finite number >= 1", v -> v >= 1).orElse(2.0);
    double jitter =
        r.number(b, "jitter", "a fraction in [0, 1]", v -> v >= 0 && v <= 1)
            .orElse(RetrySettings.DEFAULT_JITTER);
    if (r.problems.size() > before) {
      return Optional.empty();
    }
    Duration maxDelay =
        max.orElse(multiplier == 1 ? initial.get() : initial.get().multipliedBy(10));
    return r.attempt(
        b,
        b,
        Map.of("jitterFactor", "jitter"),
        () ->
            new RetrySettings(
                attempts.get(),
                initial.get(),
                maxDelay,
                multiplier,
                jitter,
                RetrySettings.DEFAULT_RETRY_ON));
  }

  private static Optional<BulkheadSettings> bulkhead(TreeReader r, Node.MapNode b) {
    int before = r.problems.size();
    r.keys(b, List.of("maxConcurrency", "maxWait"));
    Optional<Integer> concurrency =
        r.required(b, "maxConcurrency", "a whole number >= 1")
            .flatMap(n -> r.integer(b, "maxConcurrency", 1, Integer.MAX_VALUE));
    Duration wait = r.duration(b, "maxWait").orElse(Duration.ZERO);
    if (r.problems.size() > before) {
      return Optional.empty();
    }
    return r.attempt(b, () -> new BulkheadSettings(concurrency.get(), wait));
  }
}
