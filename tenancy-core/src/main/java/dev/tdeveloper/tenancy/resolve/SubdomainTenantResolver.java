package dev.tdeveloper.tenancy.resolve;

import dev.tdeveloper.tenancy.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the tenant from the first label of the {@code Host}: {@code acme.example.com} is tenant
 * {@code acme} under the base domain {@code example.com}. Only a single label directly under a
 * configured base domain names a tenant, matched on label boundaries, so {@code
 * acme.example.com.evil.io} and {@code evilexample.com} name none.
 *
 * <p>The host is canonicalized first: a port and one trailing dot are dropped, letters are lowered,
 * and Unicode names are converted with {@link java.net.IDN#toASCII}, so a confusable such as
 * Cyrillic {@code аcme} becomes a punycode {@code xn--} label that never equals ASCII {@code acme};
 * such labels are refused unless {@linkplain Builder#allowPunycodeLabels allowed}. IPv6 literals,
 * hosts outside the base domains and a host equal to a base domain name no tenant (empty). Nested
 * labels ({@code a.b.example.com}), reserved labels ({@link #DEFAULT_RESERVED_LABELS} by default)
 * and malformed hosts throw {@link TenantResolutionException}.
 *
 * <p>Immutable and thread-safe. Resolving a canonical ASCII host does not use regular expressions
 * and allocates only the tenant id.
 */
public final class SubdomainTenantResolver implements TenantResolver {
  /**
   * Labels refused by default because they usually name the service itself: {@code www, api, admin,
   * app, auth, login, mail, static, cdn, status, docs}.
   */
  public static final Set<String> DEFAULT_RESERVED_LABELS =
      Set.of(
          "www", "api", "admin", "app", "auth", "login", "mail", "static", "cdn", "status", "docs");

  private static final String PUNYCODE_PREFIX = "xn--";

  private final String[] baseDomains;
  private final Set<String> reservedLabels;
  private final boolean allowPunycodeLabels;

  private SubdomainTenantResolver(Builder builder) {
    List<String> bases = new ArrayList<>(builder.baseDomains);
    // Most specific first, so acme.eu.example.com resolves under eu.example.com, not example.com.
    bases.sort(Comparator.comparingInt(String::length).reversed());
    this.baseDomains = bases.toArray(new String[0]);
    this.reservedLabels =
        builder.reservedLabels == null ? DEFAULT_RESERVED_LABELS : builder.reservedLabels;
    this.allowPunycodeLabels = Boolean.TRUE.equals(builder.allowPunycodeLabels);
  }

  /**
   * Returns a resolver for the given base domains with the default reserved labels.
   *
   * @throws IllegalArgumentException if a base domain is not a DNS name or is given twice
   */
  public static SubdomainTenantResolver of(String... baseDomains) {
    Objects.requireNonNull(baseDomains, "baseDomains");
    Builder builder = builder();
    for (String base : baseDomains) {
      builder.baseDomain(base);
    }
    return builder.build();
  }

  /** Returns a builder; at least one base domain is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the canonical base domains, most specific first. */
  public List<String> baseDomains() {
    return List.of(baseDomains);
  }

  /** Returns the labels that are refused. */
  public Set<String> reservedLabels() {
    return reservedLabels;
  }

  /**
   * {@inheritDoc}
   *
   * @throws TenantResolutionException if the host is malformed (bad port, illegal character, empty
   *     or over-long label, longer than 253 characters), or names a nested, reserved, punycode
   *     (when not allowed) or otherwise invalid tenant label
   */
  @Override
  public Optional<TenantId> resolve(RequestView request) {
    String raw = request.host();
    if (raw.isEmpty() || raw.charAt(0) == '[') {
      return Optional.empty(); // no host, or an IPv6 literal: no subdomain to read
    }
    String host = raw;
    int end = HostNames.nameEnd(raw);
    int firstDot = HostNames.scan(raw, host, end, false);
    if (firstDot == HostNames.NOT_CANONICAL) {
      host = HostNames.canonicalize(raw, raw.substring(0, end));
      end = host.length();
      firstDot = HostNames.scan(raw, host, end, true);
    }
    for (String base : baseDomains) {
      int baseLength = base.length();
      if (end == baseLength) {
        if (host.regionMatches(0, base, 0, baseLength)) {
          return Optional.empty(); // the service's own domain
        }
      } else if (end > baseLength
          && host.charAt(end - baseLength - 1) == '.'
          && host.regionMatches(end - baseLength, base, 0, baseLength)) {
        int labelEnd = end - baseLength - 1;
        if (firstDot < labelEnd) {
          throw new TenantResolutionException(
              "Host "
                  + Inputs.quote(raw)
                  + " has nested labels under base domain '"
                  + base
                  + "'; only one tenant label is allowed");
        }
        return Optional.of(tenant(raw, host.substring(0, labelEnd)));
      }
    }
    return Optional.empty();
  }

  private TenantId tenant(String raw, String label) {
    if (reservedLabels.contains(label)) {
      throw new TenantResolutionException(
          "Host " + Inputs.quote(raw) + " uses the reserved label '" + label + "'");
    }
    if (!allowPunycodeLabels && label.startsWith(PUNYCODE_PREFIX)) {
      throw new TenantResolutionException(
          "Host "
              + Inputs.quote(raw)
              + " has the internationalized (punycode) label '"
              + label
              + "', which is refused unless allowPunycodeLabels(true)");
    }
    String problem = Inputs.idProblem(label);
    if (problem != null) {
      throw Inputs.invalidId("Host " + Inputs.quote(raw) + ", tenant label", label, problem);
    }
    return new TenantId(label);
  }

  @Override
  public String toString() {
    return "SubdomainTenantResolver" + List.of(baseDomains);
  }

  /** Builder of a {@link SubdomainTenantResolver}; not thread-safe, the built resolver is. */
  public static final class Builder {
    private final Set<String> baseDomains = new LinkedHashSet<>();
    private Set<String> reservedLabels;
    private Boolean allowPunycodeLabels;

    private Builder() {}

    /**
     * Adds a base domain such as {@code example.com} or {@code localhost}; case, one trailing dot
     * and Unicode (converted to punycode) are accepted. May be called several times.
     *
     * @throws IllegalArgumentException if it is not a DNS name or was already added
     */
    public Builder baseDomain(String baseDomain) {
      Objects.requireNonNull(baseDomain, "baseDomain");
      String canonical = HostNames.canonicalBase(baseDomain);
      if (!baseDomains.add(canonical)) {
        throw new IllegalArgumentException(
            "baseDomain '" + canonical + "' is given twice; allowed: each base domain once");
      }
      return this;
    }

    /**
     * Replaces the reserved labels (default {@link #DEFAULT_RESERVED_LABELS}); pass an empty set to
     * reserve none.
     *
     * @throws IllegalArgumentException if a label is not a valid tenant id
     * @throws IllegalStateException if the reserved labels were already set
     */
    public Builder reservedLabels(Set<String> labels) {
      Objects.requireNonNull(labels, "labels");
      if (reservedLabels != null) {
        throw new IllegalStateException("reservedLabels was already set to " + reservedLabels);
      }
      for (String label : labels) {
        Objects.requireNonNull(label, "label");
        if (!TenantId.isValid(label)) {
          throw new IllegalArgumentException(
              "reservedLabels contains "
                  + Inputs.quote(label)
                  + "; allowed: lowercase DNS labels (valid tenant ids)");
        }
      }
      this.reservedLabels = Set.copyOf(labels);
      return this;
    }

    /**
     * Whether internationalized labels ({@code xn--...}, the form Unicode subdomains take) may name
     * a tenant; default false, so look-alike subdomains fail loudly.
     *
     * @throws IllegalStateException if this was already set
     */
    public Builder allowPunycodeLabels(boolean allow) {
      if (allowPunycodeLabels != null) {
        throw new IllegalStateException(
            "allowPunycodeLabels was already set to " + allowPunycodeLabels);
      }
      this.allowPunycodeLabels = allow;
      return this;
    }

    /**
     * Builds the resolver.
     *
     * @throws IllegalStateException if no base domain was added
     */
    public SubdomainTenantResolver build() {
      if (baseDomains.isEmpty()) {
        throw new IllegalStateException("no baseDomain was added; add at least one");
      }
      return new SubdomainTenantResolver(this);
    }
  }
}
