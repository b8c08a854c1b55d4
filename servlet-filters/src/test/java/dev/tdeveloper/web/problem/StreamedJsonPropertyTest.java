package dev.tdeveloper.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The writer's streamed rendering answers exactly the bytes the mapper writes for a map. */
class StreamedJsonPropertyTest {
  private static final ProblemWriter WRITER = ProblemWriter.create();
  private static final Pattern MEMBER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{2,}");

  private static Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(40),
        Arbitraries.strings()
            .withChars("ab '\"\\/\u0000\u0001\b\t\n\f\r\u001f\u007f\u00e9\u20ac")
            .ofMinLength(1)
            .ofMaxLength(12),
        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(8));
  }

  private static Arbitrary<Object> values() {
    return Arbitraries.oneOf(
        texts().map(t -> (Object) t),
        Arbitraries.longs().map(v -> (Object) v),
        Arbitraries.integers().map(v -> (Object) v),
        Arbitraries.shorts().map(v -> (Object) v),
        Arbitraries.bytes().map(v -> (Object) v),
        Arbitraries.of(true, false).map(v -> (Object) v),
        Arbitraries.doubles().map(v -> (Object) v),
        Arbitraries.longs().list().ofMaxSize(3).map(v -> (Object) v),
        texts().list().ofMaxSize(3).map(v -> (Object) v),
        Arbitraries.doubles().list().ofMinSize(1).ofMaxSize(2).map(v -> (Object) v),
        Arbitraries.maps(Arbitraries.of("a", "b"), Arbitraries.integers()).map(v -> (Object) v));
  }

  @Provide
  Arbitrary<ProblemDetails> problems() {
    Arbitrary<Map<String, Object>> extensions =
        Arbitraries.maps(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(8),
                values())
            .ofMaxSize(3)
            .map(LinkedHashMap::new);
    return Combinators.combine(
            Arbitraries.of(
                "https://tdeveloper.dev/problems/rate-limited",
                "about:blank",
                "urn:x-%C3%A9:caf%22e"),
            texts().filter(t -> !t.isBlank() && t.length() <= 200),
            Arbitraries.integers().between(400, 599),
            texts().optional(),
            Arbitraries.of("/notes/1", "urn:occ:%E2%82%AC", "https://x.test/a?b=c").optional(),
            extensions)
        .as(
            (type, title, status, detail, instance, ext) ->
                new ProblemDetails(
                    URI.create(type), title, status, detail, instance.map(URI::create), ext));
  }

  @Property(tries = 2000)
  void theStreamedPathWritesWhatTheMapperWrites(@ForAll("problems") ProblemDetails problem) {
    assertThat(new String(WRITER.toJson(problem), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(new String(WRITER.jackson(problem), java.nio.charset.StandardCharsets.UTF_8));
    assertThat(WRITER.toJson(problem)).isEqualTo(WRITER.jackson(problem));
  }

  @Example
  void theRefusalShapesAreWrittenAsTheMapperWritesThem() {
    ProblemDetails limited =
        ProblemDetails.of(ProblemDetails.typeOf("rate-limited"), "Rate limit exceeded", 429)
            .withDetail("the request rate of tenant 'acme' is over its limit; retry in 3 s")
            .withExtension("retryAfterSeconds", 3L);
    assertThat(WRITER.toJson(limited)).isEqualTo(WRITER.jackson(limited));
    assertThat(new String(WRITER.toJson(limited), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"type\":\"https://tdeveloper.dev/problems/rate-limited\",\"title\":\"Rate limit"
                + " exceeded\",\"status\":429,\"detail\":\"the request rate of tenant 'acme' is"
                + " over its limit; retry in 3 s\",\"retryAfterSeconds\":3}");
    ProblemDetails other =
        new ProblemDetails(
            URI.create("about:blank"),
            "T\u00e9",
            400,
            Optional.empty(),
            Optional.empty(),
            Map.of("items", List.of(1, 2)));
    assertThat(WRITER.toJson(other)).isEqualTo(WRITER.jackson(other));
    ProblemDetails listed = limited.withExtension("matchedRuleIds", List.of(942100, 949110));
    assertThat(WRITER.toJson(listed)).isEqualTo(WRITER.jackson(listed));
  }

  @Property(tries = 2000)
  void memberNamesAreCheckedAsTheRegexChecksThem(@ForAll("names") String name) {
    assertThat(ProblemDetails.isMemberName(name)).isEqualTo(MEMBER_NAME.matcher(name).matches());
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("aZ09_-. \u00e9\u0130").ofMaxLength(6),
        Arbitraries.strings().ascii().ofMaxLength(6),
        Arbitraries.of("retryAfterSeconds", "ab", "abc", "_ab", "1ab", "a_1", "a1_"));
  }
}
