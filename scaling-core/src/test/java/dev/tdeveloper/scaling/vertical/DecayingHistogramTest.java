package dev.tdeveloper.scaling.vertical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DecayingHistogramTest {
  private static final Duration DAY = Duration.ofHours(24);
  private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

  @Test
  void emptyHistogramAnswersZeroAndIsEmpty() {
    DecayingHistogram h = DecayingHistogram.cpuCores(DAY);
    assertThat(h.isEmpty()).isTrue();
    assertThat(h.percentile(0.9)).isZero();
    assertThat(h.totalWeight(T0)).isZero();
  }

  @Test
  void percentileIsTheEndOfTheBucketHoldingTheValue() {
    DecayingHistogram h = DecayingHistogram.cpuCores(DAY);
    h.addSample(0.5, 1, T0);
    // Bucket n starts at 0.01 * (1.05^n - 1) / 0.05; 0.5 lies in bucket 25, which ends at bucket
    // 26.
    double end = 0.01 * (Math.pow(1.05, 26) - 1) / 0.05;
    assertThat(h.percentile(0.9)).isCloseTo(end, within(1e-12));
    assertThat(end).isBetween(0.5, 0.5 * 1.05);
  }

  @Test
  void firstBucketCoversZeroUpToFirstBucketSize() {
    DecayingHistogram h = DecayingHistogram.cpuCores(DAY);
    h.addSample(0.0, 1, T0);
    assertThat(h.percentile(0.5)).isCloseTo(0.01, within(1e-12));
  }

  @Test
  void decayHalvesASamplesWeightAfterOneHalfLife() {
    DecayingHistogram h = DecayingHistogram.cpuCores(DAY);
    h.addSample(1.0, 1.0, T0);
    assertThat(h.totalWeight(T0)).isCloseTo(1.0, within(1e-12));
    assertThat(h.totalWeight(T0.plus(DAY))).isCloseTo(0.5, within(1e-12));
    assertThat(h.totalWeight(T0.plus(DAY.multipliedBy(2)))).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void newerSamplesOutweighOlderOnes() {
    DecayingHistogram h = DecayingHistogram.cpuCores(DAY);
    // Two old samples at 1 core weigh 2 x 0.5 = 1 against one sample at 3 cores a day later (weight
    // 1): the median sits at the boundary, and a third old sample would tip it.
    h.addSample(1.0, 1.0, T0);
    h.addSample(1.0, 1.0, T0);
    h.addSample(3.0, 1.0, T0.plus(DAY));
    assertThat(h.percentile(0.6)).isGreaterThan(3.0);
    assertThat(h.percentile(0.4)).isBetween(1.0, 1.05);
  }

  @Test
  void referenceShiftKeepsPercentilesAndWeightsFinite() {
    DecayingHistogram h = DecayingHistogram.exponential(100, 1, 1.5, Duration.ofHours(1));
    h.addSample(2, 1, T0);
    Instant far = T0.plus(Duration.ofHours(500));
    h.addSample(50, 1, far);
    // 500 half-lives later: the reference shifts; the two recent samples keep their relative
    // weights.
    h.addSample(50, 1, far.plus(Duration.ofHours(1)));
    assertThat(h.totalWeight(far.plus(Duration.ofHours(1)))).isCloseTo(1.5, within(1e-9));
    assertThat(h.percentile(0.01)).isGreaterThan(50);
  }

  @Test
  void subtractRemovesWhatWasAdded() {
    DecayingHistogram h = DecayingHistogram.memoryBytes(DAY);
    h.addSample(3e8, 1, T0);
    h.subtractSample(3e8, 1, T0);
    assertThat(h.isEmpty()).isTrue();
  }

  @Test
  void mergeAddsTheOtherHistogramsDecayedWeights() {
    DecayingHistogram a = DecayingHistogram.cpuCores(DAY);
    DecayingHistogram b = DecayingHistogram.cpuCores(DAY);
    a.addSample(1, 1, T0);
    b.addSample(4, 1, T0.plus(DAY));
    a.merge(b);
    assertThat(a.totalWeight(T0.plus(DAY))).isCloseTo(1.5, within(1e-12));
    assertThat(b.totalWeight(T0.plus(DAY))).isCloseTo(1.0, within(1e-12));
    assertThat(a.percentile(0.9)).isGreaterThan(4);
  }

  @Test
  void mergeRefusesDifferentBucketsOrHalfLife() {
    DecayingHistogram a = DecayingHistogram.cpuCores(DAY);
    assertThatThrownBy(() -> a.merge(DecayingHistogram.memoryBytes(DAY)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("buckets");
    assertThatThrownBy(() -> a.merge(DecayingHistogram.cpuCores(Duration.ofHours(1))))
        .hasMessageContaining("half-life");
  }

  @Test
  void badSamplesAreRefusedWithoutChange() {
    DecayingHistogram h = DecayingHistogram.cpuCores(DAY);
    assertThatThrownBy(() -> h.addSample(-1, 1, T0)).hasMessageContaining("value: -1.0");
    assertThatThrownBy(() -> h.addSample(1, Double.NaN, T0)).hasMessageContaining("weight: NaN");
    assertThatThrownBy(() -> h.percentile(1.5)).hasMessageContaining("percentile: 1.5");
    assertThat(h.isEmpty()).isTrue();
  }

  @Test
  void badParametersAreNamed() {
    assertThatThrownBy(() -> DecayingHistogram.exponential(10, 1, 1.0, DAY))
        .hasMessageContaining("ratio: 1.0");
    assertThatThrownBy(() -> DecayingHistogram.exponential(10, 0, 1.05, DAY))
        .hasMessageContaining("firstBucketSize");
    assertThatThrownBy(() -> DecayingHistogram.cpuCores(Duration.ZERO))
        .hasMessageContaining("halfLife: PT0S");
  }

  @Test
  void valuesOnABucketBoundaryLandInTheBucketStartingThere() {
    ExponentialBuckets b = new ExponentialBuckets(1000, 0.01, 1.05);
    for (int n = 1; n < b.count(); n++) {
      assertThat(b.find(b.start(n))).as("bucket %d", n).isEqualTo(n);
    }
    assertThat(b.find(1e9)).isEqualTo(b.count() - 1);
  }
}
