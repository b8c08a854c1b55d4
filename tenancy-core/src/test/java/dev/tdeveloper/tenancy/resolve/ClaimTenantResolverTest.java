package dev.tdeveloper.tenancy.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimTenantResolverTest {
  @Test
  void readsTheDefaultVerifiedClaim() {
    RequestView request = RequestView.builder().verifiedClaim("tenant_id", "acme").build();

    assertThat(ClaimTenantResolver.of().resolve(request)).contains(TenantId.of("acme"));
  }

  @Test
  void readsAConfiguredClaimOnly() {
    ClaimTenantResolver resolver = ClaimTenantResolver.of("https://example.com/org");
    RequestView request =
        RequestView.builder()
            .verifiedClaim("tenant_id", "other")
            .verifiedClaim("https://example.com/org", "acme")
            .build();

    assertThat(resolver.resolve(request)).contains(TenantId.of("acme"));
    assertThat(resolver.claimName()).isEqualTo("https://example.com/org");
  }

  @Test
  void namesNoTenantWithoutTheClaimEvenIfAHeaderCarriesIt() {
    RequestView request = RequestView.builder().header("tenant_id", "acme").build();

    assertThat(ClaimTenantResolver.of().resolve(request)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " acme", "ACME", "..", "%2e", "\u0430cme", "acme\u0000"})
  void refusesInvalidClaimValues(String value) {
    RequestView request = RequestView.builder().verifiedClaim("tenant_id", value).build();

    assertThatThrownBy(() -> ClaimTenantResolver.of().resolve(request))
        .isInstanceOf(TenantResolutionException.class)
        .hasMessageStartingWith("verified claim tenant_id: ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "tenant\nid"})
  void refusesBadClaimNames(String name) {
    assertThatThrownBy(() -> ClaimTenantResolver.of(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("claimName");
  }
}
