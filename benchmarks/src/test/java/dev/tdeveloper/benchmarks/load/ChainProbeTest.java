package dev.tdeveloper.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChainProbeTest {
  @Test
  void keepsTheUsersJvmOptionsUnchangedWithoutJfr() {
    assertThat(ChainProbe.jvmOptions(" -Xlog:gc -XX:+UseParallelGC ", false))
        .isEqualTo("-Xlog:gc -XX:+UseParallelGC");
    assertThat(ChainProbe.jvmOptions("", false)).isEmpty();
  }

  @Test
  void startsJfrWithTheDemoWhenARecordingIsAskedFor() {
    assertThat(ChainProbe.jvmOptions("", true)).isEqualTo(ChainProbe.JFR_AT_LAUNCH);
    assertThat(ChainProbe.jvmOptions("-Xlog:gc", true))
        .isEqualTo("-Xlog:gc " + ChainProbe.JFR_AT_LAUNCH)
        .contains("-XX:StartFlightRecording:", "settings=default");
  }
}
