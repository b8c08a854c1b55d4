package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;

class DemoThreadsTest {
  @Test
  void theDefaultIsSixteenThreadsPerCoreAndNeverFewerThanThirtyTwo() {
    assertThat(DemoThreads.maxThreads(Map.of(), 1)).isEqualTo(32);
    assertThat(DemoThreads.maxThreads(Map.of(), 2)).isEqualTo(32);
    assertThat(DemoThreads.maxThreads(Map.of(), 8)).isEqualTo(128);
  }

  @Test
  void theEnvironmentOverridesTheDefault() {
    assertThat(DemoThreads.maxThreads(Map.of(DemoThreads.MAX_THREADS_ENV, " 200 "), 2))
        .isEqualTo(200);
    assertThat(DemoThreads.maxThreads(Map.of(DemoThreads.MAX_THREADS_ENV, "8"), 64)).isEqualTo(8);
  }

  @Test
  void aBadThreadCountNamesTheVariableTheValueAndTheAllowedRange() {
    for (String bad : new String[] {"7", "0", "-1", "10001", "many", "1.5", ""}) {
      assertThatThrownBy(() -> DemoThreads.maxThreads(Map.of(DemoThreads.MAX_THREADS_ENV, bad), 2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "DEMO_MAX_THREADS: "
                  + bad
                  + "; allowed: a whole number of request threads from 8 to 10000");
    }
  }

  @Test
  void thePoolHasTheChosenMaximumAndJettysThreadNamePrefix() {
    QueuedThreadPool pool = DemoThreads.pool(Map.of(DemoThreads.MAX_THREADS_ENV, "24"));
    assertThat(pool.getMaxThreads()).isEqualTo(24);
    assertThat(pool.getMinThreads()).isEqualTo(8);
    assertThat(pool.getName()).startsWith("qtp");
  }
}
