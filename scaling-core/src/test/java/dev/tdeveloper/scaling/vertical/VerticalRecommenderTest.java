package dev.tdeveloper.scaling.vertical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tdeveloper.scaling.ScalingException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VerticalRecommenderTest {
  private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
  private static final double MIB = 1024.0 * 1024.0;
  private static final ContainerKey WEB = ContainerKey.of("tenant-a/web", "app");
  private static final ContainerKey OTHER = ContainerKey.of("tenant-b/web", "app");

  /** The end of the VPA bucket holding {@code v}: where a percentile landing there reports. */
  private static double bucketEnd(double first, double v) {
    int n = (int) Math.floor(Math.log(v * 0.05 / first + 1) / Math.log(1.05));
    return first * (Math.pow(1.05, n + 1) - 1) / 0.05;
  }

  private static double memoryTarget(double bytes) {
    return Math.ceil(bucketEnd(1e7, bytes) * 1.15);
  }

  /** One sample a minute for {@code days}, as a metrics scraper would give. */
  private static void feed(
      VerticalRecommender r, ContainerKey k, int days, double cores, double mem) {
    for (int m = 0; m < days * 24 * 60; m++) {
      Instant t = T0.plus(Duration.ofMinutes(m));
      r.addCpuSample(k, t, cores, 1.0);
      r.addMemorySample(k, t, mem);
    }
  }

  @Test
  void constantLoadGivesLoadTimesMarginWithinBucketResolution() {
    VerticalRecommender r = VerticalRecommender.builder().build();
    feed(r, WEB, 2, 0.5, 600 * MIB);
    VerticalRecommendation rec = r.recommend(WEB, T0.plus(Duration.ofDays(2))).orElseThrow();
    assertThat(rec.cpuCores().target()).isCloseTo(bucketEnd(0.01, 0.5) * 1.15, within(1e-12));
    assertThat(rec.cpuCores().target()).isBetween(0.5 * 1.15, 0.5 * 1.15 * 1.05);
    assertThat(rec.memoryBytes().target()).isEqualTo(memoryTarget(600 * MIB));
    // Memory buckets this low are a little wider than 5% (bucket 0 is 10 MB wide).
    assertThat(rec.memoryBytes().target()).isBetween(600 * MIB * 1.15, 600 * MIB * 1.15 * 1.06);
    assertThat(rec.hasReason("vpa.cpu")).isTrue();
    assertThat(rec.hasReason("vpa.memory")).isTrue();
  }

  @Test
  void confidenceIsDaysOfHistoryAndWidensTheBoundsWhenShort() {
    VerticalRecommender r = VerticalRecommender.builder().build();
    feed(r, WEB, 1, 0.5, 600 * MIB);
    VerticalRecommendation day = r.recommend(WEB, T0).orElseThrow();
    // The last sample is one minute short of a day; 1440 samples = 1 day.
    double confidence = (24 * 60 - 1) / 1440.0;
    assertThat(day.confidence()).isCloseTo(confidence, within(1e-9));
    double p95 = 0.01 * (Math.pow(1.05, 26) - 1) / 0.05;
    assertThat(day.cpuCores().upperBound())
        .isCloseTo(p95 * 1.15 * (1 + 1 / confidence), within(1e-9));
    assertThat(day.cpuCores().lowerBound())
        .isCloseTo(p95 * 1.15 * Math.pow(1 + 0.001 / confidence, -2), within(1e-9));

    VerticalRecommender week = VerticalRecommender.builder().build();
    feed(week, WEB, 7, 0.5, 600 * MIB);
    VerticalRecommendation longer = week.recommend(WEB, T0).orElseThrow();
    assertThat(longer.confidence()).isGreaterThan(6.9);
    assertThat(longer.cpuCores().upperBound()).isLessThan(day.cpuCores().upperBound());
    assertThat(longer.cpuCores().target()).isEqualTo(day.cpuCores().target());
  }

  @Test
  void singleSampleHasZeroConfidenceAndTheWidestBounds() {
    VerticalRecommender r = VerticalRecommender.builder().build();
    r.addCpuSample(WEB, T0, 2.0);
    VerticalRecommendation rec = r.recommend(WEB, T0).orElseThrow();
    assertThat(rec.confidence()).isZero();
    assertThat(rec.cpuCores().upperBound()).isEqualTo(1000.0);
    assertThat(rec.cpuCores().lowerBound()).isEqualTo(0.025);
    assertThat(rec.hasReason("vpa.nodata.memory")).isTrue();
    assertThat(rec.memoryBytes().target()).isEqualTo(250 * MIB);
  }

  @Test
  void minimumsApplyToTinyUsage() {
    VerticalRecommender r = VerticalRecommender.builder().build();
    feed(r, WEB, 1, 0.001, 20 * MIB);
    VerticalRecommendation rec = r.recommend(WEB, T0).orElseThrow();
    assertThat(rec.cpuCores().target()).isEqualTo(0.025);
    assertThat(rec.memoryBytes().target()).isEqualTo(250 * MIB);
    assertThat(rec.hasReason("vpa.min.cpu")).isTrue();
    assertThat(rec.hasReason("vpa.min.memory")).isTrue();
  }

  @Test
  void oomBumpsMemoryByAtLeast100MibOr20Percent() {
    // A P10 target shows what the window holds: only the bumped peak, not the 300 MiB before it.
    VerticalRecommender small = VerticalRecommender.builder().percentiles(0.1, 0.1, 0.95).build();
    small.addMemorySample(WEB, T0, 300 * MIB);
    small.recordOom(WEB, T0.plusSeconds(60), 300 * MIB);
    // 300 MiB: +100 MiB (400) beats x1.2 (360).
    assertThat(small.recommend(WEB, T0).orElseThrow().memoryBytes().target())
        .isEqualTo(memoryTarget(400 * MIB));

    VerticalRecommender big = VerticalRecommender.builder().build();
    big.recordOom(WEB, T0, 2000 * MIB);
    // 2000 MiB: x1.2 (2400) beats +100 MiB (2100).
    VerticalRecommendation rec = big.recommend(WEB, T0).orElseThrow();
    assertThat(rec.memoryBytes().target()).isEqualTo(memoryTarget(2400 * MIB));
    assertThat(rec.hasReason("vpa.oom")).isTrue();
  }

  @Test
  void memoryKeepsOnePeakPerAggregationWindow() {
    VerticalRecommender r = VerticalRecommender.builder().build();
    // Day 1 peaks at 2000 MiB once among 500 MiB samples; days 2 and 3 stay at 500 MiB.
    for (int h = 0; h < 72; h++) {
      r.addMemorySample(WEB, T0.plus(Duration.ofHours(h)), h == 5 ? 2000 * MIB : 500 * MIB);
    }
    VerticalRecommendation rec = r.recommend(WEB, T0).orElseThrow();
    // Three peaks weighing 1, 2 and 4 (2000, 500, 500 MiB): the 2000 MiB peak is 1/7 of the weight
    // although it was 1 sample in 72, so the P90 is 2000 MiB and the P50 500 MiB.
    assertThat(rec.memoryBytes().target()).isEqualTo(memoryTarget(2000 * MIB));
    assertThat(rec.memoryBytes().lowerBound()).isLessThan(memoryTarget(500 * MIB));
  }

  @Test
  void memorySampleBeforeTheCurrentWindowIsRefusedAndChangesNothing() {
    VerticalRecommender r = VerticalRecommender.builder().build();
    r.addMemorySample(WEB, T0.plus(Duration.ofDays(3)), 300 * MIB);
    VerticalRecommendation before = r.recommend(WEB, T0).orElseThrow();
    assertThatThrownBy(() -> r.addMemorySample(WEB, T0, 5000 * MIB))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before the current memory window");
    assertThatThrownBy(() -> r.recordOom(WEB, T0, 5000 * MIB))
        .hasMessageContaining("before the current memory window");
    assertThat(r.recommend(WEB, T0)).contains(before);
  }

  @Test
  void badSamplesAreNamedAndRecordNothing() {
    VerticalRecommender r = VerticalRecommender.builder().build();
    assertThatThrownBy(() -> r.addCpuSample(WEB, T0, -0.1)).hasMessageContaining("cores: -0.1");
    assertThatThrownBy(() -> r.addCpuSample(WEB, T0, 1, Double.NaN))
        .hasMessageContaining("requestCores: NaN");
    assertThatThrownBy(() -> r.addMemorySample(WEB, T0, Double.POSITIVE_INFINITY))
        .hasMessageContaining("bytes: Infinity");
    assertThatThrownBy(() -> r.recordOom(WEB, T0, -1)).hasMessageContaining("memoryBytes: -1.0");
    assertThat(r.size()).isZero();
    assertThat(r.recommend(WEB, T0)).isEmpty();
  }

  @Test
  void oneWorkloadsSamplesNeverChangeAnothersRecommendation() {
    VerticalRecommender r = VerticalRecommender.builder().build();
    feed(r, WEB, 1, 0.5, 600 * MIB);
    VerticalRecommendation before = r.recommend(WEB, T0).orElseThrow();
    feed(r, OTHER, 2, 8.0, 30_000 * MIB);
    r.recordOom(OTHER, T0.plus(Duration.ofDays(2)), 40_000 * MIB);
    r.addCpuSample(ContainerKey.of("tenant-a/web", "sidecar"), T0, 4.0);
    assertThat(r.recommend(WEB, T0)).contains(before);
    assertThat(r.recommend(OTHER, T0).orElseThrow().cpuCores().target()).isGreaterThan(8);
  }

  @Test
  void evictsTheWorkloadsOwnLeastRecentlyUpdatedContainerWhenTheWorkloadIsFull() {
    VerticalRecommender r = VerticalRecommender.builder().maxContainersPerWorkload(2).build();
    ContainerKey sidecar = ContainerKey.of("tenant-a/web", "sidecar");
    ContainerKey proxy = ContainerKey.of("tenant-a/web", "proxy");
    r.addCpuSample(WEB, T0, 1);
    r.addCpuSample(sidecar, T0, 1);
    r.addCpuSample(WEB, T0.plusSeconds(60), 1); // WEB is now the most recently updated
    r.recommend(sidecar, T0); // reading does not count as an update
    r.addCpuSample(proxy, T0, 1);
    assertThat(r.size()).isEqualTo(2);
    assertThat(r.recommend(sidecar, T0)).isEmpty();
    assertThat(r.recommend(WEB, T0)).isPresent();
    assertThat(r.recommend(proxy, T0)).isPresent();
  }

  @Test
  void aWorkloadFloodingNewContainersNeverEvictsAnotherWorkloads() {
    VerticalRecommender r = VerticalRecommender.builder().maxContainersPerWorkload(3).build();
    r.addCpuSample(OTHER, T0, 2);
    VerticalRecommendation before = r.recommend(OTHER, T0).orElseThrow();
    for (int i = 0; i < 1_000; i++) {
      r.addCpuSample(ContainerKey.of("tenant-a/web", "c" + i), T0.plusSeconds(i), 1);
    }
    assertThat(r.recommend(OTHER, T0)).contains(before);
    assertThat(r.size()).isEqualTo(4);
  }

  @Test
  void aNewWorkloadBeyondTheLimitIsRefusedWithoutTouchingTheOthers() {
    VerticalRecommender r = VerticalRecommender.builder().maxWorkloads(2).build();
    r.addCpuSample(WEB, T0, 1);
    r.addCpuSample(OTHER, T0, 1);
    ContainerKey third = ContainerKey.of("tenant-c/web", "app");
    assertThatThrownBy(() -> r.addCpuSample(third, T0, 1))
        .isInstanceOf(ScalingException.class)
        .hasMessageContaining("workload 'tenant-c/web' refused")
        .hasMessageContaining("maxWorkloads");
    assertThat(r.recommend(third, T0)).isEmpty();
    assertThat(r.recommend(WEB, T0)).isPresent();
    assertThat(r.recommend(OTHER, T0)).isPresent();
    assertThat(r.forget("tenant-a/web")).isEqualTo(1);
    r.addCpuSample(third, T0, 1);
    assertThat(r.recommend(third, T0)).isPresent();
    assertThat(r.recommend(WEB, T0)).isEmpty();
  }

  @Test
  void badConfigurationsAreNamed() {
    assertThatThrownBy(() -> VerticalRecommender.builder().halfLife(Duration.ZERO))
        .hasMessageContaining("halfLife: PT0S");
    assertThatThrownBy(() -> VerticalRecommender.builder().percentiles(0.5, 1.0, 0.95))
        .hasMessageContaining("targetPercentile: 1.0");
    assertThatThrownBy(() -> VerticalRecommender.builder().percentiles(0.9, 0.5, 0.95).build())
        .hasMessageContaining("lower <= target <= upper");
    assertThatThrownBy(() -> VerticalRecommender.builder().safetyMargin(-0.1))
        .hasMessageContaining("safetyMargin: -0.1");
    assertThatThrownBy(() -> VerticalRecommender.builder().maxContainersPerWorkload(0))
        .hasMessageContaining("maxContainersPerWorkload: 0");
    assertThatThrownBy(() -> VerticalRecommender.builder().maxWorkloads(0))
        .hasMessageContaining("maxWorkloads: 0");
    assertThatThrownBy(() -> VerticalRecommender.builder().oomBump(0, 0.5))
        .hasMessageContaining("oomBumpRatio: 0.5");
    assertThatThrownBy(() -> ContainerKey.of(" ", "app")).hasMessageContaining("workload: blank");
  }

  @Test
  void concurrentWritersKeepEveryContainersCounts() throws Exception {
    VerticalRecommender r = VerticalRecommender.builder().build();
    Thread[] threads = new Thread[8];
    for (int i = 0; i < threads.length; i++) {
      ContainerKey k = ContainerKey.of("w" + i, "app");
      threads[i] =
          new Thread(
              () -> {
                for (int m = 0; m < 1440; m++) {
                  r.addCpuSample(k, T0.plus(Duration.ofMinutes(m)), 1.0);
                  r.addCpuSample(WEB, T0.plus(Duration.ofMinutes(m)), 1.0);
                }
              });
      threads[i].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(r.size()).isEqualTo(9);
    assertThat(r.recommend(ContainerKey.of("w3", "app"), T0).orElseThrow().confidence())
        .isCloseTo(1439 / 1440.0, within(1e-9));
    assertThat(r.recommend(WEB, T0).orElseThrow().reasons().toString()).contains("11520 CPU");
  }
}
