package dev.tdeveloper.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JmhResultsTest {
  static List<JmhResult> fixture() throws Exception {
    try (InputStream in = JmhResultsTest.class.getResourceAsStream("/report/results.json")) {
      return JmhResults.read(in);
    }
  }

  @Test
  void readsEveryRowWithScoresUnitsAndParams() throws Exception {
    List<JmhResult> rows = fixture();

    assertThat(rows).hasSize(7);
    JmhResult first = rows.get(0);
    assertThat(first.benchmarkClass())
        .isEqualTo("dev.tdeveloper.benchmarks.tenancy.TenantContextBenchmark");
    assertThat(first.method()).isEqualTo("threadLocalSetRemove");
    assertThat(first.isOurs()).isFalse();
    assertThat(first.score()).isEqualTo(8.0);
    assertThat(first.scoreError()).isEqualTo(0.25);
    assertThat(first.unit()).isEqualTo("ns/op");
    assertThat(rows.get(3).params())
        .containsExactly(Map.entry("size", "100"), Map.entry("tenants", "10"));
    assertThat(rows.get(3).higherIsBetter()).isTrue();
  }

  @Test
  void readsNanErrorsAndAllocationUnderBothMetricNames() throws Exception {
    List<JmhResult> rows = fixture();

    assertThat(rows.get(1).scoreError()).isNaN();
    assertThat(rows.get(1).bytesPerOp()).hasValue(24.0);
    assertThat(rows.get(3).bytesPerOp()).hasValue(16.0); // legacy "·gc.alloc.rate.norm"
    assertThat(rows.get(2).bytesPerOp()).isEmpty();
  }

  @Test
  void refusesRowsWithoutAPrimaryMetric() {
    String json = "[{\"benchmark\":\"a.B.c\",\"mode\":\"avgt\"}]";
    InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> JmhResults.read(in))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("row 0 of the JMH results has no primaryMetric");
  }

  @Test
  void refusesDocumentsThatAreNotArrays() {
    InputStream in = new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> JmhResults.read(in)).isInstanceOf(IllegalArgumentException.class);
  }
}
