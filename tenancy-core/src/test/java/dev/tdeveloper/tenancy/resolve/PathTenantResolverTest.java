package dev.tdeveloper.tenancy.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathTenantResolverTest {
  private final PathTenantResolver resolver = PathTenantResolver.withPrefix("/t/");

  private static Optional<TenantId> resolve(TenantResolver resolver, String path) {
    return resolver.resolve(RequestView.builder().path(path).build());
  }

  private Optional<TenantId> resolve(String path) {
    return resolve(resolver, path);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/t/acme",
        "/t/acme/",
        "/t/acme/notes",
        "/t/acme/notes/42",
        "/t/acme/notes/.hidden",
        "/t/acme/a..b/c",
        "/t/acme/notes;v=1/x"
      })
  void readsTheSegmentAfterThePrefix(String path) {
    assertThat(resolve(path)).contains(TenantId.of("acme"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/t", "/tenants/acme", "/x/t/acme", "/T/acme", "t/acme", ""})
  void namesNoTenantOutsideThePrefix(String path) {
    assertThat(resolve(path)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/t/",
        "/t//acme",
        "/t/./acme",
        "/t/../acme",
        "/t/..",
        "/t/%2e%2e/admin",
        "/t/%2E%2E",
        "/t/%61cme/notes",
        "/t/acme%2fother",
        "/t/acme%00",
        "/t/ac\\me",
        "/t/..\\admin",
        "/t/ACME",
        "/t/acme;jsessionid=1",
        "/t/acme.example",
        "/t/ acme",
        "/t/acme\u0000/notes",
        "/t/\u0430cme"
      })
  void refusesTrickyTenantSegmentsLoudly(String path) {
    assertThatThrownBy(() -> resolve(path))
        .isInstanceOf(TenantResolutionException.class)
        .hasMessageContaining("tenant segment")
        .hasMessageContaining("is not a valid tenant id")
        .hasMessageNotContaining("\u0000");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/t/acme/../other",
        "/t/acme/../../t/other/notes",
        "/t/acme/notes/..",
        "/t/acme/%2e%2e/other",
        "/t/acme/.%2E/other",
        "/t/acme/%2e./other",
        "/t/acme/..;x=1/other",
        "/t/acme/notes\\..\\..\\t\\other"
      })
  void refusesPathsThatCouldLeaveTheTenantSubtree(String path) {
    assertThatThrownBy(() -> resolve(path))
        .isInstanceOf(TenantResolutionException.class)
        .hasMessageContaining("after the tenant segment");
  }

  @Test
  void aRootPrefixMakesTheFirstSegmentTheTenant() {
    PathTenantResolver root = PathTenantResolver.withPrefix("/");

    assertThat(resolve(root, "/acme/notes")).contains(TenantId.of("acme"));
    assertThatThrownBy(() -> resolve(root, "/")).isInstanceOf(TenantResolutionException.class);
  }

  @Test
  void acceptsMultiSegmentPrefixes() {
    PathTenantResolver api = PathTenantResolver.withPrefix("/api/v1/tenants/");

    assertThat(resolve(api, "/api/v1/tenants/acme/notes")).contains(TenantId.of("acme"));
    assertThat(resolve(api, "/api/v2/tenants/acme")).isEmpty();
    assertThat(api.prefix()).isEqualTo("/api/v1/tenants/");
  }

  @Test
  void givesATruncatedMessageForAHugeSegment() {
    String path = "/t/" + "a".repeat(10_000);

    assertThatThrownBy(() -> resolve(path))
        .hasMessageContaining("(10003 characters)")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(500));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "t/", "/t", "//", "/t//", "/./", "/../", "/%74/", "/a\\b/", "/a b/"})
  void refusesBadPrefixes(String prefix) {
    assertThatThrownBy(() -> PathTenantResolver.withPrefix(prefix))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prefix");
  }
}
