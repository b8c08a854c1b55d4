package dev.tdeveloper.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsEditDistanceTest {
  @Test
  void countsInsertionsDeletionsAndSubstitutions() {
    assertThat(Texts.editDistance("kitten", "sitting")).isEqualTo(3);
    assertThat(Texts.editDistance("latency", "latncy")).isEqualTo(1);
    assertThat(Texts.editDistance("", "abc")).isEqualTo(3);
    assertThat(Texts.editDistance("same", "same")).isZero();
  }

  @Test
  void textLongerThanTheLimitIsTooFar() {
    String longText = "a".repeat(Texts.EDIT_DISTANCE_LIMIT + 1);
    assertThat(Texts.editDistance(longText, "a")).isEqualTo(Integer.MAX_VALUE);
    assertThat(Texts.editDistance("a".repeat(Texts.EDIT_DISTANCE_LIMIT), "a"))
        .isEqualTo(Texts.EDIT_DISTANCE_LIMIT - 1);
  }
}
