package dev.tdeveloper.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
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
    CountDownLatch burned = new CountDownLatch(1);
    CountDownLatch read = new CountDownLatch(1);
    long[] sink = new long[1];
    Thread spinner =
        new Thread(
            () -> {
              // spins until this thread has used 100 ms of CPU (ten ticks), then stays alive until
              // read: an ended thread leaves /proc. CPU time, not wall time, so a loaded machine
              // only makes it slower.
              ThreadMXBean threads = ManagementFactory.getThreadMXBean();
              long x = 0;
              while (threads.getCurrentThreadCpuTime() < 100_000_000L) {
                x += x * 31 + 7;
              }
              sink[0] = x;
              burned.countDown();
              try {
                read.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "spinner-7");
    spinner.start();
    burned.await();
    Map<String, Long> after = ThreadCpu.byGroup(pid);
    read.countDown();
    spinner.join();
    assertThat(ThreadCpu.delta(before, after).getOrDefault("spinner-N", 0L))
        .isGreaterThanOrEqualTo(10_000_000L); // at least one tick, however loaded the machine
    assertThat(ThreadCpu.delta(after, after)).isEmpty();
  }
}
