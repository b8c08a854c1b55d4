package dev.tdeveloper.scaling.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadTraceTest {
  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

  private static WorkloadTrace parse(String csv) {
    return WorkloadTrace.parse(new StringReader(csv), "trace.csv");
  }

  @Test
  void readsIsoAndEpochTimesAndHoldsEachValueUntilTheNextPoint() {
    WorkloadTrace t =
        parse(
            "timestamp,requests_per_second\n"
                + "2026-01-05T00:00:00Z,10\n"
                + (T0.getEpochSecond() + 60)
                + ",25.5\n\n"
                + "2026-01-05T00:02:00Z,0\n");
    assertThat(t.size()).isEqualTo(3);
    assertThat(t.start()).isEqualTo(T0);
    assertThat(t.end()).isEqualTo(T0.plusSeconds(180));
    assertThat(t.valueAt(T0)).isEqualTo(10.0);
    assertThat(t.valueAt(T0.plusSeconds(59))).isEqualTo(10.0);
    assertThat(t.valueAt(T0.plusSeconds(60))).isEqualTo(25.5);
    assertThat(t.valueAt(T0.plusSeconds(179))).isEqualTo(0.0);
    assertThatThrownBy(() -> t.valueAt(T0.plusSeconds(180))).hasMessageContaining("outside");
    assertThatThrownBy(() -> t.valueAt(T0.minusSeconds(1))).hasMessageContaining("outside");
  }

  @Test
  void writtenCsvReadsBackEqual(@TempDir Path dir) throws Exception {
    WorkloadTrace t =
        WorkloadTrace.of(
            List.of(
                new WorkloadTrace.Point(T0, 1.25),
                new WorkloadTrace.Point(T0.plusSeconds(30), 1e6),
                new WorkloadTrace.Point(T0.plusSeconds(90), 0)));
    Path file = dir.resolve("t.csv");
    t.write(file);
    assertThat(Files.readAllLines(file).get(0)).isEqualTo(WorkloadTrace.HEADER);
    assertThat(WorkloadTrace.read(file)).isEqualTo(t);
    StringWriter w = new StringWriter();
    t.write(w);
    assertThat(parse(w.toString()).points()).isEqualTo(t.points());
  }

  @Test
  void missingOrWrongHeaderIsRefused() {
    assertThatThrownBy(() -> parse("2026-01-05T00:00:00Z,10\n2026-01-05T00:01:00Z,10\n"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageContaining("trace.csv:1")
        .hasMessageContaining("timestamp,requests_per_second");
    assertThatThrownBy(() -> parse("")).hasMessageContaining("empty");
  }

  @Test
  void errorsNameTheLineAndTheValue() {
    String head = "timestamp,requests_per_second\n2026-01-05T00:00:00Z,10\n";
    assertThatThrownBy(() -> parse(head + "2026-01-05T00:00:00Z,12\n"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageContaining("trace.csv:3")
        .hasMessageContaining("strictly increasing")
        .satisfies(e -> assertThat(((TraceFormatException) e).line()).isEqualTo(3));
    assertThatThrownBy(() -> parse(head + "2026-01-05T00:01:00Z,-3\n"))
        .hasMessageContaining("trace.csv:3")
        .hasMessageContaining("'-3'");
    assertThatThrownBy(() -> parse(head + "2026-01-05T00:01:00Z,lots\n"))
        .hasMessageContaining("'lots'");
    assertThatThrownBy(() -> parse(head + "2026-01-05T00:01:00Z,NaN\n"))
        .hasMessageContaining("'NaN'");
    assertThatThrownBy(() -> parse(head + "yesterday,3\n"))
        .hasMessageContaining("trace.csv:3")
        .hasMessageContaining("timestamp 'yesterday'");
    assertThatThrownBy(() -> parse(head + "2026-01-05T00:01:00.5Z,3\n"))
        .hasMessageContaining("fraction of a second");
    assertThatThrownBy(() -> parse(head + "2026-01-05T00:01:00Z,3,4\n"))
        .hasMessageContaining("3 fields");
    assertThatThrownBy(() -> parse(head)).hasMessageContaining("1 points");
  }

  @Test
  void pointsAndListsAreValidated() {
    assertThatThrownBy(() -> new WorkloadTrace.Point(T0, -1)).hasMessageContaining("-1.0");
    assertThatThrownBy(
            () ->
                WorkloadTrace.of(
                    List.of(new WorkloadTrace.Point(T0, 1), new WorkloadTrace.Point(T0, 2))))
        .hasMessageContaining("points[1]");
    assertThatThrownBy(() -> WorkloadTrace.of(List.of(new WorkloadTrace.Point(T0, 1))))
        .hasMessageContaining("at least 2");
  }
}
