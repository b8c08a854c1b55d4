package dev.tdeveloper.tenancy.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

class SubdomainTenantResolverPropertiesTest {
  private static final Set<String> CONFIGURED = Set.of("example.com", "localhost");
  private final SubdomainTenantResolver resolver =
      SubdomainTenantResolver.of("example.com", "localhost");

  /**
   * For hosts {@code <label>.<base>[.<suffix>][.][:port]}, a tenant comes back only when the
   * canonical host is exactly one valid, unreserved, non-punycode label directly under a configured
   * base; and such a host always resolves to that label.
   */
  @Property(tries = 3000)
  void resolvesOnlyOneValidLabelDirectlyUnderAConfiguredBase(
      @ForAll("labels") String label,
      @ForAll("bases") String base,
      @ForAll("suffixes") String suffix,
      @ForAll boolean trailingDot,
      @ForAll boolean port) {
    String host =
        label
            + "."
            + base
            + (suffix.isEmpty() ? "" : "." + suffix)
            + (trailingDot ? "." : "")
            + (port ? ":8080" : "");
    Optional<TenantId> result;
    try {
      result = resolver.resolve(RequestView.builder().host(host).build());
    } catch (TenantResolutionException refused) {
      result = null;
    }
    Statistics.label("outcome")
        .collect(result == null ? "refused" : result.isPresent() ? "tenant" : "none");
    Statistics.label("outcome")
        .coverage(
            c -> {
              c.check("tenant").percentage(p -> p > 10);
              c.check("refused").percentage(p -> p > 10);
              c.check("none").percentage(p -> p > 10);
            });

    if (result != null && result.isPresent()) {
      String tenant = result.get().value();
      String canonical = canonical(host);
      assertThat(tenant).doesNotContain(".").doesNotStartWith("xn--");
      assertThat(SubdomainTenantResolver.DEFAULT_RESERVED_LABELS).doesNotContain(tenant);
      assertThat(canonical).startsWith(tenant + ".");
      assertThat(CONFIGURED).contains(canonical.substring(tenant.length() + 1));
    }
    String lowerLabel = label.toLowerCase(Locale.ROOT);
    if (suffix.isEmpty()
        && CONFIGURED.contains(base.toLowerCase(Locale.ROOT))
        && TenantId.isValid(lowerLabel)
        && !lowerLabel.startsWith("xn--")
        && !SubdomainTenantResolver.DEFAULT_RESERVED_LABELS.contains(lowerLabel)) {
      assertThat(result).contains(TenantId.of(lowerLabel));
    }
  }

  /** Lower case, without the port and one trailing dot: what a tenant may be read from. */
  private static String canonical(String host) {
    String name = host.endsWith(":8080") ? host.substring(0, host.length() - 5) : host;
    name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    return name.toLowerCase(Locale.ROOT);
  }

  @Provide
  Arbitrary<String> labels() {
    Arbitrary<String> valid =
        Arbitraries.strings()
            .withChars("abcdefghijklmnopqrstuvwxyz0123456789-")
            .ofMinLength(1)
            .ofMaxLength(66);
    Arbitrary<String> casey =
        Arbitraries.strings().withChars("aAcCmMeE0-").ofMinLength(1).ofMaxLength(8);
    // Hostile characters; the non-ASCII ones never map to ASCII under IDNA.
    Arbitrary<String> hostile =
        Arbitraries.strings()
            .withChars("acme.-_@/%\\ :\u0000\r\n\u0430\u0435\u043e\u00e9")
            .ofMinLength(0)
            .ofMaxLength(12);
    Arbitrary<String> special =
        Arbitraries.of(
            "www", "API", "xn--cme-5cd", "acme.example.com", "a.b", "example", "", "acme.evil");
    return Arbitraries.frequencyOf(
        Tuple.of(5, valid), Tuple.of(2, casey), Tuple.of(3, hostile), Tuple.of(1, special));
  }

  @Provide
  Arbitrary<String> bases() {
    return Arbitraries.of(
        "example.com",
        "Example.COM",
        "localhost",
        "LOCALHOST",
        "evil.io",
        "xample.com",
        "evilexample.com",
        "example.co",
        "com",
        "example.com.evil.io");
  }

  @Provide
  Arbitrary<String> suffixes() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.just("")),
        Tuple.of(1, Arbitraries.of("evil.io", "com", "example.com", "localhost", "io")));
  }
}
