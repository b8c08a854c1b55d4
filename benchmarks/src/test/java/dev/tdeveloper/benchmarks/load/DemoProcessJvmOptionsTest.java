package dev.tdeveloper.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoProcessJvmOptionsTest {
  @Test
  void blankOptionsAddNothing() {
    assertThat(DemoProcess.extraJvmOptions("", false)).isEmpty();
    assertThat(DemoProcess.extraJvmOptions("  \t ", true)).isEmpty();
  }

  @Test
  void optionsSplitOnWhitespaceWithTheRunNamedInFileNames() {
    String options =
        " -XX:StartFlightRecording=settings=profile,filename=/tmp/x/demo-{run}.jfr  -Xss512k ";

    assertThat(DemoProcess.extraJvmOptions(options, false))
        .containsExactly(
            "-XX:StartFlightRecording=settings=profile,filename=/tmp/x/demo-full.jfr", "-Xss512k");
    assertThat(DemoProcess.extraJvmOptions(options, true))
        .containsExactly(
            "-XX:StartFlightRecording=settings=profile,filename=/tmp/x/demo-bare.jfr", "-Xss512k");
  }
}
