package dev.tdeveloper.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuTimelineTest {
  @Test
  void windowGivesTheDemosAndTheJitsCpuInCores() {
    Map<String, Long> before = Map.of("jit", 1_000_000_000L, "jetty qtp", 5_000_000_000L);
    Map<String, Long> after =
        Map.of("jit", 6_000_000_000L, "jetty qtp", 15_000_000_000L, "gc", 1_000_000_000L);

    CpuTimeline.Window w = CpuTimeline.window(20, 10, before, after);

    assertThat(w.endSeconds()).isEqualTo(20);
    assertThat(w.demoCores()).isCloseTo(1.6, within(1e-9)); // 16 CPU seconds in 10 s
    assertThat(w.jitCores()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void windowWithoutCompilationHasNoJitCores() {
    Map<String, Long> same = Map.of("jit", 1_000_000_000L, "jetty qtp", 5_000_000_000L);
    Map<String, Long> later = Map.of("jit", 1_000_000_000L, "jetty qtp", 7_000_000_000L);

    CpuTimeline.Window w = CpuTimeline.window(30, 10, same, later);

    assertThat(w.jitCores()).isZero();
    assertThat(w.demoCores()).isCloseTo(0.2, within(1e-9));
  }

  @Test
  void aWindowThatIsNotPositiveIsRefused() {
    assertThatThrownBy(() -> new CpuTimeline(1, Duration.ZERO, line -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("window must be positive, was PT0S");
  }
}
