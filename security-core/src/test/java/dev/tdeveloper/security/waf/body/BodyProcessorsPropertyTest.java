package dev.tdeveloper.security.waf.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Whatever the bytes, a processor answers with a result, never an exception. */
class BodyProcessorsPropertyTest {
  private static final BodyProcessors PROCESSORS = BodyProcessors.defaults();
  private static final List<String> NAMES = List.of("URLENCODED", "MULTIPART", "JSON", "XML");

  @Property(tries = 400)
  void arbitraryBytesNeverThrow(
      @ForAll @Size(max = 600) byte[] body,
      @ForAll("contentTypes") String contentType,
      @ForAll("names") String name) {
    BodyResult r = PROCESSORS.byName(name).orElseThrow().process(body, contentType);
    assertThat(r).isNotNull();
  }

  @Property(tries = 600)
  void multipartFromFragmentsNeverThrowsAndEveryErrorIsAStrictError(
      @ForAll("multipartBodies") String body) {
    BodyResult r =
        PROCESSORS
            .byName("MULTIPART")
            .orElseThrow()
            .process(body.getBytes(StandardCharsets.ISO_8859_1), MultipartProcessorTest.CT);
    if (r.error().isPresent()) {
      assertThat(r.flags()).containsEntry("MULTIPART_STRICT_ERROR", 1);
    }
    assertThat(r.flags()).hasSize(14);
  }

  @Property(tries = 600)
  void jsonFromFragmentsNeverThrowsAndNamesStartWithJson(@ForAll("jsonBodies") String body) {
    BodyResult r =
        PROCESSORS
            .byName("JSON")
            .orElseThrow()
            .process(body.getBytes(StandardCharsets.UTF_8), "application/json");
    assertThat(r.args()).allSatisfy(a -> assertThat(a.name()).startsWith("json"));
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.of(NAMES);
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.of(
        "",
        "multipart/form-data; boundary=0000",
        "multipart/form-data; boundary=\"a\"",
        "multipart/form-data",
        "application/json",
        "text/xml",
        "\u0000\u00ff");
  }

  @Provide
  Arbitrary<String> multipartBodies() {
    return Arbitraries.of(
            "--0000",
            "--0000--",
            "\r\n",
            "\n",
            "\r",
            "Content-Disposition: form-data; name=\"a\"",
            "Content-Disposition: form-data; name=b; filename=\"f\"",
            "Content-Type: text/plain",
            "; name='q'",
            " ",
            "\t",
            "\u000b",
            "\u0000",
            "--",
            "-- 0000",
            "\"",
            "\\",
            ":",
            "x")
        .list()
        .ofMaxSize(40)
        .map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<String> jsonBodies() {
    return Arbitraries.of(
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"k\"",
            "\"\"",
            "1",
            "-2.5e3",
            "true",
            "null",
            " ",
            "\"\\u0000\"",
            "\"\\ud800\"",
            "/",
            "'")
        .list()
        .ofMaxSize(40)
        .map(parts -> String.join("", parts));
  }
}
