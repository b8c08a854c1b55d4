package dev.tdeveloper.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI mode of the fault phase: the demo on a real Redis and PostgreSQL under a few seconds of
 * the mix, killed with SIGKILL and restarted on the same data directory and port; no write it
 * acknowledged may be lost. Checks behaviour and that the report adds up, not recovery times.
 */
class FaultRunShortTest {
  @TempDir Path out;

  @Test
  void noAcknowledgedWriteIsLostWhenTheDemoIsKilledAndRestarted() throws Exception {
    FaultRun.Result result =
        FaultRun.run(
            new FaultRun.Settings(
                100,
                Duration.ofSeconds(2),
                Duration.ofSeconds(3),
                List.of(Fault.DEMO_KILL),
                64,
                10,
                out,
                11));

    assertThat(result.lost().acknowledged()).isPositive();
    assertThat(result.lost().lost()).as("writer's acknowledged writes lost").isZero();
    assertThat(result.lost().missingByCount()).as("load's acknowledged writes missing").isZero();
    assertThat(result.lost().none()).isTrue();
    FaultAnalysis.FaultStats kill = result.summary().faults().get(0);
    assertThat(kill.mark().fault()).isEqualTo(Fault.DEMO_KILL);
    assertThat(kill.mark().error()).isEmpty();
    assertThat(kill.failed()).as("requests sent to a killed demo fail").isPositive();
    assertThat(kill.answers().get(FaultAnswer.NO_ANSWER)).isPositive();
    assertThat(kill.firstServed()).as("the restarted demo serves").isPresent();
    assertThat(kill.answers().get(FaultAnswer.SERVED)).isPositive();
    assertThat(result.summary().failed()).isLessThan(result.summary().requests());

    JsonNode json = new ObjectMapper().readTree(out.resolve("fault-report.json").toFile());
    assertThat(json.at("/faults/0/fault").asText()).isEqualTo("DEMO_KILL");
    assertThat(json.at("/faults/0/failed").asLong()).isEqualTo(kill.failed());
    assertThat(json.at("/acknowledgedWrites/noneLost").asBoolean()).isTrue();
    assertThat(json.at("/errorBudgetSpent").isNumber()).isTrue();
    assertThat(Files.readString(out.resolve("fault-report.html")))
        .contains("Availability under faults", "kill -9 the demo")
        .doesNotContain("<script");
  }
}
