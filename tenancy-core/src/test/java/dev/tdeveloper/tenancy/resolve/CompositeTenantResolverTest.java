package dev.tdeveloper.tenancy.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.resolve.CompositeTenantResolver.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompositeTenantResolverTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId EVIL = TenantId.of("evil");

  private final SubdomainTenantResolver subdomain = SubdomainTenantResolver.of("example.com");
  private final HeaderTenantResolver header = HeaderTenantResolver.of();
  private final ClaimTenantResolver claim = ClaimTenantResolver.of();

  private static RequestView request(String host, String headerValue, String claimValue) {
    RequestView.Builder builder = RequestView.builder().host(host);
    if (headerValue != null) {
      builder.header("X-Tenant-Id", headerValue);
    }
    if (claimValue != null) {
      builder.verifiedClaim("tenant_id", claimValue);
    }
    return builder.build();
  }

  private CompositeTenantResolver agreeing(int requireAtLeast) {
    CompositeTenantResolver.Builder builder =
        CompositeTenantResolver.builder(Mode.ALL_MUST_AGREE)
            .add("subdomain", subdomain)
            .add("header", header)
            .add("token", claim);
    return requireAtLeast > 1 ? builder.requireAtLeast(requireAtLeast).build() : builder.build();
  }

  @Test
  void firstMatchTakesTheFirstSourceThatNamesATenantAndSkipsTheRest() {
    List<String> consulted = new ArrayList<>();
    CompositeTenantResolver resolver =
        CompositeTenantResolver.builder(Mode.FIRST_MATCH)
            .add("none", r -> record(consulted, "none", Optional.empty()))
            .add("acme", r -> record(consulted, "acme", Optional.of(ACME)))
            .add("evil", r -> record(consulted, "evil", Optional.of(EVIL)))
            .build();

    assertThat(resolver.resolve(request("", null, null))).contains(ACME);
    assertThat(consulted).containsExactly("none", "acme");
  }

  private static Optional<TenantId> record(
      List<String> consulted, String name, Optional<TenantId> answer) {
    consulted.add(name);
    return answer;
  }

  @Test
  void firstMatchNamesNoTenantWhenNoSourceDoes() {
    CompositeTenantResolver resolver =
        CompositeTenantResolver.builder(Mode.FIRST_MATCH)
            .add("subdomain", subdomain)
            .add("header", header)
            .build();

    assertThat(resolver.resolve(request("example.com", null, null))).isEmpty();
    assertThat(resolver.resolve(request("example.com", "acme", null))).contains(ACME);
  }

  @Test
  void aMalformedSignalFailsEvenWhenAnEarlierSourceMatchedNothing() {
    CompositeTenantResolver resolver =
        CompositeTenantResolver.builder(Mode.FIRST_MATCH)
            .add("subdomain", subdomain)
            .add("header", header)
            .build();

    assertThatThrownBy(() -> resolver.resolve(request("example.com", "../evil", null)))
        .isInstanceOf(TenantResolutionException.class)
        .hasMessageStartingWith("header X-Tenant-Id");
  }

  @Test
  void allMustAgreeReturnsTheAgreedTenant() {
    assertThat(agreeing(1).resolve(request("acme.example.com", "acme", "acme"))).contains(ACME);
    assertThat(agreeing(1).resolve(request("acme.example.com", null, "acme"))).contains(ACME);
    assertThat(agreeing(1).resolve(request("example.com", null, null))).isEmpty();
  }

  @Test
  void spoofedHeaderRaisesMismatchNamingEverySourceInOrder() {
    RequestView spoofed = request("acme.example.com", "evil", "acme");

    assertThatThrownBy(() -> agreeing(1).resolve(spoofed))
        .isInstanceOfSatisfying(
            TenantMismatchException.class,
            e -> {
              assertThat(e.bySource())
                  .containsExactly(
                      Map.entry("subdomain", ACME),
                      Map.entry("header", EVIL),
                      Map.entry("token", ACME));
              assertThat(e.getMessage()).contains("subdomain=acme, header=evil, token=acme");
            });
  }

  @Test
  void requireAtLeastRefusesTooFewSignalsButNotNone() {
    CompositeTenantResolver resolver = agreeing(2);

    assertThat(resolver.resolve(request("acme.example.com", null, "acme"))).contains(ACME);
    assertThat(resolver.resolve(request("example.com", null, null))).isEmpty();
    assertThatThrownBy(() -> resolver.resolve(request("acme.example.com", null, null)))
        .isInstanceOf(TenantResolutionException.class)
        .isNotInstanceOf(TenantMismatchException.class)
        .hasMessageContaining("only 1 of the 2 required")
        .hasMessageContaining("{subdomain=acme}");
  }

  @Test
  void rejectsBadConfigurationAtBuild() {
    assertThatThrownBy(() -> CompositeTenantResolver.builder(Mode.FIRST_MATCH).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no tenant source");
    assertThatThrownBy(
            () ->
                CompositeTenantResolver.builder(Mode.FIRST_MATCH)
                    .add("header", header)
                    .add("header", claim))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'header' is used twice");
    assertThatThrownBy(() -> CompositeTenantResolver.builder(Mode.FIRST_MATCH).add(" ", header))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                CompositeTenantResolver.builder(Mode.ALL_MUST_AGREE)
                    .add("header", header)
                    .requireAtLeast(2)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only 1 sources");
    assertThatThrownBy(
            () ->
                CompositeTenantResolver.builder(Mode.FIRST_MATCH)
                    .add("header", header)
                    .requireAtLeast(1)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ALL_MUST_AGREE");
    assertThatThrownBy(() -> CompositeTenantResolver.builder(Mode.ALL_MUST_AGREE).requireAtLeast(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CompositeTenantResolver.builder(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("mode");
  }

  @Test
  void exposesItsConfiguration() {
    CompositeTenantResolver resolver = agreeing(1);

    assertThat(resolver.mode()).isEqualTo(Mode.ALL_MUST_AGREE);
    assertThat(resolver.sourceNames()).containsExactly("subdomain", "header", "token");
  }

  @Test
  void refusesARepeatedHeaderEvenWhenItsFirstValueAgreesWithTheSubdomain() {
    RequestView request =
        RequestView.builder()
            .host("acme.example.com")
            .header("X-Tenant-Id", "acme")
            .header("X-Tenant-Id", "evil")
            .build();

    assertThatThrownBy(() -> agreeing(1).resolve(request))
        .isInstanceOf(TenantResolutionException.class)
        .hasMessageContaining("repeated with different tenants");
  }
}
