package dev.tdeveloper.distribution.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.distribution.health.RegionHealthEvent.EndpointEjected;
import dev.tdeveloper.distribution.health.RegionHealthEvent.EndpointReturned;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.region.UnknownRegionException;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class OutlierDetectorTest {
  private static final RegionId EU = RegionId.of("eu");
  private static final RegionId US = RegionId.of("us");

  private final ManualClock clock = new ManualClock();
  private final List<RegionHealthEvent> events = new CopyOnWriteArrayList<>();

  private OutlierDetector detector(int euEndpoints, int usEndpoints) {
    return OutlierDetector.builder(
            Regions.catalog(Regions.region("eu", euEndpoints), Regions.region("us", usEndpoints)))
        .clock(clock)
        .listener(events::add)
        .build();
  }

  private static void fail(OutlierDetector d, RegionId region, String endpoint, int times) {
    for (int i = 0; i < times; i++) {
      d.recordResult(region, endpoint, 503);
    }
  }

  @Test
  void fiveConsecutive5xxEject() {
    OutlierDetector d = detector(10, 1);
    long v = d.version();
    fail(d, EU, "e0", 4);
    assertThat(d.isAvailable(EU, "e0")).isTrue();
    d.recordResult(EU, "e0", 500);
    assertThat(d.isAvailable(EU, "e0")).isFalse();
    assertThat(d.isAvailable(EU, "e1")).isTrue();
    assertThat(d.version()).isGreaterThan(v);
    assertThat(d.ejected(EU)).containsExactly("e0");
    assertThat(events)
        .containsExactly(new EndpointEjected(EU, "e0", 1, Duration.ofSeconds(30), clock.instant()));
  }

  @Test
  void aSuccessResetsTheConsecutiveCount() {
    OutlierDetector d = detector(10, 1);
    fail(d, EU, "e0", 4);
    d.recordResult(EU, "e0", 200);
    fail(d, EU, "e0", 4);
    d.recordResult(EU, "e0", 404); // a client error is not the endpoint's failure
    fail(d, EU, "e0", 4);
    assertThat(d.isAvailable(EU, "e0")).isTrue();
    d.recordResult(EU, "e0", 502);
    assertThat(d.isAvailable(EU, "e0")).isFalse();
  }

  @Test
  void consecutiveCountIsConfigurable() {
    OutlierDetector d =
        OutlierDetector.builder(Regions.catalog(Regions.region("eu", 10)))
            .settings(OutlierDetectionSettings.defaults().withConsecutive5xx(2))
            .clock(clock)
            .build();
    fail(d, EU, "e3", 2);
    assertThat(d.isAvailable(EU, "e3")).isFalse();
  }

  @Test
  void ejectionTimeBacksOff30_60_90UpTo300() {
    OutlierDetector d = detector(10, 1);
    List<Long> seconds = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      fail(d, EU, "e0", 5);
      EndpointEjected ejected = (EndpointEjected) events.get(events.size() - 1);
      seconds.add(ejected.duration().toSeconds());
      clock.advance(ejected.duration().minusMillis(1));
      d.version();
      assertThat(d.isAvailable(EU, "e0")).as("still ejected 1 ms before its end").isFalse();
      clock.advance(Duration.ofMillis(1));
      d.version();
      assertThat(d.isAvailable(EU, "e0")).isTrue();
    }
    assertThat(seconds)
        .containsExactly(30L, 60L, 90L, 120L, 150L, 180L, 210L, 240L, 270L, 300L, 300L, 300L);
    assertThat(events.stream().filter(e -> e instanceof EndpointReturned)).hasSize(12);
  }

  @Test
  void multiplierDecaysOneStepPerIntervalInThePool() {
    OutlierDetector d = detector(10, 1);
    for (int i = 0; i < 3; i++) { // 30, 60, 90
      fail(d, EU, "e0", 5);
      clock.advance(Duration.ofSeconds(300));
    }
    // back in the pool since the end of the 90 s ejection: 210 s ago = 21 intervals, multiplier 0
    fail(d, EU, "e0", 5);
    assertThat(((EndpointEjected) events.get(events.size() - 1)).duration())
        .isEqualTo(Duration.ofSeconds(30));
    clock.advance(Duration.ofSeconds(30 + 10)); // one interval in the pool: 1 - 1 = 0, +1
    fail(d, EU, "e0", 5);
    assertThat(((EndpointEjected) events.get(events.size() - 1)).multiplier()).isEqualTo(1);
  }

  @Test
  void multiplierStopsAtTheCapSoRecoveryIsQuick() {
    OutlierDetector d = detector(10, 1);
    EndpointEjected last = null;
    for (int i = 0; i < 20; i++) {
      fail(d, EU, "e0", 5);
      last = (EndpointEjected) events.get(events.size() - 1);
      clock.advance(last.duration());
      d.refresh();
    }
    assertThat(last.multiplier()).isEqualTo(10);
    assertThat(last.duration()).isEqualTo(Duration.ofSeconds(300));
    clock.advance(Duration.ofSeconds(100)); // ten intervals in the pool: back to zero
    fail(d, EU, "e0", 5);
    last = (EndpointEjected) events.get(events.size() - 1);
    assertThat(last.duration()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void atMostTenPercentOfARegionIsEjected() {
    OutlierDetector d = detector(20, 1); // 10% of 20 = 2
    fail(d, EU, "e0", 5);
    fail(d, EU, "e1", 5);
    fail(d, EU, "e2", 5);
    assertThat(d.ejected(EU)).containsExactly("e0", "e1");
    assertThat(d.isAvailable(EU, "e2")).isTrue();
    clock.advance(Duration.ofSeconds(30));
    d.recordResult(EU, "e2", 503); // room freed: the count was kept, the next 5xx ejects
    assertThat(d.ejected(EU)).containsExactly("e2");
  }

  @Test
  void oneEndpointMayAlwaysBeEjected() {
    OutlierDetector d = detector(3, 1); // 10% of 3 rounds down to 0: still one
    fail(d, EU, "e0", 5);
    fail(d, EU, "e1", 5);
    assertThat(d.ejected(EU)).containsExactly("e0");
    fail(d, US, "e0", 5); // the cap is per region
    assertThat(d.isAvailable(US, "e0")).isFalse();
  }

  @Test
  void resultsWhileEjectedAreIgnored() {
    OutlierDetector d = detector(10, 1);
    fail(d, EU, "e0", 5);
    fail(d, EU, "e0", 50);
    d.recordResult(EU, "e0", 200);
    assertThat(events).hasSize(1);
    clock.advance(Duration.ofSeconds(30));
    fail(d, EU, "e0", 4);
    assertThat(d.isAvailable(EU, "e0")).isTrue();
  }

  @Test
  void unknownRegionsAndEndpointsAreRefusedButAvailable() {
    OutlierDetector d = detector(2, 1);
    assertThatThrownBy(() -> d.recordResult(RegionId.of("ap"), "e0", 500))
        .isInstanceOf(UnknownRegionException.class)
        .hasMessageContaining("'ap'");
    assertThatThrownBy(() -> d.recordResult(EU, "e9", 500))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endpoint 'e9' is not in region eu");
    assertThatThrownBy(() -> d.recordResult(EU, "e0", 600))
        .hasMessageContaining("statusCode is 600");
    assertThat(d.isAvailable(RegionId.of("ap"), "e0")).isTrue();
    assertThat(d.isHealthy(EU)).isTrue();
  }

  @Test
  void concurrentFailuresNeverExceedTheCap() throws Exception {
    OutlierDetector d = detector(50, 1); // at most 5
    Concurrently.run(
        8,
        t -> {
          for (int i = 0; i < 500; i++) {
            d.recordResult(EU, "e" + ((t * 7 + i) % 50), 503);
            assertThat(d.ejected(EU).size()).isLessThanOrEqualTo(5);
          }
        });
    assertThat(d.ejected(EU)).hasSize(5);
  }
}
