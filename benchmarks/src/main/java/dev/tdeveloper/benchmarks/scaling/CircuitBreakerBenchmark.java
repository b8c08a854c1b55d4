package dev.tdeveloper.benchmarks.scaling;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.function.CheckedSupplier;
import dev.tdeveloper.scaling.resilience.CircuitBreakerSettings;
import dev.tdeveloper.scaling.resilience.DependencyPolicies;
import dev.tdeveloper.scaling.resilience.DependencyPolicy;
import dev.tdeveloper.tenancy.TenantId;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A successful call through a closed circuit breaker: raw Failsafe, our per-dependency and
 * per-tenant wrappers (lookup by name, and by tenant, then the call), and Resilience4j with the
 * equivalent configuration (opens after 5 failures out of the last 5 calls, stays open 60 s), and
 * raw Failsafe executors kept per tenant in a map (what a user writes without us). The goal is ours
 * at most 1.1x raw Failsafe's cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CircuitBreakerBenchmark {
  private static final Duration OPEN = Duration.ofSeconds(60);
  private static final CheckedSupplier<String> CALL = () -> "ok";
  private static final Supplier<String> R4J_CALL = () -> "ok";

  private FailsafeExecutor<Object> failsafe;
  private final Map<TenantId, FailsafeExecutor<Object>> failsafePerTenant =
      new ConcurrentHashMap<>();
  private DependencyPolicies ours;
  private TenantId tenant;
  private io.github.resilience4j.circuitbreaker.CircuitBreaker resilience4j;
  private Supplier<String> resilience4jDecorated;

  @Setup
  public void setUp() {
    failsafe =
        Failsafe.with(CircuitBreaker.builder().withFailureThreshold(5).withDelay(OPEN).build());
    CircuitBreakerSettings breaker = CircuitBreakerSettings.consecutiveFailures(5).withDelay(OPEN);
    ours =
        DependencyPolicies.builder()
            .policy(DependencyPolicy.builder("shared").circuitBreaker(breaker).build())
            .policy(
                DependencyPolicy.builder("tenanted")
                    .circuitBreaker(breaker)
                    .perTenant(true)
                    .build())
            .build();
    tenant = TenantId.of("acme");
    resilience4j =
        io.github.resilience4j.circuitbreaker.CircuitBreaker.of(
            "bench",
            CircuitBreakerConfig.custom()
                .slidingWindowType(SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(5)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(100)
                .waitDurationInOpenState(OPEN)
                .build());
    resilience4jDecorated = resilience4j.decorateSupplier(R4J_CALL);
  }

  /** Baseline: a Failsafe executor with one circuit breaker. */
  @Benchmark
  public String failsafeRaw() {
    return failsafe.get(CALL);
  }

  /**
   * Baseline for per-tenant breakers without us: raw Failsafe executors in a map by tenant, as a
   * user would write it (unbounded, never expiring).
   */
  @Benchmark
  public String failsafeRawPerTenantMap() {
    return failsafePerTenant
        .computeIfAbsent(
            tenant,
            t ->
                Failsafe.with(
                    CircuitBreaker.builder().withFailureThreshold(5).withDelay(OPEN).build()))
        .get(CALL);
  }

  /** Ours, shared policy: look the dependency up by name, then call. */
  @Benchmark
  public String tdeveloperPerDependency() {
    return ours.call("shared").get(CALL);
  }

  /** Ours, per-tenant policy: look up the dependency, then the tenant's executor, then call. */
  @Benchmark
  public String tdeveloperPerTenant() {
    return ours.call("tenanted", tenant).get(CALL);
  }

  /** Resilience4j: a supplier decorated once, called each time. */
  @Benchmark
  public String resilience4jDecorated() {
    return resilience4jDecorated.get();
  }

  /** Resilience4j: executeSupplier, decorating on each call. */
  @Benchmark
  public String resilience4jExecute() {
    return resilience4j.executeSupplier(R4J_CALL);
  }
}
