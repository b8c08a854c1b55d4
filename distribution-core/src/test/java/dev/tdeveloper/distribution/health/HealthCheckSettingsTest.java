package dev.tdeveloper.distribution.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthCheckSettingsTest {
  @Test
  void defaultsAreRoute53s() {
    HealthCheckSettings s = HealthCheckSettings.defaults();
    assertThat(s.requestInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.failureThreshold()).isEqualTo(3);
    assertThat(s.healthyShare()).isEqualTo(0.18);
    assertThat(s.staleAfterIntervals()).isEqualTo(3);
    assertThat(s.failbackHold()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.staleAfter()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void acceptsOnlyRoute53Intervals() {
    assertThat(
            HealthCheckSettings.builder()
                .requestInterval(Duration.ofSeconds(10))
                .build()
                .requestInterval())
        .isEqualTo(Duration.ofSeconds(10));
    for (Duration bad :
        new Duration[] {Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ZERO}) {
      assertThatThrownBy(() -> HealthCheckSettings.builder().requestInterval(bad).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("requestInterval")
          .hasMessageContaining("PT10S or PT30S");
    }
  }

  @Test
  void failureThresholdIsOneToTen() {
    assertThat(HealthCheckSettings.builder().failureThreshold(1).build().failureThreshold())
        .isEqualTo(1);
    assertThat(HealthCheckSettings.builder().failureThreshold(10).build().failureThreshold())
        .isEqualTo(10);
    for (int bad : new int[] {0, 11, -1}) {
      assertThatThrownBy(() -> HealthCheckSettings.builder().failureThreshold(bad).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("failureThreshold is " + bad)
          .hasMessageContaining("1 to 10");
    }
  }

  @Test
  void rejectsBadShareStalenessAndHold() {
    assertThatThrownBy(() -> HealthCheckSettings.builder().healthyShare(1.0).build())
        .hasMessageContaining("healthyShare");
    assertThatThrownBy(() -> HealthCheckSettings.builder().healthyShare(-0.1).build())
        .hasMessageContaining("healthyShare");
    assertThatThrownBy(() -> HealthCheckSettings.builder().staleAfterIntervals(0).build())
        .hasMessageContaining("staleAfterIntervals");
    assertThatThrownBy(
            () -> HealthCheckSettings.builder().failbackHold(Duration.ofSeconds(-1)).build())
        .hasMessageContaining("failbackHold");
    assertThatThrownBy(() -> HealthCheckSettings.builder().failbackHold(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("hold");
  }

  @Test
  void eachSettingOnce() {
    assertThatThrownBy(() -> HealthCheckSettings.builder().failureThreshold(2).failureThreshold(3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("failureThreshold was already set");
  }

  @Test
  void outlierSettingsDefaultToEnvoysAndValidate() {
    OutlierDetectionSettings s = OutlierDetectionSettings.defaults();
    assertThat(s.consecutive5xx()).isEqualTo(5);
    assertThat(s.baseEjectionTime()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.maxEjectionTime()).isEqualTo(Duration.ofSeconds(300));
    assertThat(s.maxEjectionPercent()).isEqualTo(10);
    assertThatThrownBy(() -> s.withConsecutive5xx(0)).hasMessageContaining("consecutive5xx");
    assertThatThrownBy(() -> s.withMaxEjectionPercent(101))
        .hasMessageContaining("maxEjectionPercent");
    assertThatThrownBy(
            () ->
                new OutlierDetectionSettings(
                    5, Duration.ofSeconds(30), Duration.ofSeconds(10), 10, Duration.ofSeconds(10)))
        .hasMessageContaining("maxEjectionTime")
        .hasMessageContaining("at least baseEjectionTime");
  }

  @Test
  void resultRejectsBlankVantagePoint() {
    assertThatThrownBy(
            () ->
                new HealthCheckResult(
                    dev.tdeveloper.distribution.region.RegionId.of("eu-west-1"),
                    " ",
                    true,
                    java.time.Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vantagePoint");
  }
}
