package dev.tdeveloper.tenancy.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubdomainTenantResolverTest {
  private final SubdomainTenantResolver resolver =
      SubdomainTenantResolver.of("example.com", "localhost");

  private static Optional<TenantId> resolve(TenantResolver resolver, String host) {
    return resolver.resolve(RequestView.builder().host(host).build());
  }

  private Optional<TenantId> resolve(String host) {
    return resolve(resolver, host);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "acme.example.com",
        "acme.example.com:8080",
        "acme.example.com:",
        "ACME.Example.COM",
        "acme.example.com.",
        "acme.example.com.:443",
        "acme.localhost",
        "acme.localhost:8080"
      })
  void resolvesTheLabelDirectlyUnderABaseDomain(String host) {
    assertThat(resolve(host)).contains(TenantId.of("acme"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "example.com",
        "EXAMPLE.com.",
        "localhost:8080",
        "acme.example.com.evil.io",
        "evilexample.com",
        "acme.evilexample.com",
        "example.com.evil.io",
        "acme.example.co",
        "127.0.0.1",
        "127.0.0.1:8080",
        "[::1]:8080",
        "[::1]",
        "other.org"
      })
  void namesNoTenantOutsideTheBaseDomainsOrOnTheBaseItself(String host) {
    assertThat(resolve(host)).isEmpty();
  }

  @Test
  void prefersTheMostSpecificBaseDomain() {
    TenantResolver nested = SubdomainTenantResolver.of("example.com", "eu.example.com");

    assertThat(resolve(nested, "acme.eu.example.com")).contains(TenantId.of("acme"));
    assertThat(resolve(nested, "eu.example.com")).isEmpty();
    assertThat(resolve(nested, "eu2.example.com")).contains(TenantId.of("eu2"));
  }

  @Test
  void refusesNestedLabels() {
    assertThatThrownBy(() -> resolve("a.b.example.com"))
        .isInstanceOf(TenantResolutionException.class)
        .hasMessageContaining("'a.b.example.com'")
        .hasMessageContaining("nested labels");
  }

  @ParameterizedTest
  @ValueSource(strings = {"www", "api", "admin", "app", "auth", "login", "mail", "static", "cdn"})
  void refusesDefaultReservedLabels(String label) {
    assertThatThrownBy(() -> resolve(label + ".example.com"))
        .isInstanceOf(TenantResolutionException.class)
        .hasMessageContaining("reserved label '" + label + "'");
  }

  @Test
  void reservedLabelsAreConfigurable() {
    TenantResolver custom =
        SubdomainTenantResolver.builder()
            .baseDomain("example.com")
            .reservedLabels(Set.of("billing"))
            .build();

    assertThat(resolve(custom, "www.example.com")).contains(TenantId.of("www"));
    assertThatThrownBy(() -> resolve(custom, "Billing.example.com"))
        .isInstanceOf(TenantResolutionException.class)
        .hasMessageContaining("reserved label 'billing'");
  }

  @Test
  void cyrillicConfusableNeverEqualsAsciiTenant() {
    String confusable = "\u0430cme.example.com"; // Cyrillic a

    assertThatThrownBy(() -> resolve(confusable))
        .isInstanceOf(TenantResolutionException.class)
        .hasMessageContaining("punycode")
        .hasMessageContaining("\\u0430cme.example.com");
    TenantResolver allowing =
        SubdomainTenantResolver.builder()
            .baseDomain("example.com")
            .allowPunycodeLabels(true)
            .build();
    Optional<TenantId> tenant = resolve(allowing, confusable);
    assertThat(tenant).isPresent();
    assertThat(tenant.get().value()).startsWith("xn--").isNotEqualTo("acme");
  }

  @Test
  void refusesPunycodeLabelsSentAsAsciiByDefault() {
    assertThatThrownBy(() -> resolve("xn--cme-5cd.example.com"))
        .isInstanceOf(TenantResolutionException.class)
        .hasMessageContaining("allowPunycodeLabels");
  }

  @Test
  void mapsUnicodeHostsThroughIdnaLikeBrowsersDo() {
    // IDNA maps full-width letters to ASCII: this is the very host acme.example.com.
    assertThat(resolve("\uff41cme.example.com")).contains(TenantId.of("acme"));
    assertThat(resolve("acme.ex\u00e4mple.com")).isEmpty(); // another domain: xn--exmple-cua.com
    TenantResolver unicodeBase = SubdomainTenantResolver.of("ex\u00e4mple.com");
    assertThat(resolve(unicodeBase, "acme.EX\u00c4MPLE.com")).contains(TenantId.of("acme"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "acme.example.com@evil.io",
        "evil.io@acme.example.com",
        "acme.example.com/..",
        "acme.example.com/../admin",
        "acme.example.com\\evil.io",
        " acme.example.com",
        "acme.example.com ",
        "acme .example.com",
        "acme\u0000.example.com",
        "acme.example.com\u0000",
        "acme\r\nX-Injected: 1.example.com",
        "ac_me.example.com",
        "%61cme.example.com",
        "acme%2eexample.com",
        "..example.com",
        ".acme.example.com",
        "acme..example.com",
        "acme.example.com..",
        ".",
        ":8080",
        "acme.example.com:http",
        "acme.example.com:123456",
        "acme.example.com:80:80",
        "::1",
        "\u0430cme\u0000.example.com",
        "-acme.example.com",
        "acme-.example.com"
      })
  void refusesMalformedHostsLoudly(String host) {
    assertThatThrownBy(() -> resolve(host))
        .isInstanceOf(TenantResolutionException.class)
        .hasMessageNotContaining("\u0000")
        .hasMessageNotContaining("\r")
        .hasMessageNotContaining("\n");
  }

  @Test
  void namesTheIllegalCharacterAndItsIndex() {
    assertThatThrownBy(() -> resolve("acme.example.com@evil.io"))
        .hasMessage(
            "invalid Host 'acme.example.com@evil.io': character '@' at index 16 is not allowed");
  }

  @Test
  void refusesOverLongHostsAndLabelsWithTruncatedMessage() {
    String longHost = "a.".repeat(130) + "example.com";
    String longLabel = "a".repeat(64) + ".example.com";
    String huge = "\u0430".repeat(10_000) + ".example.com";

    assertThatThrownBy(() -> resolve(longHost))
        .hasMessageContaining("longer than 253")
        .hasMessageContaining("(" + longHost.length() + " characters)");
    assertThatThrownBy(() -> resolve(longLabel)).hasMessageContaining("longer than 63");
    assertThatThrownBy(() -> resolve(huge))
        .isInstanceOf(TenantResolutionException.class)
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(700))
        .hasMessageContaining("\\u0430");
  }

  @Test
  void acceptsAHostOfExactly253CharactersAndRefusesOneMore() {
    String base =
        "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(56);
    TenantResolver longBase = SubdomainTenantResolver.of(base);
    String host = "acme." + base;
    assertThat(host).hasSize(253);

    assertThat(resolve(longBase, host)).contains(TenantId.of("acme"));
    assertThat(resolve(longBase, host + ".:8080")).contains(TenantId.of("acme"));
    assertThatThrownBy(() -> resolve(longBase, "acmex." + base))
        .isInstanceOf(TenantResolutionException.class)
        .hasMessageContaining("longer than 253");
  }

  @Test
  void rejectionsCarryNoStackTrace() {
    assertThatThrownBy(() -> resolve("a.b.example.com"))
        .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
  }

  @Test
  void validatesConfigurationAtBuild() {
    assertThatThrownBy(() -> SubdomainTenantResolver.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("baseDomain");
    assertThatThrownBy(() -> SubdomainTenantResolver.of("example.com", "EXAMPLE.com."))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'example.com' is given twice");
    assertThatThrownBy(() -> SubdomainTenantResolver.of("exa mple.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid baseDomain 'exa mple.com'")
        .hasMessageContaining("character ' ' at index 3");
    assertThatThrownBy(() -> SubdomainTenantResolver.of(""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SubdomainTenantResolver.builder().reservedLabels(Set.of("WWW")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'WWW'");
    assertThatThrownBy(() -> SubdomainTenantResolver.builder().baseDomain(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("baseDomain");
    SubdomainTenantResolver.Builder builder = SubdomainTenantResolver.builder();
    builder.allowPunycodeLabels(false);
    assertThatThrownBy(() -> builder.allowPunycodeLabels(true))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void exposesCanonicalConfiguration() {
    SubdomainTenantResolver built = SubdomainTenantResolver.of("Example.COM.", "eu.example.com");

    assertThat(built.baseDomains()).containsExactly("eu.example.com", "example.com");
    assertThat(built.reservedLabels()).isEqualTo(SubdomainTenantResolver.DEFAULT_RESERVED_LABELS);
  }
}
