package dev.tdeveloper.demo.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TrafficCounterTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  private final ManualClock clock = new ManualClock();
  private final TrafficCounter counter = new TrafficCounter(clock);

  @Test
  void countsRequestsByOutcome() {
    counter.record(ACME, 200);
    counter.record(ACME, 201);
    counter.record(ACME, 404);
    counter.record(ACME, 429);
    counter.record(ACME, 429);
    counter.record(ACME, 503);

    TrafficCounts counts = counter.tenant(ACME);

    assertThat(counts).isEqualTo(new TrafficCounts(6, 1, 2, 1, TrafficCounter.WINDOW_SECONDS));
    assertThat(counts.errorRate()).isEqualTo(1.0 / 6);
    assertThat(counts.requestsPerSecond()).isEqualTo(6.0 / TrafficCounter.WINDOW_SECONDS);
  }

  @Test
  void requestsLeaveTheWindowAfterSixtySeconds() {
    counter.record(ACME, 200);
    clock.advance(Duration.ofSeconds(30));
    counter.record(ACME, 500);
    clock.advance(Duration.ofSeconds(29));
    assertThat(counter.tenant(ACME).requests()).isEqualTo(2);

    clock.advance(Duration.ofSeconds(1));
    assertThat(counter.tenant(ACME)).isEqualTo(new TrafficCounts(1, 1, 0, 0, 60));

    clock.advance(Duration.ofSeconds(30));
    assertThat(counter.tenant(ACME)).isEqualTo(TrafficCounts.none(60));
  }

  @Test
  void aBucketReusedAfterAWholeWindowStartsFromZero() {
    counter.record(ACME, 200);
    counter.record(ACME, 200);
    clock.advance(Duration.ofSeconds(TrafficCounter.WINDOW_SECONDS));

    counter.record(ACME, 200);

    assertThat(counter.tenant(ACME).requests()).isEqualTo(1);
  }

  @Test
  void neverMixesTenants() {
    for (int i = 0; i < 50; i++) {
      counter.record(ACME, 429);
    }
    counter.record(GLOBEX, 200);

    assertThat(counter.tenant(GLOBEX)).isEqualTo(new TrafficCounts(1, 0, 0, 0, 60));
    assertThat(counter.tenant(ACME).rateLimited()).isEqualTo(50);
    assertThat(counter.tenant(TenantId.of("initech"))).isEqualTo(TrafficCounts.none(60));
  }

  @Test
  void aClockSteppedBackNeitherLosesNorDoubleCounts() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:01:10Z"));
    TrafficCounter stepped = new TrafficCounter(now::get);
    stepped.record(ACME, 200);
    now.set(Instant.parse("2026-01-01T00:00:10Z")); // same slot, a window earlier
    stepped.record(ACME, 200);
    now.set(Instant.parse("2026-01-01T00:01:10Z"));

    assertThat(stepped.tenant(ACME).requests()).isEqualTo(2);
  }

  @Test
  void shieldRefusalsStartAtZeroPerStatus() {
    assertThat(counter.shieldRefusals())
        .containsExactly(
            java.util.Map.entry("total", 0L),
            java.util.Map.entry("403", 0L),
            java.util.Map.entry("429", 0L),
            java.util.Map.entry("503", 0L),
            java.util.Map.entry("other", 0L));
  }

  @Test
  void countsRejectImpossibleValues() {
    assertThatThrownBy(() -> new TrafficCounts(-1, 0, 0, 0, 60))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("requests: -1");
    assertThatThrownBy(() -> new TrafficCounts(1, 1, 1, 0, 60))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most requests (1)");
    assertThatThrownBy(() -> new TrafficCounts(0, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("windowSeconds: 0");
    assertThat(TrafficCounts.none(60).errorRate()).isZero();
  }
}
