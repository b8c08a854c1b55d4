package dev.tdeveloper.observability.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.observability.metrics.TenantCardinalityGuard;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;
import org.junit.jupiter.api.Test;

/**
 * {@link CounterFamily} (the cached path) against {@link TenantMeters#counter} (the plain path):
 * the same events, guards and re-ranks leave the same meters with the same counts.
 */
class CounterFamilyPropertyTest {
  private static final List<String> TENANTS = List.of("acme", "globex", "initech", "umbrella");
  private static final String NAME = "tdeveloper.test.decisions";

  /** One side: its own registry, guard (same clock, same calls) and meters. */

  /** Each step: a tenant index (4 = no tenant), an outcome index, and whether a re-rank follows. */
  @Provide
  Arbitrary<List<Tuple3<Integer, Integer, Boolean>>> steps() {
    Arbitrary<Tuple3<Integer, Integer, Boolean>> step =
        Arbitraries.integers()
            .between(0, TENANTS.size())
            .flatMap(
                t ->
                    Arbitraries.integers()
                        .between(0, 2)
                        .flatMap(
                            o ->
                                Arbitraries.integers()
                                    .between(0, 9)
                                    .map(r -> Tuple.of(t, o, r == 0))));
    return step.list().ofMaxSize(200);
  }

  @Property(tries = 200)
  void theCachedPathLeavesExactlyTheMetersAndCountsOfThePlainPath(
      @ForAll("steps") List<Tuple3<Integer, Integer, Boolean>> steps) {
    ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
    MeterSide plain = new MeterSide(clock);
    MeterSide cached = new MeterSide(clock);
    CounterFamily family = cached.meters.family(NAME, "test", "outcome");
    for (Tuple3<Integer, Integer, Boolean> step : steps) {
      Optional<TenantId> tenant =
          step.get1() < TENANTS.size()
              ? Optional.of(TenantId.of(TENANTS.get(step.get1())))
              : Optional.empty();
      String outcome = List.of("allowed", "denied", "failed").get(step.get2());
      plain.meters.counter(NAME, "test", tenant, "outcome", outcome).increment();
      family.counter(tenant, outcome).increment();
      if (step.get3()) {
        plain.guard.rerank();
        cached.guard.rerank();
      }
      assertThat(cached.guard.taggedTenants()).isEqualTo(plain.guard.taggedTenants());
    }
    assertThat(cached.counts()).isEqualTo(plain.counts());
  }

  @Test
  void aTenantsEventNeverBumpsAnotherTenantsSeries() {
    MeterSide side = new MeterSide(new ManualClock());
    CounterFamily family = side.meters.family(NAME, "test", "outcome");
    Optional<TenantId> acme = Optional.of(TenantId.of("acme"));
    Optional<TenantId> globex = Optional.of(TenantId.of("globex"));
    Counter globexAllowed = family.counter(globex, "allowed");
    globexAllowed.increment();
    for (int i = 0; i < 5; i++) {
      family.counter(acme, "allowed").increment();
      family.counter(acme, "denied").increment();
    }
    assertThat(globexAllowed.count()).isEqualTo(1);
    assertThat(family.counter(acme, "allowed").getId().getTag("tenant")).isEqualTo("acme");
    assertThat(side.registry.get(NAME).tag("tenant", "acme").tag("outcome", "allowed").counter())
        .extracting(Counter::count)
        .isEqualTo(5.0);
  }

  @Test
  void whenTheGuardMovesATenantToOtherItsCachedCountersFollow() {
    ManualClock clock = new ManualClock();
    MeterRegistry registry = new SimpleMeterRegistry();
    TenantCardinalityGuard guard =
        TenantCardinalityGuard.builder().topTenants(1).clock(clock).build();
    CounterFamily family = new TenantMeters(registry, guard).family(NAME, "test", "outcome");
    Optional<TenantId> acme = Optional.of(TenantId.of("acme"));
    assertThat(family.counter(acme, "allowed").getId().getTag("tenant")).isEqualTo("acme");
    for (int i = 0; i < 10; i++) {
      guard.tag(TenantId.of("globex"));
    }
    guard.rerank();
    Counter moved = family.counter(acme, "allowed");
    assertThat(moved.getId().getTag("tenant")).isEqualTo(TenantCardinalityGuard.OTHER);
    moved.increment();
    assertThat(registry.find(NAME).tag("tenant", "acme").counters()).isEmpty();
    for (int i = 0; i < 100; i++) {
      guard.tag(TenantId.of("acme"));
    }
    guard.rerank();
    assertThat(family.counter(acme, "allowed").getId().getTag("tenant")).isEqualTo("acme");
  }

  @Test
  void fixedTagsMustBePairs() {
    MeterSide side = new MeterSide(new ManualClock());
    assertThatThrownBy(() -> side.meters.family(NAME, "test", "outcome", "dimension"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key-value pairs");
  }
}
