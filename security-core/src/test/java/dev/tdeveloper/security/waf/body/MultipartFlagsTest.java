package dev.tdeveloper.security.waf.body;

import static dev.tdeveloper.security.waf.body.MultipartProcessorTest.CT;
import static dev.tdeveloper.security.waf.body.MultipartProcessorTest.NORMAL;
import static dev.tdeveloper.security.waf.body.MultipartProcessorTest.crlf;
import static dev.tdeveloper.security.waf.body.MultipartProcessorTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** One body per flag: the flag is 1, the others that should stay 0 do. */
class MultipartFlagsTest {
  static final BodyProcessor MULTIPART = MultipartProcessorTest.MULTIPART;

  static Map<String, Integer> raised(BodyResult r) {
    Map<String, Integer> on = new TreeMap<>();
    r.flags()
        .forEach(
            (k, v) -> {
              if (v != 0) {
                on.put(k, v);
              }
            });
    return on;
  }

  @Test
  void quotedBoundaryIsFlaggedAndStillParsed() {
    BodyResult r = MULTIPART.process(NORMAL, "multipart/form-data; boundary=\"0000\"");
    assertThat(r.error()).isEmpty();
    assertThat(r.args()).hasSize(2);
    assertThat(raised(r))
        .isEqualTo(Map.of("MULTIPART_BOUNDARY_QUOTED", 1, "MULTIPART_STRICT_ERROR", 1));
  }

  @Test
  void whitespaceAroundTheBoundaryEqualsSignIsFlagged() {
    BodyResult r = MULTIPART.process(NORMAL, "multipart/form-data; boundary =0000");
    assertThat(r.error()).isEmpty();
    assertThat(raised(r))
        .isEqualTo(Map.of("MULTIPART_BOUNDARY_WHITESPACE", 1, "MULTIPART_STRICT_ERROR", 1));
  }

  @Test
  void missingSemicolonBeforeBoundaryIsFlagged() {
    BodyResult r = MULTIPART.process(NORMAL, "multipart/form-data boundary=0000");
    assertThat(r.error()).isEmpty();
    assertThat(raised(r))
        .isEqualTo(Map.of("MULTIPART_MISSING_SEMICOLON", 1, "MULTIPART_STRICT_ERROR", 1));
  }

  @Test
  void dataBeforeTheFirstBoundaryIsFlaggedAndIgnored() {
    BodyResult r =
        parse(
            crlf(
                "preamble",
                "--0000",
                "Content-Disposition: form-data; name=\"a\"",
                "",
                "1",
                "--0000--"));
    assertThat(r.args()).containsExactly(new Arg("a", "1"));
    assertThat(raised(r))
        .isEqualTo(Map.of("MULTIPART_DATA_BEFORE", 1, "MULTIPART_STRICT_ERROR", 1));
  }

  @Test
  void dataAfterTheFinalBoundaryIsFlaggedAndIgnored() {
    BodyResult r =
        parse(
            crlf(
                "--0000",
                "Content-Disposition: form-data; name=\"a\"",
                "",
                "1",
                "--0000--",
                "a=smuggled"));
    assertThat(r.args()).containsExactly(new Arg("a", "1"));
    assertThat(raised(r)).isEqualTo(Map.of("MULTIPART_DATA_AFTER", 1, "MULTIPART_STRICT_ERROR", 1));
  }

  @Test
  void headerFoldingWithSpaceIsFlaggedAndJoined() {
    BodyResult r =
        parse(
            crlf("--0000", "Content-Disposition: form-data;", " name=\"a\"", "", "1", "--0000--"));
    assertThat(r.error()).isEmpty();
    assertThat(r.args()).containsExactly(new Arg("a", "1"));
    assertThat(r.collection("MULTIPART_PART_HEADERS"))
        .containsExactly(new Arg("a", "Content-Disposition: form-data; name=\"a\""));
    assertThat(raised(r))
        .isEqualTo(Map.of("MULTIPART_HEADER_FOLDING", 1, "MULTIPART_STRICT_ERROR", 1));
  }

  @Test
  void foldingWithOtherWhitespaceIsInvalidFolding() {
    BodyResult r =
        parse(
            crlf(
                "--0000",
                "Content-Disposition: form-data;",
                "\u000b name=\"a\"",
                "",
                "1",
                "--0000--"));
    assertThat(r.args()).containsExactly(new Arg("a", "1"));
    assertThat(raised(r))
        .isEqualTo(
            Map.of(
                "MULTIPART_HEADER_FOLDING", 1,
                "MULTIPART_INVALID_HEADER_FOLDING", 1,
                "MULTIPART_STRICT_ERROR", 1));
  }

  @Test
  void lfOnlyLinesAreFlaggedButNotMixed() {
    String body = new String(NORMAL, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
    BodyResult r = parse(body.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(r.error()).isEmpty();
    assertThat(r.args()).hasSize(2);
    assertThat(raised(r)).isEqualTo(Map.of("MULTIPART_LF_LINE", 1, "MULTIPART_STRICT_ERROR", 1));
  }

  @Test
  void mixedLineEndingsAreFlagged() {
    byte[] body =
        "--0000\r\nContent-Disposition: form-data; name=\"a\"\n\n1\r\n--0000--\r\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(raised(parse(body)))
        .isEqualTo(
            Map.of(
                "MULTIPART_LF_LINE", 1, "MULTIPART_CRLF_LF_LINES", 1, "MULTIPART_STRICT_ERROR", 1));
  }

  @Test
  void singleQuotesAreInvalidQuotingButAccepted() {
    BodyResult r =
        parse(crlf("--0000", "Content-Disposition: form-data; name='a'", "", "1", "--0000--"));
    assertThat(r.args()).containsExactly(new Arg("a", "1"));
    assertThat(raised(r))
        .isEqualTo(Map.of("MULTIPART_INVALID_QUOTING", 1, "MULTIPART_STRICT_ERROR", 1));
  }

  @Test
  void aQuoteInsideANameIsInvalidQuoting() {
    BodyResult r =
        parse(crlf("--0000", "Content-Disposition: form-data; name=\"a'b\"", "", "1", "--0000--"));
    assertThat(r.args()).containsExactly(new Arg("a'b", "1"));
    assertThat(r.flags()).containsEntry("MULTIPART_INVALID_QUOTING", 1);
  }

  @Test
  void aPartCutInItsHeadersIsAnInvalidPartAndSkipped() {
    BodyResult r =
        parse(
            crlf(
                "--0000",
                "Content-Disposition: form-data; name=\"lost\"",
                "--0000",
                "Content-Disposition: form-data; name=\"a\"",
                "",
                "1",
                "--0000--"));
    assertThat(r.error()).isEmpty();
    assertThat(r.args()).containsExactly(new Arg("a", "1"));
    assertThat(raised(r))
        .isEqualTo(Map.of("MULTIPART_INVALID_PART", 1, "MULTIPART_STRICT_ERROR", 1));
  }

  @Test
  void aBoundaryLookalikeInsideContentIsAnUnmatchedBoundaryWithoutStrictError() {
    BodyResult r =
        parse(
            crlf(
                "--0000",
                "Content-Disposition: form-data; name=\"a\"",
                "",
                "x--0000y",
                "--0000--"));
    assertThat(r.args()).containsExactly(new Arg("a", "x--0000y"));
    assertThat(raised(r)).isEqualTo(Map.of("MULTIPART_UNMATCHED_BOUNDARY", 1));
  }

  @Test
  void anotherBoundaryAtLineStartIsUnmatched() {
    BodyResult r =
        parse(
            crlf("--0000", "Content-Disposition: form-data; name=\"a\"", "", "--1111", "--0000--"));
    assertThat(r.args()).containsExactly(new Arg("a", "--1111"));
    assertThat(raised(r)).isEqualTo(Map.of("MULTIPART_UNMATCHED_BOUNDARY", 1));
  }

  @Test
  void filesBeyondTheUploadLimitAreFlaggedAndReported() {
    BodyProcessor limited =
        BodyProcessors.of(new BodyProcessorConfig('&', 2, 100)).byName("MULTIPART").orElseThrow();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      b.append("--0000\r\nContent-Disposition: form-data; name=\"f")
          .append(i)
          .append("\"; filename=\"f.txt\"\r\n\r\ndata\r\n");
    }
    b.append("--0000--\r\n");
    BodyResult r = limited.process(b.toString().getBytes(StandardCharsets.ISO_8859_1), CT);
    assertThat(r.files()).hasSize(3);
    assertThat(r.error())
        .contains(
            "Multipart parsing error: Multipart: Upload file limit exceeded 2. Use"
                + " SecUploadFileLimit to change the limit.");
    assertThat(raised(r))
        .isEqualTo(Map.of("MULTIPART_FILE_LIMIT_EXCEEDED", 1, "MULTIPART_STRICT_ERROR", 1));
  }

  @Test
  void filesUpToTheLimitAreFine() {
    BodyProcessor limited =
        BodyProcessors.of(new BodyProcessorConfig('&', 1, 100)).byName("MULTIPART").orElseThrow();
    BodyResult r = limited.process(NORMAL, CT);
    assertThat(r.error()).isEmpty();
    assertThat(r.flags()).containsEntry("MULTIPART_FILE_LIMIT_EXCEEDED", 0);
  }

  @Test
  void aStructuralErrorRaisesStrictError() {
    BodyResult r = parse(crlf("--0000", "Content-Disposition: form-data; name=\"a\"", "", "1"));
    assertThat(r.error()).contains("Multipart parsing error: Multipart: Final boundary missing.");
    assertThat(raised(r)).isEqualTo(Map.of("MULTIPART_STRICT_ERROR", 1));
  }
}
