package dev.tdeveloper.distribution.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.distribution.health.RegionHealthEvent.Cause;
import dev.tdeveloper.distribution.health.RegionHealthEvent.RegionFailedBack;
import dev.tdeveloper.distribution.health.RegionHealthEvent.RegionFailedOver;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class HealthMonitorTest {
  private static final RegionId EU = RegionId.of("eu");

  private final ManualClock clock = new ManualClock();
  private final List<RegionHealthEvent> events = new CopyOnWriteArrayList<>();
  private final HealthMonitor monitor =
      HealthMonitor.of(
          RegionHealth.builder().clock(clock).listener(events::add).build(),
          OutlierDetector.builder(Regions.catalog(Regions.region("eu", 10)))
              .clock(clock)
              .listener(events::add)
              .build());

  @Test
  void combinesRegionHealthAndEjections() {
    long v0 = monitor.version();
    for (int i = 0; i < 5; i++) {
      monitor.endpoints().recordResult(EU, "e1", 503);
    }
    long v1 = monitor.version();
    assertThat(v1).isGreaterThan(v0);
    assertThat(monitor.isHealthy(EU)).isTrue();
    assertThat(monitor.isAvailable(EU, "e1")).isFalse();
    assertThat(monitor.ejected(EU)).containsExactly("e1");
    monitor.forceDown(EU);
    assertThat(monitor.version()).isGreaterThan(v1);
    assertThat(monitor.isHealthy(EU)).isFalse();
    clock.advance(Duration.ofSeconds(30));
    long v2 = monitor.version();
    assertThat(monitor.isAvailable(EU, "e1")).isTrue();
    monitor.release(EU);
    assertThat(monitor.version()).isGreaterThan(v2);
    assertThat(monitor.isHealthy(EU)).isTrue();
  }

  @Test
  void adminSwitchEmitsFailoverAndFailbackEvents() {
    monitor.forceDown(EU);
    clock.advance(Duration.ofSeconds(45));
    monitor.release(EU);
    assertThat(events).hasSize(2);
    assertThat(((RegionFailedOver) events.get(0)).cause()).isEqualTo(Cause.OPERATOR);
    assertThat(((RegionFailedBack) events.get(1)).outage()).isEqualTo(Duration.ofSeconds(45));
    assertThat(monitor.status()).singleElement().extracting(RegionStatus::healthy).isEqualTo(true);
    monitor.forceUp(EU);
    monitor.refresh();
    assertThat(events).hasSize(2);
  }
}
