package dev.tdeveloper.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SafeTextTest {
  @Test
  void keepsPlainAsciiAsIs() {
    assertThat(SafeText.clean("tenant 'acme' is bad: x-1_2", 80))
        .isEqualTo("tenant 'acme' is bad: x-1_2");
  }

  @Test
  void escapesMarkupControlAndNonAsciiCharacters() {
    assertThat(SafeText.clean("<a href=\"x\">&\\\r\n\u0000caf\u00e9\u202e", 80))
        .isEqualTo(
            "\\u003ca href=\\u0022x\\u0022\\u003e\\u0026\\u005c\\u000d\\u000a\\u0000caf\\u00e9"
                + "\\u202e");
  }

  @Test
  void neverEmitsAnUnsafeCharacterForAnyInput() {
    StringBuilder every = new StringBuilder();
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      every.append(c);
    }

    String cleaned = SafeText.clean(every.toString(), Character.MAX_VALUE);

    assertThat(cleaned.chars())
        .allMatch(c -> c >= 0x20 && c < 0x7f && c != '<' && c != '>' && c != '&' && c != '"');
  }

  @Test
  void truncatesAndSaysHowLongTheInputWas() {
    assertThat(SafeText.clean("x".repeat(10_000), 5)).isEqualTo("xxxxx... (10000 characters)");
  }

  @Test
  void quotesWithEscapedQuotesInside() {
    assertThat(SafeText.quote("it's")).isEqualTo("'it\\u0027s'");
    assertThat(SafeText.quote("y".repeat(81)))
        .isEqualTo("'" + "y".repeat(80) + "... (81 characters)'");
  }

  @Test
  void refusesLimitsBelowOne() {
    assertThatThrownBy(() -> SafeText.clean("x", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be at least 1, was 0");
  }
}
