package dev.tdeveloper.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {
  @Test
  void poolThreadsAddUpUnderOneName() {
    assertThat(ThreadCpu.group("qtp1297502382-41")).isEqualTo("jetty qtp");
    assertThat(ThreadCpu.group("C2 CompilerThread0")).isEqualTo("jit");
    assertThat(ThreadCpu.group("G1 Conc#0")).isEqualTo("gc");
    assertThat(ThreadCpu.group("health-check-3")).isEqualTo("health-check-N");
  }

  @Test
  void readsThisProcessAndSubtractsPerGroup() throws Exception {
    long pid = ProcessHandle.current().pid();
    Map<String, Long> before = ThreadCpu.byGroup(pid);
    long[] sink = new long[1];
    Thread spinner =
        new Thread(
            () -> {
              long end = System.nanoTime() + 300_000_000L;
              long x = 0;
              while (System.nanoTime() < end) {
                x += x * 31 + 7;
              }
              sink[0] = x;
            },
            "spinner-7");
    spinner.start();
    Thread.sleep(250); // read while the spinner is alive: an ended thread leaves /proc
    Map<String, Long> after = ThreadCpu.byGroup(pid);
    spinner.join();
    assertThat(ThreadCpu.delta(before, after).getOrDefault("spinner-N", 0L))
        .isGreaterThanOrEqualTo(10_000_000L); // at least one tick, however loaded the machine
    assertThat(ThreadCpu.delta(after, after)).isEmpty();
  }
}
