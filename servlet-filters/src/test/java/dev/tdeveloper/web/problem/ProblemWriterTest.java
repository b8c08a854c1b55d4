package dev.tdeveloper.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ProblemWriterTest {
  private static final URI TYPE = ProblemDetails.typeOf("rate-limited");

  private static String json(ProblemWriter writer, ProblemDetails problem) {
    return new String(writer.toJson(problem), StandardCharsets.UTF_8);
  }

  @Test
  void writesStandardMembersFirstAndOmitsAbsentOnes() {
    ProblemDetails problem = ProblemDetails.of(TYPE, "Too many requests", 429);

    assertThat(json(ProblemWriter.create(), problem))
        .isEqualTo(
            "{\"type\":\"https://tdeveloper.dev/problems/rate-limited\","
                + "\"title\":\"Too many requests\",\"status\":429}");
  }

  @Test
  void writesDetailInstanceAndExtensionsInOrder() {
    ProblemDetails problem =
        ProblemDetails.of(TYPE, "Too many requests", 429)
            .withExtension("retryAfterSeconds", 3)
            .withDetail("limit \"api\" exhausted")
            .withInstance(URI.create("urn:request:42"))
            .withExtension("limits", List.of(new TreeMap<>(Map.of("name", "api", "remaining", 0))));

    assertThat(json(ProblemWriter.create(), problem))
        .isEqualTo(
            "{\"type\":\"https://tdeveloper.dev/problems/rate-limited\","
                + "\"title\":\"Too many requests\",\"status\":429,"
                + "\"detail\":\"limit \\\"api\\\" exhausted\",\"instance\":\"urn:request:42\","
                + "\"retryAfterSeconds\":3,"
                + "\"limits\":[{\"name\":\"api\",\"remaining\":0}]}");
  }

  @Test
  void usesTheGivenMapper() {
    ObjectMapper indenting = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    assertThat(json(ProblemWriter.using(indenting), ProblemDetails.of(TYPE, "Too many", 429)))
        .contains("\n  \"status\" : 429");
  }
}
