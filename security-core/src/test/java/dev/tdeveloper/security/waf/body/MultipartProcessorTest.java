package dev.tdeveloper.security.waf.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartProcessorTest {
  static final String CT = "multipart/form-data; boundary=0000";
  static final BodyProcessor MULTIPART =
      BodyProcessors.defaults().byName("MULTIPART").orElseThrow();

  /** Lines joined with CRLF, each line ended, as a browser sends them. */
  static byte[] crlf(String... lines) {
    return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  static BodyResult parse(byte[] body) {
    return MULTIPART.process(body, CT);
  }

  static final byte[] NORMAL =
      crlf(
          "--0000",
          "Content-Disposition: form-data; name=\"name\"",
          "",
          "Brian Rectanus",
          "--0000",
          "Content-Disposition: form-data; name=\"email\"",
          "",
          "brian.rectanus@breach.com",
          "--0000",
          "Content-Disposition: form-data; name=\"image\"; filename=\"image.jpg\"",
          "Content-Type: image/jpeg",
          "",
          "BINARYDATA",
          "--0000--");

  @Test
  void formFieldsBecomeArgumentsInOrder() {
    BodyResult r = parse(NORMAL);
    assertThat(r.error()).isEmpty();
    assertThat(r.args())
        .containsExactly(
            new Arg("name", "Brian Rectanus"), new Arg("email", "brian.rectanus@breach.com"));
  }

  @Test
  void filePartsGiveNameFilenameSizeAndHeadersButNoArgument() {
    BodyResult r = parse(NORMAL);
    assertThat(r.files())
        .containsExactly(
            new FilePart(
                "image",
                "image.jpg",
                10,
                List.of(
                    "Content-Disposition: form-data; name=\"image\"; filename=\"image.jpg\"",
                    "Content-Type: image/jpeg")));
    assertThat(r.args()).extracting(Arg::name).doesNotContain("image");
  }

  @Test
  void aCleanBodyRaisesNoFlag() {
    assertThat(parse(NORMAL).flags())
        .hasSize(14)
        .allSatisfy((name, value) -> assertThat(value).as(name).isZero());
  }

  @Test
  void partHeadersAreKeyedByPartNameForEveryPart() {
    assertThat(parse(NORMAL).collection("MULTIPART_PART_HEADERS"))
        .containsExactly(
            new Arg("name", "Content-Disposition: form-data; name=\"name\""),
            new Arg("email", "Content-Disposition: form-data; name=\"email\""),
            new Arg(
                "image", "Content-Disposition: form-data; name=\"image\"; filename=\"image.jpg\""),
            new Arg("image", "Content-Type: image/jpeg"));
  }

  @Test
  void namesAndFilenamesOfContentDispositionAreCollected() {
    BodyResult r = parse(NORMAL);
    assertThat(r.collection("MULTIPART_NAME"))
        .containsExactly(
            new Arg("name", "name"), new Arg("email", "email"), new Arg("image", "image"));
    assertThat(r.collection("MULTIPART_FILENAME"))
        .containsExactly(new Arg("image.jpg", "image.jpg"));
  }

  @Test
  void valueKeepsInnerLineBreaksAndDropsOnlyTheOneBeforeTheBoundary() {
    BodyResult r =
        parse(
            crlf(
                "--0000",
                "Content-Disposition: form-data; name=\"text\"",
                "",
                "line one",
                "",
                "line three",
                "--0000--"));
    assertThat(r.args()).containsExactly(new Arg("text", "line one\r\n\r\nline three"));
  }

  @Test
  void emptyValueAndEmptyFileAreKept() {
    BodyResult r =
        parse(
            crlf(
                "--0000",
                "Content-Disposition: form-data; name=\"a\"",
                "",
                "",
                "--0000",
                "Content-Disposition: form-data; name=\"f\"; filename=\"e.txt\"",
                "",
                "",
                "--0000--"));
    assertThat(r.args()).containsExactly(new Arg("a", ""));
    assertThat(r.files()).extracting(FilePart::size).containsExactly(0L);
  }

  @Test
  void anEmptyFilenameMakesAFormField() {
    BodyResult r =
        parse(
            crlf(
                "--0000",
                "Content-Disposition: form-data; name=\"upload\"; filename=\"\"",
                "",
                "x",
                "--0000--"));
    assertThat(r.files()).isEmpty();
    assertThat(r.args()).containsExactly(new Arg("upload", "x"));
  }

  @Test
  void bytesAndUnicodeArriveAsByteStrings() {
    byte[] head = crlf("--0000", "Content-Disposition: form-data; name=\"t\"", "");
    byte[] value = "żółć \u0000\u00ff".getBytes(StandardCharsets.UTF_8);
    byte[] tail = crlf("", "--0000--");
    byte[] body = concat(head, value, tail);
    BodyResult r = parse(body);
    assertThat(r.error()).isEmpty();
    assertThat(r.args())
        .containsExactly(new Arg("t", new String(value, StandardCharsets.ISO_8859_1)));
  }

  @Test
  void finalBoundaryWithoutLineEndingIsAccepted() {
    byte[] body = Arrays.copyOf(NORMAL, NORMAL.length - 2);
    BodyResult r = parse(body);
    assertThat(r.error()).isEmpty();
    assertThat(r.flags()).containsEntry("MULTIPART_STRICT_ERROR", 0);
    assertThat(r.files()).hasSize(1);
  }

  @Test
  void aHugeFileIsCountedNotKept() {
    byte[] content = new byte[4 * 1024 * 1024];
    Arrays.fill(content, (byte) 'A');
    byte[] body =
        concat(
            crlf("--0000", "Content-Disposition: form-data; name=\"f\"; filename=\"big.bin\"", ""),
            content,
            crlf("", "--0000--"));
    BodyResult r = parse(body);
    assertThat(r.error()).isEmpty();
    assertThat(r.files()).extracting(FilePart::size).containsExactly((long) content.length);
  }

  @Test
  void manyPartsAreAllRead() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      b.append("--0000\r\nContent-Disposition: form-data; name=\"f")
          .append(i)
          .append("\"\r\n\r\nv")
          .append(i)
          .append("\r\n");
    }
    b.append("--0000--\r\n");
    BodyResult r = parse(b.toString().getBytes(StandardCharsets.ISO_8859_1));
    assertThat(r.args()).hasSize(5000).last().isEqualTo(new Arg("f4999", "v4999"));
  }

  @Test
  void anEmptyBodyHasNoPartsAndNoError() {
    BodyResult r = parse(new byte[0]);
    assertThat(r.error()).isEmpty();
    assertThat(r.args()).isEmpty();
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
