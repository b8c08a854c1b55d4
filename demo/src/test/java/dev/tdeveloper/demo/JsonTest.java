package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.web.problem.ProblemDetails;
import dev.tdeveloper.web.problem.ProblemWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Problem types are built once per slug and are the ones {@link ProblemDetails} builds. */
class JsonTest {
  @Test
  void problemTypesAreWhatProblemDetailsBuilds() {
    for (String slug : List.of("not-found", "quota-exceeded", "invalid-note", "x", "a1-b2")) {
      assertThat(Json.typeOf(slug)).isEqualTo(ProblemDetails.typeOf(slug));
      assertThat(Json.typeOf(slug)).as("again").isEqualTo(ProblemDetails.typeOf(slug));
    }
    for (int i = 0; i < 300; i++) { // past the bound, still exact
      assertThat(Json.typeOf("slug-" + i)).isEqualTo(ProblemDetails.typeOf("slug-" + i));
    }
  }

  @Test
  void problemsAreTheBytesTheDemoMapperWrites() {
    ProblemWriter demoMapper = ProblemWriter.using(Json.MAPPER);
    for (String detail :
        List.of("no note 7f3c", "quota of tenant 'acme' reached: 100 notes", "caf\u00e9 \"x\"\n")) {
      ProblemDetails p =
          ProblemDetails.of(Json.typeOf("quota-exceeded"), "Quota exceeded", 429)
              .withDetail(detail)
              .withExtension("limit", 100L)
              .withExtension("retryable", false);
      assertThat(Json.PROBLEMS.toJson(p)).isEqualTo(demoMapper.toJson(p));
    }
  }

  @Test
  void refusesABadSlugEveryTime() {
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> Json.typeOf("Not A Slug"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
