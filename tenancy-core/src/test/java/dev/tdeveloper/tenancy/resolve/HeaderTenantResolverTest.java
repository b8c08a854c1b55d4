package dev.tdeveloper.tenancy.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderTenantResolverTest {
  private final HeaderTenantResolver resolver = HeaderTenantResolver.of();

  private static Optional<TenantId> resolve(TenantResolver resolver, String name, String value) {
    return resolver.resolve(RequestView.builder().header(name, value).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"acme", " acme", "acme ", "\tacme\t", "  acme  "})
  void readsTheDefaultHeaderIgnoringSurroundingSpaces(String value) {
    assertThat(resolve(resolver, "X-Tenant-Id", value)).contains(TenantId.of("acme"));
    assertThat(resolve(resolver, "x-tenant-id", value)).contains(TenantId.of("acme"));
  }

  @Test
  void namesNoTenantWhenTheHeaderIsAbsent() {
    assertThat(resolve(resolver, "X-Other", "acme")).isEmpty();
  }

  @Test
  void readsAConfiguredHeader() {
    HeaderTenantResolver custom = HeaderTenantResolver.of("X-Org");

    assertThat(resolve(custom, "x-org", "acme")).contains(TenantId.of("acme"));
    assertThat(resolve(custom, "X-Tenant-Id", "acme")).isEmpty();
    assertThat(custom.headerName()).isEqualTo("X-Org");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "ACME",
        "acme corp",
        "..",
        "%2e%2e",
        "%61cme",
        "acme/..",
        "\u0430cme",
        "\uff41cme",
        "acme\u0000",
        "\u0000acme",
        "acme\r\n",
        "acme\u000b",
        "acme.example.com",
        "-acme",
        ",acme",
        "acme,"
      })
  void refusesInvalidValuesLoudly(String value) {
    assertThatThrownBy(() -> resolve(resolver, "X-Tenant-Id", value))
        .isInstanceOf(TenantResolutionException.class)
        .hasMessageStartingWith("header X-Tenant-Id: ")
        .hasMessageContaining("is not a valid tenant id")
        .hasMessageNotContaining("\u0000");
  }

  @Test
  void givesATruncatedMessageForA10KbValue() {
    String huge = "a".repeat(10 * 1024);

    assertThatThrownBy(() -> resolve(resolver, "X-Tenant-Id", huge))
        .isInstanceOf(TenantResolutionException.class)
        .hasMessageContaining("(10240 characters)")
        .hasMessageContaining("it is 10240 characters long")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
  }

  @Test
  void namesTheOffendingCharacter() {
    assertThatThrownBy(() -> resolve(resolver, "X-Tenant-Id", "Acme"))
        .hasMessageContaining("'Acme'")
        .hasMessageContaining("character 'A' at index 0 is upper case");
    assertThatThrownBy(() -> resolve(resolver, "X-Tenant-Id", "ac\u0000me"))
        .hasMessageContaining("'ac\\u0000me'")
        .hasMessageContaining("U+0000 at index 2");
  }

  @Test
  void refusesTheHeaderRepeatedWithDifferentTenants() {
    RequestView request =
        RequestView.builder().header("X-Tenant-Id", "globex").header("x-tenant-id", "acme").build();

    assertThatThrownBy(() -> resolver.resolve(request))
        .isInstanceOf(TenantResolutionException.class)
        .hasMessage(
            "header X-Tenant-Id is repeated with different tenants: 'globex' and 'acme' (a"
                + " repeated tenant signal is accepted only when every value is the same)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"globex,acme", "globex, acme", "acme ,\tglobex", "acme,acme,globex"})
  void refusesCommaSeparatedDifferentTenantsInOneLine(String value) {
    assertThatThrownBy(() -> resolve(resolver, "X-Tenant-Id", value))
        .isInstanceOf(TenantResolutionException.class)
        .hasMessageContaining("is repeated with different tenants");
  }

  @Test
  void refusesARepeatedHeaderWhoseLaterValueIsMalformed() {
    RequestView request =
        RequestView.builder()
            .header("X-Tenant-Id", "acme")
            .header("X-Tenant-Id", "AC\u0000ME")
            .build();

    assertThatThrownBy(() -> resolver.resolve(request))
        .isInstanceOf(TenantResolutionException.class)
        .hasMessageContaining("is not a valid tenant id")
        .hasMessageNotContaining("\u0000ME'");
  }

  @Test
  void acceptsARepeatedHeaderWhenEveryValueIsTheSameTenant() {
    RequestView twoLines =
        RequestView.builder()
            .header("X-Tenant-Id", "acme")
            .header("X-Tenant-Id", " acme\t")
            .build();

    assertThat(resolver.resolve(twoLines)).contains(TenantId.of("acme"));
    assertThat(resolve(resolver, "X-Tenant-Id", "acme, acme")).contains(TenantId.of("acme"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "X Tenant", "X-Tenant:", "X-T\u00e9nant", "X-Tenant\n"})
  void refusesHeaderNamesThatAreNotTokens(String name) {
    assertThatThrownBy(() -> HeaderTenantResolver.of(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("headerName");
  }

  @Test
  void refusesNullHeaderName() {
    assertThatThrownBy(() -> HeaderTenantResolver.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("headerName");
  }
}
