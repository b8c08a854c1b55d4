package dev.tdeveloper.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadGroupReportTest {
  @Test
  void lineGivesTheJitsCpuPerRequestItsShareAndTheWarmup() {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("demoCpuMicrosPerRequestByThreadGroup", Map.of("jetty qtp", 300.0, "jit", 12.1));
    run.put("jitShareOfDemoCpu", 0.035);
    run.put("warmup", Map.of("seconds", 180.0, "startShare", 0.1, "requests", 198_000L));

    assertThat(ThreadGroupReport.line(run))
        .isEqualTo(
            "JIT 12.1 us/request (3.5% of the demo's CPU) after a 180 s warm-up from 10% of the"
                + " rate, ");
  }

  @Test
  void lineSaysWhenTheThreadGroupsWereNotRead() {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("demoCpuMicrosPerRequestByThreadGroup", Map.of());
    run.put("warmup", Map.of("seconds", 10.0, "startShare", 1.0, "requests", 20_000L));

    assertThat(ThreadGroupReport.line(run))
        .isEqualTo("JIT not read after a 10 s warm-up from 100% of the rate, ");
  }

  @Test
  void htmlListsEachRunsGroupsAndTimeline() {
    Map<String, Object> model = new LinkedHashMap<>();
    for (String name : new String[] {"fullChain", "bare"}) {
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("demoCpuMicrosPerRequestByThreadGroup", Map.of("jit", 40.0));
      run.put("jitShareOfDemoCpu", 0.1);
      run.put(
          "cpuTimeline",
          Map.of(
              "measuredPartDueSeconds",
              180.0,
              "windows",
              java.util.List.of(Map.of("endSeconds", 10.0, "demoCores", 1.2, "jitCores", 0.9))));
      model.put(name, run);
    }

    String html = ThreadGroupReport.html(model);

    assertThat(html)
        .contains("<h3>fullChain</h3>", "<h3>bare</h3>", "<td>jit</td><td>40.0</td>")
        .contains("measured part due at 180.0 s", "10.0 s: 1.2 / 0.9; ");
  }
}
