package dev.tdeveloper.distribution.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EdgeCachePolicyTest {
  private static final TenantId ACME = TenantId.of("acme");
  private final EdgeCachePolicy policy =
      EdgeCachePolicy.builder(ACME)
          .override("asset", CacheRule.shared(Duration.ofDays(1), Duration.ofDays(7)))
          .override("profile", CacheRule.privateOnly(Duration.ofSeconds(30)))
          .personalised("inbox")
          .build();

  @Test
  void publicResponseGetsTheDefaultDirectives() {
    CacheDirectives d = policy.directives(EdgeResponse.get("/notes/42", "note", "42"));
    assertThat(d.cacheControl())
        .isEqualTo(
            "public, max-age=60, s-maxage=300, stale-while-revalidate=30, stale-if-error=86400");
    assertThat(d.surrogateKey()).isEqualTo("t-acme t-acme.note t-acme.note.42");
    assertThat(d.vary()).isEqualTo("X-Tenant-Id");
    assertThat(d.cacheKey()).isEqualTo("acme:GET:/notes/42");
    assertThat(d.shared()).isTrue();
    assertThat(d.sharedTtl()).isEqualTo(Duration.ofSeconds(300));
  }

  @Test
  void resourceTypeOverrideApplies() {
    CacheDirectives d = policy.directives(EdgeResponse.get("/assets/app.js", "asset", "app.js"));
    assertThat(d.cacheControl()).isEqualTo("public, max-age=86400, s-maxage=604800");
    assertThat(d.surrogateKeys()).contains("t-acme.asset.app%2Ejs");
  }

  @Test
  void personalisedTypesAreNeverShared() {
    assertThat(policy.directives(EdgeResponse.get("/inbox", "inbox")).cacheControl())
        .isEqualTo("private, no-store");
    CacheDirectives profile = policy.directives(EdgeResponse.get("/me", "profile"));
    assertThat(profile.cacheControl()).isEqualTo("private, max-age=30");
    assertThat(profile.shared()).isFalse();
    assertThat(profile.sharedTtl()).isZero();
  }

  @Test
  void setCookieIsNeverSharedCacheable() {
    CacheDirectives d =
        policy.directives(EdgeResponse.get("/notes/42", "note", "42").withSetCookie());
    assertThat(d.cacheControl()).isEqualTo("private, max-age=60");
    assertThat(d.shared()).isFalse();
  }

  @Test
  void authorizationDependentContentIsNeverSharedCacheable() {
    CacheDirectives d =
        policy.directives(EdgeResponse.get("/notes/42", "note", "42").withAuthorizationDependent());
    assertThat(d.cacheControl()).startsWith("private");
    assertThat(d.shared()).isFalse();
  }

  @Test
  void onlyGetAndHeadWithCacheableStatusesAreCached() {
    EdgeResponse note = EdgeResponse.get("/notes/42", "note", "42");
    assertThat(policy.directives(note.withMethod("POST")).cacheControl()).isEqualTo("no-store");
    assertThat(policy.directives(note.withStatus(500)).cacheControl()).isEqualTo("no-store");
    assertThat(policy.directives(note.withStatus(302)).shared()).isFalse();
    assertThat(policy.directives(note.withStatus(404)).shared()).isTrue();
    CacheDirectives head = policy.directives(note.withMethod("HEAD"));
    assertThat(head.shared()).isTrue();
    assertThat(head.cacheKey()).isEqualTo("acme:HEAD:/notes/42");
  }

  @Test
  void varyAlwaysNamesTheTenantHeaderOnce() {
    EdgeCachePolicy custom =
        EdgeCachePolicy.builder(ACME).tenantHeader("X-Org").staleIfError(Duration.ZERO).build();
    CacheDirectives d =
        custom.directives(
            EdgeResponse.get("/n", "note").withVary("Accept-Language", "x-org", "Accept-Language"));
    assertThat(d.vary()).isEqualTo("X-Org, Accept-Language");
    assertThat(d.cacheControl()).doesNotContain("stale-if-error");
  }

  @Test
  void zeroSharedMaxAgeIsNotStoredByASharedCache() {
    EdgeCachePolicy p = EdgeCachePolicy.builder(ACME).sharedMaxAge(Duration.ZERO).build();
    CacheDirectives d = p.directives(EdgeResponse.get("/n", "note"));
    assertThat(d.cacheControl()).contains("s-maxage=0");
    assertThat(d.shared()).isFalse();
  }

  @Test
  void sameUrlOfTwoTenantsHasDifferentKeys() {
    EdgeCachePolicy globex = EdgeCachePolicy.builder(TenantId.of("globex")).build();
    EdgeResponse r = EdgeResponse.get("/notes/42", "note", "42");
    assertThat(policy.directives(r).cacheKey()).isNotEqualTo(globex.directives(r).cacheKey());
    assertThat(policy.directives(r).surrogateKeys())
        .doesNotContainAnyElementsOf(globex.directives(r).surrogateKeys());
  }

  @Test
  void builderValidates() {
    assertThatThrownBy(() -> EdgeCachePolicy.builder(ACME).maxAge(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxAge is PT-1S");
    assertThatThrownBy(() -> EdgeCachePolicy.builder(ACME).maxAge(Duration.ofDays(400)))
        .hasMessageContaining("one year");
    assertThatThrownBy(
            () -> EdgeCachePolicy.builder(ACME).maxAge(Duration.ZERO).maxAge(Duration.ZERO))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                EdgeCachePolicy.builder(ACME)
                    .personalised("inbox")
                    .override("inbox", CacheRule.noStore()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'inbox' already has a rule");
    assertThatThrownBy(() -> EdgeCachePolicy.builder(ACME).personalised("Inbox"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EdgeCachePolicy.builder(ACME).tenantHeader("X Tenant"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EdgeResponse.get("notes", "note")).hasMessageContaining("target");
  }
}
