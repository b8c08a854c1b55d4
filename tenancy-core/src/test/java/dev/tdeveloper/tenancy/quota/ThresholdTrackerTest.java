package dev.tdeveloper.tenancy.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.QuotaKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThresholdTrackerTest {
  private final ThresholdTracker tracker = new ThresholdTracker();
  private final Instant start = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void firesEachThresholdOncePerWindow() {
    QuotaKey key = new QuotaKey(TenantId.of("acme"), "api-calls", start);
    Instant end = start.plusSeconds(60);
    assertThat(tracker.markFirst(key, 1, end, start)).isTrue();
    assertThat(tracker.markFirst(key, 1, end, start)).isFalse();
    assertThat(tracker.markFirst(key, 2, end, start)).isTrue();
    QuotaKey otherTenant = new QuotaKey(TenantId.of("globex"), "api-calls", start);
    assertThat(tracker.markFirst(otherTenant, 1, end, start)).isTrue();
  }

  @Test
  void forgetsEndedWindowsSoMemoryStaysBounded() {
    for (int window = 0; window < 20_000; window++) {
      Instant windowStart = start.plusSeconds(window);
      QuotaKey key = new QuotaKey(TenantId.of("acme"), "api-calls", windowStart);
      tracker.markFirst(key, 1, windowStart.plusSeconds(1), windowStart);
    }
    assertThat(tracker.size()).isLessThanOrEqualTo(2_048);
  }
}
