package dev.tdeveloper.web.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.resolve.TenantResolver;
import dev.tdeveloper.web.internal.SafeText;
import dev.tdeveloper.web.problem.ProblemWriter;
import dev.tdeveloper.web.testing.MapTenantRegistry;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantFilterBuilderTest {
  private static final TenantResolver NONE = request -> Optional.empty();

  @Test
  void requiresResolverAndRegistry() {
    assertThatThrownBy(() -> TenantFilter.builder().registry(new MapTenantRegistry()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("resolver is required");
    assertThatThrownBy(() -> TenantFilter.builder().resolver(NONE).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("registry is required");
  }

  @Test
  void refusesSettingASingleValuedOptionTwice() {
    TenantFilterBuilder builder =
        TenantFilter.builder()
            .resolver(NONE)
            .registry(new MapTenantRegistry())
            .problemWriter(ProblemWriter.create());

    assertThatThrownBy(() -> builder.resolver(NONE)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builder.registry(new MapTenantRegistry()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builder.problemWriter(ProblemWriter.create()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesNullArgumentsNamingThem() {
    TenantFilterBuilder builder = TenantFilter.builder();

    assertThatThrownBy(() -> builder.resolver(null)).hasMessage("resolver");
    assertThatThrownBy(() -> builder.registry(null)).hasMessage("registry");
    assertThatThrownBy(() -> builder.listener(null)).hasMessage("listener");
    assertThatThrownBy(() -> builder.excludePathPrefix(null)).hasMessage("prefix");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "health",
        "/",
        "//",
        "/a//b",
        "/a/../b",
        "/..",
        "/a/.",
        "/%2e",
        "/a?b",
        "/a#b",
        "/a b",
        "/caf\u00e9"
      })
  void refusesPrefixesThatAreNotPlainSegments(String prefix) {
    assertThatThrownBy(() -> TenantFilter.builder().excludePathPrefix(prefix))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("excluded path prefix")
        .hasMessageContaining(SafeText.quote(prefix));
  }

  @Test
  void normalizesTrailingSlashAndDuplicates() {
    TenantFilter filter =
        TenantFilter.builder()
            .resolver(NONE)
            .registry(new MapTenantRegistry())
            .excludePathPrefixes("/metrics/", "/health", "/health/")
            .build();

    assertThat(filter.excludedPathPrefixes()).containsExactly("/health", "/metrics");
  }

  @Test
  void aRejectedPrefixLeavesTheOthersUnchanged() {
    TenantFilterBuilder builder =
        TenantFilter.builder().resolver(NONE).registry(new MapTenantRegistry());
    builder.excludePathPrefix("/health");

    assertThatThrownBy(() -> builder.excludePathPrefixes("/metrics", "/../admin"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(builder.build().excludedPathPrefixes()).containsExactly("/health");
  }

  @Test
  void builtFilterIgnoresLaterBuilderChanges() {
    TenantFilterBuilder builder =
        TenantFilter.builder().resolver(NONE).registry(new MapTenantRegistry());
    TenantFilter filter = builder.build();

    builder.excludePathPrefix("/health");

    assertThat(filter.excludedPathPrefixes()).isEmpty();
  }
}
