package dev.tdeveloper.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RatioReportTest {
  private static JmhResult row(String method, String mode, double score, String unit) {
    return new JmhResult(
        "x.Bench." + method, mode, Map.of(), score, 0.1, unit, OptionalDouble.empty());
  }

  @Test
  void lowerTimeIsFasterInAverageTimeMode() {
    assertThat(
            RatioReport.speedup(
                row("tdeveloperA", "avgt", 5, "ns/op"), row("b", "avgt", 10, "ns/op")))
        .hasValueCloseTo(2.0, within(1e-9));
    assertThat(
            RatioReport.speedup(
                row("tdeveloperA", "avgt", 20, "ns/op"), row("b", "avgt", 10, "ns/op")))
        .hasValueCloseTo(0.5, within(1e-9));
  }

  @Test
  void higherScoreIsFasterInThroughputMode() {
    assertThat(
            RatioReport.speedup(
                row("tdeveloperA", "thrpt", 300, "ops/s"), row("b", "thrpt", 100, "ops/s")))
        .hasValueCloseTo(3.0, within(1e-9));
  }

  @Test
  void convertsUnitsOfTheSameKind() {
    assertThat(
            RatioReport.speedup(
                row("tdeveloperA", "avgt", 0.005, "us/op"), row("b", "avgt", 10, "ns/op")))
        .hasValueCloseTo(2.0, within(1e-9));
    assertThat(
            RatioReport.speedup(
                row("tdeveloperA", "thrpt", 1, "ops/ms"), row("b", "thrpt", 500, "ops/s")))
        .hasValueCloseTo(2.0, within(1e-9));
    assertThat(
            RatioReport.speedup(
                row("tdeveloperA", "sample", 1, "ms/op"), row("b", "sample", 3000, "us/op")))
        .hasValueCloseTo(3.0, within(1e-9));
  }

  @Test
  void refusesToCompareDifferentModesOrUnknownUnits() {
    assertThat(
            RatioReport.speedup(
                row("tdeveloperA", "avgt", 5, "ns/op"), row("b", "thrpt", 10, "ops/s")))
        .isEmpty();
    assertThat(
            RatioReport.speedup(
                row("tdeveloperA", "avgt", 5, "ns/batch"), row("b", "avgt", 10, "ns/op")))
        .isEmpty();
    assertThat(
            RatioReport.speedup(
                row("tdeveloperA", "avgt", 5, "ns/batch"), row("b", "avgt", 10, "ns/batch")))
        .hasValueCloseTo(2.0, within(1e-9));
  }

  @Test
  void printsOneTablePerClassAndParametersWithRatiosAgainstEachPeer() throws Exception {
    String report = RatioReport.render(JmhResultsTest.fixture());

    assertThat(report)
        .contains(
            "TenantContextBenchmark\n"
                + "  Benchmark             Mode  Score   Error  Units  B/op\n"
                + "  tdeveloperOpenClose   avgt  0.004 ± 0.000  us/op     -\n"
                + "  tdeveloperRunBound    avgt  10.00 ±     ?  ns/op  24.0\n"
                + "  threadLocalSetRemove  avgt  8.000 ± 0.250  ns/op   0.0\n"
                + "  tdeveloperOpenClose   vs threadLocalSetRemove: ours is 2.00x faster\n"
                + "  tdeveloperRunBound    vs threadLocalSetRemove: ours is 1.25x slower\n");
    assertThat(report)
        .contains("CacheBenchmark (size=100, tenants=10)\n")
        .contains("  tdeveloperGet  vs caffeineGet: ours is 1.50x faster\n")
        .contains("CacheBenchmark (size=1000, tenants=10)\n")
        .contains("  tdeveloperGet  vs caffeineGet: ours is 2.00x slower\n");
    assertThat(report.indexOf("CacheBenchmark (size=100,"))
        .isLessThan(report.indexOf("CacheBenchmark (size=1000,"))
        .isLessThan(report.indexOf("TenantContextBenchmark"));
  }

  @Test
  void printsNothingForNoResults() {
    assertThat(RatioReport.render(List.of())).isEmpty();
  }
}
