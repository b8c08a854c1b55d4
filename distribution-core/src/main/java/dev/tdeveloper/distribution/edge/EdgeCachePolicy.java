package dev.tdeveloper.distribution.edge;

import dev.tdeveloper.distribution.edge.CacheRule.Visibility;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One tenant's edge caching policy: computes, for each response, its {@code Cache-Control}, {@code
 * Surrogate-Key} and {@code Vary} headers and its shared-cache key ({@link CacheDirectives}).
 *
 * <p>Rules, in order:
 *
 * <ol>
 *   <li>Only {@code GET} and {@code HEAD} responses with a status cacheable by default (200, 203,
 *       204, 300, 301, 308, 404, 405, 410, 414, 501; RFC 9110 section 15.1) are cacheable; others
 *       get {@code no-store}.
 *   <li>The rule is the resource type's override, or the policy's default. A personalised type gets
 *       {@code private, no-store}.
 *   <li>A response that sets a cookie or depends on the caller's credentials is never stored by a
 *       shared cache: a public rule becomes {@code private, max-age=<maxAge>}.
 *   <li>{@code Vary} always names the tenant header (default {@value #DEFAULT_TENANT_HEADER}), and
 *       the cache key always starts with the tenant, so one tenant's copy is never served to
 *       another, neither by a CDN keyed by URL nor by an {@link
 *       dev.tdeveloper.distribution.spi.EdgeCache EdgeCache}.
 *   <li>Surrogate keys follow {@link SurrogateKeys}: tenant, tenant + type, tenant + resource.
 * </ol>
 *
 * <p>Immutable and thread-safe.
 */
public final class EdgeCachePolicy {
  /** The default tenant header: {@value}. */
  public static final String DEFAULT_TENANT_HEADER = "X-Tenant-Id";

  private static final Set<Integer> CACHEABLE_STATUS =
      Set.of(200, 203, 204, 300, 301, 308, 404, 405, 410, 414, 501);
  private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}");

  private final TenantId tenant;
  private final CacheRule defaultRule;
  private final Map<String, CacheRule> overrides;
  private final String tenantHeader;

  private EdgeCachePolicy(Builder b) {
    this.tenant = b.tenant;
    this.defaultRule =
        new CacheRule(
            Visibility.PUBLIC,
            b.maxAge == null ? Duration.ofSeconds(60) : b.maxAge,
            b.sharedMaxAge == null ? Duration.ofSeconds(300) : b.sharedMaxAge,
            b.staleWhileRevalidate == null ? Duration.ofSeconds(30) : b.staleWhileRevalidate,
            b.staleIfError == null ? Duration.ofDays(1) : b.staleIfError);
    this.overrides = Map.copyOf(b.overrides);
    this.tenantHeader = b.tenantHeader == null ? DEFAULT_TENANT_HEADER : b.tenantHeader;
  }

  /**
   * Starts a policy for {@code tenant}: public, {@code max-age=60, s-maxage=300,
   * stale-while-revalidate=30, stale-if-error=86400} unless set otherwise.
   *
   * @param tenant the tenant
   * @return the builder
   */
  public static Builder builder(TenantId tenant) {
    return new Builder(tenant);
  }

  /** Returns the tenant this policy is for. */
  public TenantId tenant() {
    return tenant;
  }

  /** Returns the rule for resource types without an override. */
  public CacheRule defaultRule() {
    return defaultRule;
  }

  /**
   * Returns the rule for a resource type.
   *
   * @param resourceType the type
   * @return its override, or the default rule
   */
  public CacheRule rule(String resourceType) {
    return overrides.getOrDefault(resourceType, defaultRule);
  }

  /** Returns the request header that names the tenant. */
  public String tenantHeader() {
    return tenantHeader;
  }

  /**
   * Computes the caching headers and key of a response.
   *
   * @param response the response
   * @return the directives
   */
  public CacheDirectives directives(EdgeResponse response) {
    Objects.requireNonNull(response, "response");
    List<String> keys = new ArrayList<>(2 + response.resourceIds().size());
    keys.add(SurrogateKeys.tenant(tenant));
    keys.add(SurrogateKeys.type(tenant, response.resourceType()));
    for (String id : new LinkedHashSet<>(response.resourceIds())) {
      keys.add(SurrogateKeys.resource(tenant, response.resourceType(), id));
    }
    String cacheKey = tenant.value() + ":" + response.method() + ":" + response.target();
    String vary = vary(response.vary());

    boolean cacheable =
        (response.method().equals("GET") || response.method().equals("HEAD"))
            && CACHEABLE_STATUS.contains(response.status());
    if (!cacheable) {
      return new CacheDirectives("no-store", keys, vary, cacheKey, false, Duration.ZERO);
    }
    CacheRule rule = rule(response.resourceType());
    Visibility visibility = rule.visibility();
    if (visibility == Visibility.PUBLIC
        && (response.setsCookie() || response.authorizationDependent())) {
      visibility = Visibility.PRIVATE;
    }
    return switch (visibility) {
      case NO_STORE ->
          new CacheDirectives("private, no-store", keys, vary, cacheKey, false, Duration.ZERO);
      case PRIVATE ->
          new CacheDirectives(
              rule.maxAge().isZero()
                  ? "private, no-cache"
                  : "private, max-age=" + rule.maxAge().toSeconds(),
              keys,
              vary,
              cacheKey,
              false,
              Duration.ZERO);
      case PUBLIC -> {
        StringBuilder cc =
            new StringBuilder("public, max-age=")
                .append(rule.maxAge().toSeconds())
                .append(", s-maxage=")
                .append(rule.sharedMaxAge().toSeconds());
        if (!rule.staleWhileRevalidate().isZero()) {
          cc.append(", stale-while-revalidate=").append(rule.staleWhileRevalidate().toSeconds());
        }
        if (!rule.staleIfError().isZero()) {
          cc.append(", stale-if-error=").append(rule.staleIfError().toSeconds());
        }
        Duration ttl = Duration.ofSeconds(rule.sharedMaxAge().toSeconds());
        yield new CacheDirectives(cc.toString(), keys, vary, cacheKey, !ttl.isZero(), ttl);
      }
    };
  }

  private String vary(List<String> extra) {
    Map<String, String> names = new LinkedHashMap<>();
    names.put(tenantHeader.toLowerCase(Locale.ROOT), tenantHeader);
    for (String h : extra) {
      names.putIfAbsent(h.toLowerCase(Locale.ROOT), h);
    }
    return String.join(", ", names.values());
  }

  /**
   * Builds an {@link EdgeCachePolicy}. Each setting may be set once ({@link IllegalStateException}
   * otherwise), each value is checked at once ({@link IllegalArgumentException}). Not thread-safe.
   */
  public static final class Builder {
    private final TenantId tenant;
    private Duration maxAge;
    private Duration sharedMaxAge;
    private Duration staleWhileRevalidate;
    private Duration staleIfError;
    private String tenantHeader;
    private final Map<String, CacheRule> overrides = new LinkedHashMap<>();

    private Builder(TenantId tenant) {
      this.tenant = Objects.requireNonNull(tenant, "tenant");
    }

    /**
     * Sets the default {@code max-age} (default 60 s).
     *
     * @param maxAge zero to one year
     * @return this builder
     */
    public Builder maxAge(Duration maxAge) {
      CacheRule.check("maxAge", maxAge);
      once(this.maxAge, "maxAge");
      this.maxAge = maxAge;
      return this;
    }

    /**
     * Sets the default {@code s-maxage} (default 300 s).
     *
     * @param sharedMaxAge zero to one year
     * @return this builder
     */
    public Builder sharedMaxAge(Duration sharedMaxAge) {
      CacheRule.check("sharedMaxAge", sharedMaxAge);
      once(this.sharedMaxAge, "sharedMaxAge");
      this.sharedMaxAge = sharedMaxAge;
      return this;
    }

    /**
     * Sets the default {@code stale-while-revalidate} (default 30 s; zero omits it).
     *
     * @param window zero to one year
     * @return this builder
     */
    public Builder staleWhileRevalidate(Duration window) {
      CacheRule.check("staleWhileRevalidate", window);
      once(this.staleWhileRevalidate, "staleWhileRevalidate");
      this.staleWhileRevalidate = window;
      return this;
    }

    /**
     * Sets the default {@code stale-if-error} (default one day; zero omits it).
     *
     * @param window zero to one year
     * @return this builder
     */
    public Builder staleIfError(Duration window) {
      CacheRule.check("staleIfError", window);
      once(this.staleIfError, "staleIfError");
      this.staleIfError = window;
      return this;
    }

    /**
     * Sets the request header that names the tenant (default {@value #DEFAULT_TENANT_HEADER}).
     *
     * @param header an HTTP field name
     * @return this builder
     */
    public Builder tenantHeader(String header) {
      Objects.requireNonNull(header, "header");
      if (!HEADER.matcher(header).matches()) {
        throw new IllegalArgumentException(
            "tenantHeader '"
                + EdgeResponse.clip(header)
                + "' is invalid; allowed: an HTTP field name");
      }
      once(this.tenantHeader, "tenantHeader");
      this.tenantHeader = header;
      return this;
    }

    /**
     * Sets the rule for one resource type.
     *
     * @param resourceType the type, a lowercase token
     * @param rule the rule
     * @return this builder
     * @throws IllegalStateException if the type already has a rule
     */
    public Builder override(String resourceType, CacheRule rule) {
      Objects.requireNonNull(rule, "rule");
      SurrogateKeys.type(tenant, Objects.requireNonNull(resourceType, "resourceType"));
      if (overrides.containsKey(resourceType)) {
        throw new IllegalStateException(
            "resource type '"
                + resourceType
                + "' already has a rule: "
                + overrides.get(resourceType));
      }
      overrides.put(resourceType, rule);
      return this;
    }

    /**
     * Marks a resource type as personalised: {@code private, no-store}.
     *
     * @param resourceType the type, a lowercase token
     * @return this builder
     * @throws IllegalStateException if the type already has a rule
     */
    public Builder personalised(String resourceType) {
      return override(resourceType, CacheRule.noStore());
    }

    /**
     * Returns the policy.
     *
     * @return the immutable policy
     */
    public EdgeCachePolicy build() {
      return new EdgeCachePolicy(this);
    }

    private static void once(Object current, String field) {
      if (current != null) {
        throw new IllegalStateException(field + " was already set to " + current);
      }
    }
  }
}
