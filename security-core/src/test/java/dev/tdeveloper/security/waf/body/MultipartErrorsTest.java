package dev.tdeveloper.security.waf.body;

import static dev.tdeveloper.security.waf.body.MultipartProcessorTest.crlf;
import static dev.tdeveloper.security.waf.body.MultipartProcessorTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed multipart bodies: each a {@code REQBODY_ERROR} with ModSecurity's message. */
class MultipartErrorsTest {
  private static final String P = "Multipart parsing error: Multipart: ";

  private static void assertError(BodyResult r, String message) {
    assertThat(r.error()).contains(P + message);
    assertThat(r.flags()).containsEntry("MULTIPART_STRICT_ERROR", 1);
  }

  private static BodyResult part(String... headers) {
    String[] lines = new String[headers.length + 4];
    lines[0] = "--0000";
    System.arraycopy(headers, 0, lines, 1, headers.length);
    lines[headers.length + 1] = "";
    lines[headers.length + 2] = "value";
    lines[headers.length + 3] = "--0000--";
    return parse(crlf(lines));
  }

  @Test
  void noBoundaryAtAllIsAnError() {
    assertError(parse(crlf("just text")), "No boundaries found in payload.");
  }

  @Test
  void missingFinalBoundaryIsAnErrorButEarlierPartsStay() {
    BodyResult r =
        parse(
            crlf(
                "--0000",
                "Content-Disposition: form-data; name=\"a\"",
                "",
                "1",
                "--0000",
                "Content-Disposition: form-data; name=\"b\"",
                "",
                "2"));
    assertError(r, "Final boundary missing.");
    assertThat(r.args()).containsExactly(new Arg("a", "1"));
  }

  @Test
  void textAfterTheBoundaryOnItsLineIsAnInvalidBoundary() {
    assertError(parse(crlf("--0000x", "")), "Invalid boundary: --0000x");
    assertError(parse(crlf("--0000 ", "")), "Invalid boundary: --0000 ");
  }

  @Test
  void aQuotedBoundaryInTheBodyIsAnError() {
    BodyResult r =
        MultipartProcessorTest.MULTIPART.process(
            crlf("--\"0000\"", "x"), "multipart/form-data; boundary=\"0000\"");
    assertError(r, "Invalid boundary (quotes).");
  }

  @Test
  void whitespaceBeforeTheBoundaryInTheBodyIsAnError() {
    assertError(parse(crlf("-- 0000", "x")), "Invalid boundary (whitespace).");
  }

  @Test
  void aNulByteInPartHeadersIsAnError() {
    assertError(
        part("Content-Disposition: form-data; name=\"a\u0000\""), "Nul byte in part headers.");
  }

  @Test
  void aPartWithoutContentDispositionIsAnError() {
    assertError(part("Content-Type: text/plain"), "Part missing Content-Disposition header.");
  }

  @Test
  void contentDispositionWithoutNameIsAnError() {
    assertError(
        part("Content-Disposition: form-data"), "Content-Disposition header missing name field.");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      ignoreLeadingAndTrailingWhitespace = false,
      value = {
        "Form-Data; name=a|-1",
        "form-data name=a|-2",
        "form-data; |-3",
        "form-data; name|-4",
        "form-data; name |-5",
        "form-data; name x|-13",
        "form-data; name= |-6",
        "form-data; name=\"|-7",
        "form-data; name=\"abc|-7",
        "form-data; name=\"a\\|-8",
        "form-data; other=a|-11",
        "form-data; name=a b|-12",
        "form-data; name=a; name=b|-14",
        "form-data; name=a; filename=x; filename=y|-15",
        "form-data; name=a; filename*=UTF-8''x|-11"
      })
  void invalidContentDispositionsAreErrorsWithModSecurityCodes(String value, int code) {
    assertError(
        part("Content-Disposition: " + value),
        "Invalid Content-Disposition header (" + code + "): " + value);
  }

  @Test
  void aFilenameTheLooseParsersWouldMissIsAnError() {
    assertError(
        part("Content-Disposition: form-data; name=a; filename =x"),
        "Invalid Content-Disposition header (filename).");
  }

  @Test
  void aHeaderWithoutColonIsAnError() {
    assertError(
        part("Content-Disposition: form-data; name=a", "garbage"),
        "Invalid part header (colon missing): garbage");
  }

  @Test
  void aHeaderWithoutNameIsAnError() {
    assertError(part(": x"), "Invalid part header (header name missing).");
  }

  @Test
  void aDuplicatePartHeaderIsAnError() {
    assertError(
        part("Content-Disposition: form-data; name=a", "content-disposition: form-data; name=b"),
        "Duplicate part header: content-disposition.");
  }

  @Test
  void foldingBeforeAnyHeaderIsAnError() {
    assertError(part(" folded"), "Invalid part header (folding error).");
  }

  @Test
  void aPartHeaderLineOf4096BytesIsAnError() {
    assertError(part("X-Long: " + "a".repeat(4096)), "Part header line over 4096 bytes long");
  }

  @Test
  void aFoldedHeaderLongerThan4096BytesIsAnError() {
    String chunk = "a".repeat(3000);
    assertError(
        part("Content-Disposition: form-data; name=a", "X-Long: " + chunk, " " + chunk),
        "Part header too long.");
  }

  @Test
  void partsAfterAStructuralErrorAreNotRead() {
    BodyResult r =
        parse(
            crlf(
                "--0000",
                "bad header",
                "",
                "1",
                "--0000",
                "Content-Disposition: form-data; name=\"b\"",
                "",
                "2",
                "--0000--"));
    assertThat(r.args()).isEmpty();
    assertThat(r.error()).isPresent();
  }

  @Test
  void nearMissesOfALongBoundaryAreSearchedInOnePass() {
    String boundary = "-".repeat(70);
    String nearMiss = "-".repeat(71) + "x";
    byte[] body = ("x" + nearMiss.repeat(40_000) + "\n").getBytes(StandardCharsets.ISO_8859_1);
    BodyResult r =
        MultipartProcessorTest.MULTIPART.process(body, "multipart/form-data; boundary=" + boundary);
    assertError(r, "No boundaries found in payload.");
    assertThat(r.flags()).containsEntry("MULTIPART_UNMATCHED_BOUNDARY", 0);
  }
}
