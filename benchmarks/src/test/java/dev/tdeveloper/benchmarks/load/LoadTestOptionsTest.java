package dev.tdeveloper.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadTestOptionsTest {
  @Test
  void defaultsAreTheDocumentedOnesWithTheDiskFloorOn() {
    LoadTestOptions o = LoadTestOptions.parse();

    assertThat(o.settings().rate()).isEqualTo(2000);
    assertThat(o.settings().warmup()).isEqualTo(Duration.ofSeconds(240));
    assertThat(o.settings().warmupStartShare()).isEqualTo(0.1);
    assertThat(o.settings().duration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(o.settings().maxInFlight()).isEqualTo(512);
    assertThat(o.settings().out()).isEqualTo(Path.of("benchmarks/target/load"));
    assertThat(o.settings().wrkScript()).isEmpty();
    assertThat(o.settings().shieldIpLimit()).isEmpty();
    assertThat(o.settings().diskFloor()).isTrue();
    assertThat(o.faultSeconds()).isEqualTo(20);
    assertThat(o.faultRate()).isEqualTo(200);
  }

  @Test
  void warmupStartShareOfOneIsTheFlatWarmupOfEarlierSessions() {
    LoadTestOptions o =
        LoadTestOptions.parse("--warmup-seconds", "10", "--warmup-start-share", "1");

    assertThat(o.settings().schedule())
        .isEqualTo(RampSchedule.flat(2000, Duration.ofSeconds(10), Duration.ofSeconds(60)));
    assertThat(o.settings().schedule().warmupCount()).isEqualTo(20_000);
  }

  @Test
  void warmupStartShareOutsideZeroToOneIsRefusedNamingTheOptionAndValue() {
    assertThatThrownBy(() -> LoadTestOptions.parse("--warmup-start-share", "0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--warmup-start-share must be a number above 0 and at most 1, was 0");
    assertThatThrownBy(() -> LoadTestOptions.parse("--warmup-start-share", "1.01"))
        .hasMessage("--warmup-start-share must be a number above 0 and at most 1, was 1.01");
    assertThatThrownBy(() -> LoadTestOptions.parse("--warmup-start-share", "tenth"))
        .hasMessage("--warmup-start-share must be a number above 0 and at most 1, was tenth");
  }

  @Test
  void diskFloorOffSwitchesTheProbeOff() {
    assertThat(LoadTestOptions.parse("--disk-floor", "off").settings().diskFloor()).isFalse();
    assertThat(LoadTestOptions.parse("--disk-floor", "on").settings().diskFloor()).isTrue();
  }

  @Test
  void optionsAreReadInAnyOrder() {
    LoadTestOptions o =
        LoadTestOptions.parse(
            "--seconds", "30", "--disk-floor", "off", "--rate", "2500.5", "--fault-seconds", "0");

    assertThat(o.settings().duration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.settings().rate()).isEqualTo(2500.5);
    assertThat(o.settings().diskFloor()).isFalse();
    assertThat(o.faultSeconds()).isZero();
  }

  @Test
  void aDiskFloorOtherThanOnOrOffIsRefusedNamingTheOptionAndValue() {
    assertThatThrownBy(() -> LoadTestOptions.parse("--disk-floor", "yes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--disk-floor must be on or off, was yes");
  }

  @Test
  void numbersOutOfRangeOrNotNumbersAreRefusedWithTheRangeAllowed() {
    assertThatThrownBy(() -> LoadTestOptions.parse("--rate", "0"))
        .hasMessage("--rate must be a number from 0.001 to 1000000.0, was 0");
    assertThatThrownBy(() -> LoadTestOptions.parse("--rate", "NaN"))
        .hasMessageContaining("--rate must be a number");
    assertThatThrownBy(() -> LoadTestOptions.parse("--seconds", "ten"))
        .hasMessage("--seconds must be a whole number from 1 to 86400, was ten");
    assertThatThrownBy(() -> LoadTestOptions.parse("--max-in-flight", "0"))
        .hasMessage("--max-in-flight must be a whole number from 1 to 65536, was 0");
    assertThatThrownBy(() -> LoadTestOptions.parse("--warmup-seconds", "-1"))
        .hasMessageContaining("--warmup-seconds must be a whole number from 0");
  }

  @Test
  void aMissingValueOrAnUnknownOptionIsRefused() {
    assertThatThrownBy(() -> LoadTestOptions.parse("--rate", "100", "--disk-floor"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--disk-floor needs a value");
    assertThatThrownBy(() -> LoadTestOptions.parse("--disk", "off"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown option --disk; known:")
        .hasMessageContaining("--disk-floor");
  }
}
