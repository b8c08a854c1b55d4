package dev.tdeveloper.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI mode of the load test: the whole harness end to end (two demos in child JVMs, 100 tenants
 * provisioned, 3 s of the mix each at 300 requests/s) with checks that the report is complete and
 * adds up, not timing thresholds.
 */
class LoadTestShortRunTest {
  /**
   * Requests per second: the flood's 10% (30/s, about 150 requests in the 5 s) then outpaces every
   * other client, the over-limit tenants' 15/s included.
   */
  private static final int SHORT_RATE = 300;

  /**
   * The demo's per-IP ban threshold in the short run: the flood's address passes it after about 4 s
   * and is banned; no other client comes near it.
   */
  private static final int SHORT_IP_LIMIT = 120;

  @TempDir Path out;

  @Test
  void shortRunProducesCompleteAndConsistentReports() throws Exception {
    LoadTest.Result result =
        LoadTest.run(
            new LoadTest.Settings(
                SHORT_RATE,
                Duration.ofSeconds(2),
                Duration.ofSeconds(3),
                64,
                out,
                Optional.empty(),
                7,
                OptionalInt.of(SHORT_IP_LIMIT)));
    RunResult full = result.full();
    RunResult bare = result.bare();

    for (RunResult run : new RunResult[] {full, bare}) {
      assertThat(run.completed()).as(run.name() + " completed").isEqualTo(run.sent());
      assertThat(run.latency().getTotalCount()).isEqualTo(run.sent());
      long perTenant = 0;
      for (long[] row : run.byTenant()) {
        for (long n : row) {
          perTenant += n;
        }
      }
      assertThat(perTenant).isEqualTo(run.sent());
      assertThat(run.count(Outcome.SERVER_ERROR)).as(run.name() + " 5xx").isZero();
      assertThat(run.count(Outcome.FAILED)).as(run.name() + " unanswered").isZero();
      // a tenant named wrongly (a Host header the client did not send as asked) answers 4xx
      assertThat(run.count(Outcome.CLIENT_ERROR)).as(run.name() + " unexpected 4xx").isZero();
      for (RequestKind kind : RequestKind.values()) {
        long n = 0;
        for (Outcome o : Outcome.values()) {
          n += run.count(kind, o);
        }
        assertThat(n).as(run.name() + " " + kind).isPositive();
      }
    }
    // The full chain refuses what it should; the bare demo (no filters) serves the same requests.
    assertThat(full.count(RequestKind.READ, Outcome.OK)).isPositive();
    assertThat(full.count(RequestKind.WRITE, Outcome.OK)).isPositive();
    assertThat(full.count(RequestKind.USAGE, Outcome.OK)).isPositive();
    assertThat(full.count(RequestKind.ATTACK, Outcome.WAF_BLOCKED))
        .isEqualTo(full.byKind()[RequestKind.ATTACK.ordinal()][Outcome.WAF_BLOCKED.ordinal()])
        .isPositive();
    assertThat(full.count(RequestKind.ATTACK, Outcome.OK)).isZero();
    assertThat(full.count(RequestKind.FLOOD, Outcome.RATE_LIMITED)).isPositive();
    assertThat(full.count(RequestKind.OVER_LIMIT, Outcome.RATE_LIMITED)).isPositive();
    assertThat(bare.count(Outcome.WAF_BLOCKED) + bare.count(Outcome.RATE_LIMITED)).isZero();
    // Behind the harness as trusted proxy, the shield bans the flood's address (X-Forwarded-For)
    // and no tenant's own: the other requests of the flooding tenant are still served.
    assertThat(full.count(RequestKind.FLOOD, Outcome.SHIELD_REFUSED)).isPositive();
    assertThat(full.count(Outcome.SHIELD_REFUSED))
        .isEqualTo(full.count(RequestKind.FLOOD, Outcome.SHIELD_REFUSED));
    assertThat(bare.count(Outcome.SHIELD_REFUSED)).isZero();
    assertThat(bare.count(RequestKind.ATTACK, Outcome.OK)).isPositive();

    JsonNode json = new ObjectMapper().readTree(out.resolve("load-report.json").toFile());
    assertThat(json.at("/fullChain/tenants")).hasSize(Roster.TENANTS);
    assertThat(json.at("/fullChain/latencyMillis/p99.9").isNumber()).isTrue();
    assertThat(json.at("/fullChain/outcomes/WAF_BLOCKED").asLong()).isPositive();
    assertThat(json.at("/chainOverhead/demoCpuPerRequestRatio").asDouble()).isPositive();
    // Points 5 and 6, simulated from the run's figures.
    assertThat(json.at("/simulations/scaleStep/responses")).hasSize(3);
    assertThat(json.at("/simulations/regionOutage/outages")).hasSize(5);
    assertThat(json.at("/simulations/costPerTenantMonth/plans")).hasSize(3);
    // Isolation under load (issue 17 point 3): no tenant saw another's data, usage metered exactly.
    assertThat(json.at("/isolation/violationExamples")).isEmpty();
    assertThat(json.at("/isolation/violations").asLong()).isZero();
    assertThat(json.at("/isolation/usageExactTenants").asLong()).isEqualTo(Roster.TENANTS);
    assertThat(json.at("/isolation/isolationPercent").asInt()).isEqualTo(100);
    assertThat(json.at("/isolation/checks/notesChecked").asLong()).isPositive();
    assertThat(json.at("/isolation/checks/crossReads").asLong()).isPositive();
    assertThat(json.at("/isolation/checks/checksDuringLoad").asLong()).isPositive();
    assertThat(json.at("/isolation/tenants/0/meteredRequests").asLong()).isPositive();
    // The refusal classes on the full chain: rate limit, WAF (above) and the exhausted quota.
    assertThat(full.count(RequestKind.OVER_LIMIT, Outcome.QUOTA_EXCEEDED)).isPositive();
    // The disk floor probe beside each measured run: present, and its counts add up.
    for (String run : new String[] {"fullChain", "bare"}) {
      JsonNode cpu = json.at("/" + run + "/machineCpu");
      assertThat(cpu.path("available").asBoolean()).as(run + " machine CPU").isTrue();
      assertThat(cpu.path("ticks").asLong()).as(run + " CPU ticks").isPositive();
      for (String share : new String[] {"busyShare", "ioWaitShare", "stealShare"}) {
        assertThat(cpu.path(share).asDouble()).as(run + " " + share).isBetween(0.0, 1.0);
      }
      // the demo's CPU by thread group over the measured part, and the ramped warm-up before it
      JsonNode groups = json.at("/" + run + "/demoCpuMicrosPerRequestByThreadGroup");
      assertThat(groups.path("jetty qtp").asDouble()).as(run + " request threads").isPositive();
      assertThat(json.at("/" + run + "/jitShareOfDemoCpu").asDouble()).isBetween(0.0, 1.0);
      assertThat(json.at("/" + run + "/warmup/startShare").asDouble())
          .isEqualTo(RampSchedule.DEFAULT_START_SHARE);
      // 300/s rising from 30/s over 2 s: 330 warm-up requests
      assertThat(json.at("/" + run + "/warmup/requests").asLong()).isEqualTo(330);
      assertThat(json.at("/" + run + "/cpuTimeline/measuredPartDueSeconds").asDouble())
          .isBetween(1.0, 3.0);
      JsonNode floor = json.at("/" + run + "/diskFloor");
      assertThat(floor.path("enabled").asBoolean()).as(run + " floor").isTrue();
      assertThat(floor.path("failure").isMissingNode()).as(run + " floor failure").isTrue();
      assertThat(floor.path("sameFileSystemAsData").asBoolean()).isTrue();
      assertThat(floor.path("fileSystem").asText()).isNotBlank();
      long records = floor.path("records").asLong();
      long forces = floor.path("forcesAttempted").asLong();
      double seconds = floor.path("measuredSeconds").asDouble();
      assertThat(records).as(run + " records").isEqualTo(floor.path("recordsScheduled").asLong());
      // the probe spans the requests' measured part: from its first intended start to its end
      assertThat(seconds).isCloseTo(json.at("/" + run + "/elapsedSeconds").asDouble(), within(2.0));
      // one record per 10 ms of the measured part (at least the 3 s scheduled)
      assertThat(records)
          .isGreaterThanOrEqualTo(300)
          .isBetween((long) (seconds * 100), (long) (seconds * 100) + 1);
      assertThat(forces).isBetween(1L, records);
      assertThat(floor.at("/recordLatencyMillis/count").asLong()).isEqualTo(records);
      assertThat(floor.at("/forceMillis/count").asLong()).isEqualTo(forces);
      assertThat(floor.path("stalledForces").asLong()).isBetween(0L, forces);
      assertThat(floor.path("stalledShare").asDouble() * seconds)
          .isCloseTo(floor.path("stalledSeconds").asDouble(), within(1e-9));
      assertThat(floor.path("stalledSeconds").asDouble())
          .isLessThanOrEqualTo(floor.at("/forceMillis/max").asDouble() * forces / 1000);
      double previous = 0;
      for (String p : new String[] {"p50", "p95", "p99", "p99.9", "max"}) {
        double v = floor.at("/recordLatencyMillis").path(p).asDouble();
        assertThat(v).as(run + " floor " + p).isGreaterThanOrEqualTo(previous);
        previous = v;
      }
    }
    try (var left = Files.list(out)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".probe"));
    }
    assertThat(LoadReport.summaryLine(result.report()))
        .contains("against the disk floor's p95")
        .contains("stalled seconds")
        .contains("% of the demo's CPU) after a 2 s warm-up from 10% of the rate");
    String html = Files.readString(out.resolve("load-report.html"));
    assertThat(html)
        .contains("<svg", "full-chain", "bare", "<path", "Isolation under load: 100%")
        .contains("Disk floor beside the requests", "The demo's CPU by thread group")
        .doesNotContain("http://cdn", "<script");
  }
}
