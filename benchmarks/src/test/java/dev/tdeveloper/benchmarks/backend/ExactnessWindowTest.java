package dev.tdeveloper.benchmarks.backend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExactnessWindowTest {
  @Test
  void theWholeLimitAndNoMoreIsExact() {
    ExactnessWindow window = new ExactnessWindow("tdeveloper", 16, 2, 1_000, 1_000, 13_783);
    assertThat(window.exact()).isTrue();
    assertThat(window.line())
        .isEqualTo(
            "exactness tdeveloper, 16 client(s), window 2: admitted 1000 of limit 1000 in 13783"
                + " attempts");
  }

  @Test
  void fewerAttemptsThanTheLimitAreAllAdmittedExactly() {
    assertThat(new ExactnessWindow("tdeveloper", 1, 1, 340, 1_000, 340).exact()).isTrue();
  }

  @Test
  void admittingOneMoreThanTheLimitIsNotExact() {
    ExactnessWindow window = new ExactnessWindow("tdeveloper", 4, 3, 1_001, 1_000, 8_617);
    assertThat(window.exact()).isFalse();
    assertThat(window.line()).endsWith("in 8617 attempts - NOT EXACT");
  }

  @Test
  void losingPermitsWhileMoreWereAskedForIsNotExact() {
    assertThat(new ExactnessWindow("tdeveloper", 4, 3, 999, 1_000, 8_617).exact()).isFalse();
    assertThat(new ExactnessWindow("tdeveloper", 4, 3, 999, 1_000, 1_000).exact()).isFalse();
  }
}
