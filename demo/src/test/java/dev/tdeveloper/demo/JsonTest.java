package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.web.problem.ProblemDetails;
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
  void refusesABadSlugEveryTime() {
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> Json.typeOf("Not A Slug"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
