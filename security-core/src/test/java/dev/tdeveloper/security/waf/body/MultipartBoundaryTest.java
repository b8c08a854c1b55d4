package dev.tdeveloper.security.waf.body;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MultipartBoundaryTest {
  @Test
  void readsAPlainBoundary() {
    MultipartBoundary b =
        MultipartBoundary.of("multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW");
    assertThat(b.failed()).isFalse();
    assertThat(b.value()).isEqualTo("----WebKitFormBoundary7MA4YWxkTrZu0gW");
    assertThat(b.quoted() || b.whitespace() || b.missingSemicolon()).isFalse();
  }

  @Test
  void typeIsMatchedInAnyCase() {
    assertThat(MultipartBoundary.of("Multipart/Form-Data; boundary=abc").value()).isEqualTo("abc");
  }

  @Test
  void readsAQuotedBoundaryAndFlagsIt() {
    MultipartBoundary b = MultipartBoundary.of("multipart/form-data; boundary=\"a b:c\"");
    assertThat(b.value()).isEqualTo("a b:c");
    assertThat(b.quoted()).isTrue();
  }

  @Test
  void flagsWhitespaceBeforeTheValue() {
    MultipartBoundary b = MultipartBoundary.of("multipart/form-data; boundary= abc");
    assertThat(b.whitespace()).isTrue();
    assertThat(b.value()).isEqualTo(" abc");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      ignoreLeadingAndTrailingWhitespace = false,
      value = {
        "~~|Content-Type header not available.",
        "text/plain; boundary=abc|Invalid MIME type.",
        "multipart/form-data|Boundary not found in C-T.",
        "multipart/form-data; Boundary=abc|Invalid boundary in C-T (case sensitivity).",
        "multipart/form-data; boundary=a; boundary=b|Multiple boundary parameters in C-T.",
        "multipart/form-data;; boundary=abc|Invalid boundary in C-T (malformed).",
        "multipart/form-data; x boundary=abc|Invalid boundary in C-T (malformed).",
        "multipart/form-data; boundary|Invalid boundary in C-T (malformed).",
        "multipart/form-data; boundaryx=abc|Invalid boundary in C-T (parameter name).",
        "multipart/form-data; boundary=\"abc|Invalid boundary in C-T (quote).",
        "multipart/form-data; boundary=abc\"|Invalid boundary in C-T (quote).",
        "multipart/form-data; boundary=\"\"|Invalid boundary in C-T (empty).",
        "multipart/form-data; boundary=|Invalid boundary in C-T (empty).",
        "multipart/form-data; boundary=xboundary=|Multiple boundary parameters in C-T.",
        "multipart/form-data; boundary=abc; charset=utf-8|Invalid boundary in C-T (characters).",
        "multipart/form-data; boundary=abc |Invalid boundary in C-T (characters).",
      })
  void refusesMalformedHeadersWithModSecurityMessages(String contentType, String message) {
    assertThat(MultipartBoundary.of(contentType).error()).isEqualTo("Multipart: " + message);
  }

  @Test
  void refusesAHeaderOver1024Bytes() {
    assertThat(MultipartBoundary.of("multipart/form-data; boundary=" + "a".repeat(1000)).error())
        .isEqualTo("Multipart: Invalid boundary in C-T (length).");
  }

  @Test
  void anUnusableHeaderFailsTheBodyWithStrictError() {
    BodyResult r = MultipartProcessorTest.MULTIPART.process(MultipartProcessorTest.NORMAL, "");
    assertThat(r.error())
        .contains("Multipart parsing error: Multipart: Content-Type header not available.");
    assertThat(r.flags()).containsEntry("MULTIPART_STRICT_ERROR", 1);
    assertThat(r.args()).isEmpty();
  }
}
