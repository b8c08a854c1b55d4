package dev.tdeveloper.tenancy.usage;

import static dev.tdeveloper.tenancy.usage.MeterFixture.ACME;
import static dev.tdeveloper.tenancy.usage.MeterFixture.GLOBEX;
import static dev.tdeveloper.tenancy.usage.MeterFixture.HOUR;
import static dev.tdeveloper.tenancy.usage.MeterFixture.T0;
import static dev.tdeveloper.tenancy.usage.MeterFixture.calls;
import static dev.tdeveloper.tenancy.usage.MeterFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class UsageMeterIsolationTest {
  private final MeterFixture fixture = new MeterFixture();
  private final UsageMeter meter = fixture.meter();

  @Test
  void neverShowsOneTenantsUsageInAnothersAggregates() {
    meter.record(calls(ACME, 40, "a"));
    meter.record(event(ACME, "active_users", 1, T0, "u").withDimension("user_id", "alice"));
    assertThat(meter.aggregate(GLOBEX, "api_calls", T0).eventCount()).isZero();
    assertThat(meter.aggregate(GLOBEX, "active_users", T0).value()).isZero();
    assertThat(meter.windows(GLOBEX, "api_calls", Instant.EPOCH, Instant.MAX)).isEmpty();

    meter.record(event(GLOBEX, "active_users", 1, T0, "u").withDimension("user_id", "alice"));
    assertThat(meter.aggregate(GLOBEX, "active_users", T0).value())
        .as("the same user id of another tenant is another user")
        .isEqualTo(1);
    assertThat(meter.aggregate(ACME, "api_calls", T0).value()).isEqualTo(40);
  }

  @Test
  void countsTheSameIdempotencyKeyOncePerTenant() {
    assertThat(meter.record(calls(ACME, 3, "req-1"))).isInstanceOf(RecordResult.Accepted.class);
    assertThat(meter.record(calls(GLOBEX, 5, "req-1"))).isInstanceOf(RecordResult.Accepted.class);
    assertThat(meter.record(calls(GLOBEX, 5, "req-1"))).isInstanceOf(RecordResult.Duplicate.class);
    assertThat(meter.aggregate(ACME, "api_calls", T0).value()).isEqualTo(3);
    assertThat(meter.aggregate(GLOBEX, "api_calls", T0).value()).isEqualTo(5);
  }

  @Test
  void aTenantExhaustingTheSumCannotBlockAnother() {
    meter.record(calls(ACME, Long.MAX_VALUE, "huge"));
    assertThat(meter.record(calls(GLOBEX, Long.MAX_VALUE, "huge")))
        .isInstanceOf(RecordResult.Accepted.class);
    assertThat(meter.aggregate(GLOBEX, "api_calls", T0).value()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void closingOneTenantsWindowLeavesAnothersValues() {
    meter.record(calls(ACME, 1, "a"));
    meter.record(calls(GLOBEX, 2, "g"));
    fixture.clock.advance(HOUR.multipliedBy(2));
    assertThat(meter.closedWindows(T0, T0.plus(HOUR)))
        .extracting(WindowAggregate::tenant, WindowAggregate::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ACME, 1L),
            org.assertj.core.groups.Tuple.tuple(GLOBEX, 2L));
  }

  /** One recorded event: which tenant, which key (from a small pool, to collide) and value. */
  record Draw(int tenant, int key, long value) {}

  @Provide
  Arbitrary<List<Draw>> draws() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(0, 15),
            Arbitraries.longs().between(0, 1_000))
        .as(Draw::new)
        .list()
        .ofMaxSize(60);
  }

  @Property(tries = 100)
  void eachTenantSeesExactlyItsOwnDistinctEvents(@ForAll("draws") List<Draw> draws) {
    MeterFixture local = new MeterFixture();
    UsageMeter isolated = local.meter();
    Map<TenantId, Map<Integer, Long>> firstValueByKey = new HashMap<>();
    for (Draw draw : draws) {
      TenantId tenant = TenantId.of("t" + draw.tenant());
      isolated.record(calls(tenant, draw.value(), "k" + draw.key()));
      firstValueByKey
          .computeIfAbsent(tenant, t -> new HashMap<>())
          .putIfAbsent(draw.key(), draw.value());
    }
    for (int t = 0; t < 3; t++) {
      TenantId tenant = TenantId.of("t" + t);
      Map<Integer, Long> own = firstValueByKey.getOrDefault(tenant, Map.of());
      WindowAggregate aggregate = isolated.aggregate(tenant, "api_calls", T0);
      assertThat(aggregate.value())
          .isEqualTo(own.values().stream().mapToLong(Long::longValue).sum());
      assertThat(aggregate.eventCount()).isEqualTo(own.size());
    }
  }
}
