package dev.tdeveloper.security.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs built to make a backtracking matcher or a greedy scanner blow up. The detector reads each
 * character a bounded number of times, so each of these (1 MiB) finishes like any other text; a
 * regression would show as a test that does not finish rather than as a failed assertion.
 */
class HostileInputTest {
  private static final int SIZE = 1 << 20;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a", "1 ", "1-", "1.", "a@", "a.", "AKIA", "eyJ", "+1 ", "(1", "::", "DE89 ", "aB3", "a@b.",
        "1.1.", "ff:", "-", "_"
      })
  void repeatedFragmentsAreScannedInBoundedWork(String fragment) {
    String text = fragment.repeat(SIZE / fragment.length());
    assertThat(PiiDetector.defaults().detect(text)).hasSizeLessThan(SIZE);
  }

  @Test
  void textsOverTheLimitAreRefusedNotTruncated() {
    PiiDetector small = PiiDetector.builder().maxInputChars(100).build();
    assertThatThrownBy(() -> small.detect("x".repeat(101)))
        .isInstanceOf(PiiLimitExceededException.class)
        .hasMessageContaining("101")
        .hasMessageContaining("maxInputChars=100");
  }

  @Test
  void textsWithTooManyFindingsAreRefused() {
    PiiDetector few = PiiDetector.builder().maxFindings(3).build();
    String text = "10.0.0.1 ".repeat(4);
    assertThat(few.detect("10.0.0.1 ".repeat(3))).hasSize(3);
    assertThatThrownBy(() -> few.detect(text))
        .isInstanceOf(PiiLimitExceededException.class)
        .hasMessageContaining("maxFindings=3");
  }

  @Test
  void manyRealFindingsInALargeTextAreAllFound() {
    String text = "ip 10.1.2.3, mail bob@example.com; ".repeat(20_000);
    assertThat(PiiDetector.defaults().detect(text)).hasSize(40_000);
  }
}
