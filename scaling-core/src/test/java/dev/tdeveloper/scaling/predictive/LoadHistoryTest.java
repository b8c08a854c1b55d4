package dev.tdeveloper.scaling.predictive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoadHistoryTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Duration FIVE_MIN = Duration.ofMinutes(5);

  @Test
  void keepsMeanAndPeakPerBucket() {
    LoadHistory h = LoadHistory.of(FIVE_MIN, Duration.ofDays(1));
    h.record(T0, 10);
    h.record(T0.plusSeconds(60), 30);
    h.record(T0.plusSeconds(299), 20);
    h.record(T0.plusSeconds(300), 7);
    assertThat(h.meanAt(T0)).hasValue(20.0);
    assertThat(h.peakAt(T0.plusSeconds(10))).hasValue(30.0);
    assertThat(h.meanAt(T0.plusSeconds(300))).hasValue(7.0);
    assertThat(h.meanAt(T0.plusSeconds(600))).isEmpty();
  }

  @Test
  void seriesLeavesOutTheBucketStillFilling() {
    LoadHistory h = LoadHistory.of(FIVE_MIN, Duration.ofDays(1));
    h.record(T0, 1);
    h.record(T0.plusSeconds(300), 2);
    h.record(T0.plusSeconds(600), 3);
    LoadSeries s = h.series(T0.plusSeconds(700));
    assertThat(s.size()).isEqualTo(2);
    assertThat(s.start()).isEqualTo(T0);
    assertThat(s.end()).isEqualTo(T0.plusSeconds(600));
  }

  @Test
  void forgetsBucketsOlderThanTheRetention() {
    LoadHistory h = LoadHistory.of(Duration.ofHours(1), Duration.ofDays(1));
    h.record(T0, 5);
    h.record(T0.plus(Duration.ofHours(30)), 6);
    assertThat(h.meanAt(T0)).isEmpty();
    assertThat(h.record(T0.plus(Duration.ofHours(2)), 9)).isFalse();
    assertThat(h.meanAt(T0.plus(Duration.ofHours(2)))).isEmpty();
    assertThat(h.series(T0.plus(Duration.ofHours(31))).size()).isEqualTo(1);
  }

  @Test
  void interpolatesGapsInTheFirstDay() {
    LoadHistory h = LoadHistory.of(Duration.ofHours(1), Duration.ofDays(2));
    h.record(T0, 10);
    h.record(T0.plus(Duration.ofHours(4)), 50);
    LoadSeries s = h.series(T0.plus(Duration.ofHours(5)));
    assertThat(s.size()).isEqualTo(5);
    assertThat(s.observedBuckets()).isEqualTo(2);
    assertThat(s.mean(1)).isEqualTo(20.0);
    assertThat(s.mean(3)).isEqualTo(40.0);
  }

  @Test
  void fillsLaterGapsWithTheSameBucketOneDayEarlier() {
    LoadHistory h = LoadHistory.of(Duration.ofHours(1), Duration.ofDays(3));
    for (int i = 0; i < 30; i++) {
      if (i != 26) {
        h.record(T0.plus(Duration.ofHours(i)), i < 24 ? i : 100);
      }
    }
    LoadSeries s = h.series(T0.plus(Duration.ofHours(30)));
    assertThat(s.mean(26)).isEqualTo(2.0);
    assertThat(s.peak(26)).isEqualTo(2.0);
  }

  @Test
  void completeSpanCountsWholeBucketsBeforeNow() {
    LoadHistory h = LoadHistory.of(FIVE_MIN, Duration.ofDays(1));
    assertThat(h.completeSpan(T0)).isZero();
    h.record(T0, 1);
    assertThat(h.completeSpan(T0.plusSeconds(3599))).isEqualTo(Duration.ofMinutes(55));
  }

  @Test
  void refusesBucketsThatDoNotDivideADay() {
    assertThatThrownBy(() -> LoadHistory.of(Duration.ofMinutes(7), Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bucket: PT7M")
        .hasMessageContaining("dividing a day");
    assertThatThrownBy(() -> LoadHistory.of(Duration.ZERO, Duration.ofDays(1)))
        .hasMessageContaining("bucket: PT0S");
    assertThatThrownBy(() -> LoadHistory.of(Duration.ofMillis(500), Duration.ofDays(1)))
        .hasMessageContaining("at least 1 s");
  }

  @Test
  void refusesARetentionShorterThanADay() {
    assertThatThrownBy(() -> LoadHistory.of(FIVE_MIN, Duration.ofHours(12)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retention: PT12H");
  }

  @Test
  void refusesABadLoadWithoutChangingState() {
    LoadHistory h = LoadHistory.of(FIVE_MIN, Duration.ofDays(1));
    h.record(T0, 4);
    assertThatThrownBy(() -> h.record(T0, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1.0")
        .hasMessageContaining(">= 0");
    assertThatThrownBy(() -> h.record(T0, Double.NaN)).hasMessageContaining("NaN");
    assertThat(h.meanAt(T0)).hasValue(4.0);
    assertThat(h.peakAt(T0)).hasValue(4.0);
  }

  @Test
  void hourlyIsTheEc2Default() {
    LoadHistory h = LoadHistory.hourly();
    assertThat(h.bucket()).isEqualTo(Duration.ofHours(1));
    assertThat(h.retention()).isEqualTo(Duration.ofDays(14));
  }
}
