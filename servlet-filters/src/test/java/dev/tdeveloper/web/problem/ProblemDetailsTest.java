package dev.tdeveloper.web.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProblemDetailsTest {
  private static final URI TYPE = ProblemDetails.typeOf("rate-limited");

  @Test
  void buildsProjectTypeUris() {
    assertThat(TYPE).hasToString("https://tdeveloper.dev/problems/rate-limited");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Rate-Limited", "rate--limited", "-rate", "rate limited", "a/b"})
  void refusesSlugsThatAreNotHyphenatedWords(String slug) {
    assertThatThrownBy(() -> ProblemDetails.typeOf(slug))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + slug + "'");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 200, 399, 600})
  void refusesStatusesOutsideErrors(int status) {
    assertThatThrownBy(() -> ProblemDetails.of(TYPE, "Too many", status))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("status must be 400-599, was " + status);
  }

  @Test
  void refusesRelativeTypesAndBlankTitles() {
    assertThatThrownBy(() -> ProblemDetails.of(URI.create("/problems/x"), "X", 400))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absolute URI");
    assertThatThrownBy(() -> ProblemDetails.of(TYPE, " ", 400))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("title");
    assertThat(ProblemDetails.of(ProblemDetails.ABOUT_BLANK, "Bad Request", 400).type())
        .hasToString("about:blank");
  }

  @ParameterizedTest
  @ValueSource(strings = {"status", "detail", "ab", "1abc", "retry-after"})
  void refusesStandardOrMalformedExtensionNames(String name) {
    ProblemDetails problem = ProblemDetails.of(TYPE, "Too many", 429);

    assertThatThrownBy(() -> problem.withExtension(name, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + name + "'");
  }

  @Test
  void refusesExtensionValuesThatAreNotJsonLike() {
    ProblemDetails problem = ProblemDetails.of(TYPE, "Too many", 429);

    assertThatThrownBy(() -> problem.withExtension("counter", new AtomicLong()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("counter")
        .hasMessageContaining("AtomicLong");
    assertThatThrownBy(() -> problem.withExtension("nested", Map.of(1, "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("string keys");
    assertThatThrownBy(() -> problem.withExtension("listed", List.of(List.of(new Object()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("listed[0][0]");
  }

  @Test
  void copiesExtensionsDeeply() {
    List<Object> limits = new ArrayList<>(List.of(10, 20));
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("limits", limits);
    extensions.put("policy", new StringBuilder("per-tenant"));
    ProblemDetails problem =
        new ProblemDetails(TYPE, "Too many", 429, Optional.empty(), Optional.empty(), extensions);

    limits.add(30);
    extensions.put("later", true);

    assertThat(problem.extensions())
        .containsExactly(Map.entry("limits", List.of(10, 20)), Map.entry("policy", "per-tenant"));
    assertThatThrownBy(() -> problem.extensions().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void withersReturnCopies() {
    ProblemDetails base = ProblemDetails.of(TYPE, "Too many", 429);

    ProblemDetails full =
        base.withDetail("slow down")
            .withInstance(URI.create("urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e"))
            .withExtension("retryAfterSeconds", 3)
            .withExtension("retryAfterSeconds", 5);

    assertThat(base.detail()).isEmpty();
    assertThat(full.detail()).contains("slow down");
    assertThat(full.instance()).isPresent();
    assertThat(full.extensions()).containsExactly(Map.entry("retryAfterSeconds", 5));
  }
}
