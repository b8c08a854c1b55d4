package dev.tdeveloper.tenancy.usage;

import static dev.tdeveloper.tenancy.usage.MeterFixture.ACME;
import static dev.tdeveloper.tenancy.usage.MeterFixture.GLOBEX;
import static dev.tdeveloper.tenancy.usage.MeterFixture.GRACE;
import static dev.tdeveloper.tenancy.usage.MeterFixture.HOUR;
import static dev.tdeveloper.tenancy.usage.MeterFixture.T0;
import static dev.tdeveloper.tenancy.usage.MeterFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UsageMeterAggregationTest {
  private final MeterFixture fixture = new MeterFixture();
  private final UsageMeter meter = fixture.meter();

  private long valueOf(String name) {
    return meter.aggregate(ACME, name, T0).value();
  }

  private void record(String name, long value, int second, String key) {
    assertThat(meter.record(event(ACME, name, value, T0.plusSeconds(second), key)))
        .isEqualTo(new RecordResult.Accepted(T0));
  }

  @Test
  void sumsValues() {
    record("api_calls", 3, 1, "a");
    record("api_calls", 4, 2, "b");
    record("api_calls", 0, 3, "c");
    assertThat(meter.aggregate(ACME, "api_calls", T0))
        .isEqualTo(new WindowAggregate(ACME, "api_calls", T0, T0.plus(HOUR), 7, 3, false));
  }

  @Test
  void countsEventsIgnoringValues() {
    record("requests", 100, 1, "a");
    record("requests", 0, 2, "b");
    assertThat(valueOf("requests")).isEqualTo(2);
  }

  @Test
  void tracksMaximumAndMinimum() {
    for (long v : new long[] {5, 12, 0, 7}) {
      record("peak_connections", v, (int) v, "k" + v);
      record("min_latency", v + 3, (int) v, "k" + v);
    }
    assertThat(valueOf("peak_connections")).isEqualTo(12);
    assertThat(valueOf("min_latency")).isEqualTo(3);
  }

  @Test
  void keepsTheValueWithTheLatestEventTimeWhateverTheArrivalOrder() {
    record("seats", 10, 300, "b");
    record("seats", 99, 100, "a"); // arrives later, happened earlier
    assertThat(valueOf("seats")).isEqualTo(10);
    record("seats", 7, 300, "c"); // same time: the greater key wins
    assertThat(valueOf("seats")).isEqualTo(7);
    record("seats", 8, 300, "a-lower");
    assertThat(valueOf("seats")).isEqualTo(7);
  }

  @Test
  void countsDistinctValuesOfTheNamedDimension() {
    for (int i = 0; i < 6; i++) {
      UsageEvent event =
          event(ACME, "active_users", 1, T0.plusSeconds(i), "e" + i)
              .withDimension("user_id", "u" + (i % 3))
              .withDimension("region", "r" + i);
      meter.record(event);
    }
    WindowAggregate aggregate = meter.aggregate(ACME, "active_users", T0);
    assertThat(aggregate.value()).isEqualTo(3);
    assertThat(aggregate.eventCount()).isEqualTo(6);
  }

  @Test
  void reportsAnEmptyWindowAsZero() {
    assertThat(meter.aggregate(ACME, "peak_connections", T0))
        .isEqualTo(new WindowAggregate(ACME, "peak_connections", T0, T0.plus(HOUR), 0, 0, false));
    assertThat(meter.aggregate(ACME, "api_calls", T0.minus(Duration.ofDays(1))).closed()).isTrue();
  }

  @Test
  void listsWindowsWithEventsInRangeOldestFirst() {
    fixture.clock.setTo(T0.plus(Duration.ofMinutes(125))); // 12:05, the 11:00 window is in grace
    meter.record(event(ACME, "api_calls", 1, T0.plus(Duration.ofMinutes(125)), "c"));
    meter.record(event(ACME, "api_calls", 2, T0.plus(HOUR).plusSeconds(5), "b"));
    meter.record(event(GLOBEX, "api_calls", 5, T0.plus(HOUR), "x"));
    assertThat(meter.windows(ACME, "api_calls", T0, T0.plus(Duration.ofHours(3))))
        .extracting(WindowAggregate::windowStart, WindowAggregate::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(T0.plus(HOUR), 2L),
            org.assertj.core.groups.Tuple.tuple(T0.plus(Duration.ofHours(2)), 1L));
    assertThat(meter.windows(ACME, "api_calls", T0.plus(HOUR), T0.plus(HOUR))).isEmpty();
  }

  @Test
  void closesAWindowExactlyAtItsGraceEndAndAnnouncesIt() {
    record("api_calls", 5, 1, "a");
    Instant graceEnd = T0.plus(HOUR).plus(GRACE);
    fixture.clock.setTo(graceEnd.minusNanos(1));
    assertThat(meter.aggregate(ACME, "api_calls", T0).closed()).isFalse();
    assertThat(fixture.published(UsageMeterEvent.WindowClosed.class)).isEmpty();

    fixture.clock.setTo(graceEnd);
    assertThat(meter.closeExpiredWindows()).isEqualTo(1);
    WindowAggregate closed = meter.aggregate(ACME, "api_calls", T0);
    assertThat(closed.closed()).isTrue();
    assertThat(closed.value()).isEqualTo(5);
    assertThat(fixture.published(UsageMeterEvent.WindowClosed.class))
        .containsExactly(new UsageMeterEvent.WindowClosed(closed));
    assertThat(meter.closeExpiredWindows()).isZero();
  }

  @Test
  void listsOnlyClosedWindowsOfEveryTenantForBilling() {
    record("api_calls", 5, 1, "a");
    meter.record(event(GLOBEX, "requests", 1, T0, "g"));
    fixture.clock.advance(HOUR);
    meter.record(event(ACME, "api_calls", 1, T0.plus(HOUR), "still-open"));
    fixture.clock.advance(GRACE);
    assertThat(meter.closedWindows(T0.minus(HOUR), T0.plus(Duration.ofDays(1))))
        .containsExactly(
            new WindowAggregate(ACME, "api_calls", T0, T0.plus(HOUR), 5, 1, true),
            new WindowAggregate(GLOBEX, "requests", T0, T0.plus(HOUR), 1, 1, true));
  }

  @Test
  void rejectsAWindowStartThatIsNotAligned() {
    assertThatThrownBy(() -> meter.aggregate(ACME, "api_calls", T0.plusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2026-01-01T10:00:01Z is not a window start of meter 'api_calls'")
        .hasMessageContaining("nearest earlier start 2026-01-01T10:00:00Z");
    assertThatThrownBy(() -> meter.windows(ACME, "api_calls", T0, T0.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is before from");
  }

  @Test
  void namesAnUnknownMeterAndTheKnownOnes() {
    assertThatThrownBy(() -> meter.record(event(ACME, "gpu_hours", 1, T0, "k")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown meter 'gpu_hours'")
        .hasMessageContaining(
            "[active_users, api_calls, min_latency, peak_connections, requests, seats]");
    assertThatThrownBy(() -> meter.aggregate(ACME, "gpu_hours", T0))
        .hasMessageContaining("unknown meter 'gpu_hours'");
    assertThat(fixture.store.size()).isZero();
  }

  @Test
  void alignsDailyWindowsToMidnightUtc() {
    MeterDefinition daily =
        MeterDefinition.of("storage", Aggregation.MAX, Duration.ofDays(1), Duration.ZERO);
    assertThat(daily.windowStart(Instant.parse("2026-03-07T23:59:59.999Z")))
        .isEqualTo(Instant.parse("2026-03-07T00:00:00Z"));
    assertThat(daily.graceEnd(Instant.parse("2026-03-07T00:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-08T00:00:00Z"));
  }
}
