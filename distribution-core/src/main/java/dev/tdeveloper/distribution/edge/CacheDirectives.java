package dev.tdeveloper.distribution.edge;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The caching headers and cache key {@link EdgeCachePolicy} computed for one response.
 *
 * <p>Immutable and thread-safe.
 *
 * @param cacheControl the {@code Cache-Control} header value
 * @param surrogateKeys the surrogate keys: the tenant's, the resource type's, each resource's
 * @param vary the {@code Vary} header value, always naming the tenant header
 * @param cacheKey the shared-cache key: the tenant, the method and the target
 * @param shared whether a shared cache (the CDN, an {@link
 *     dev.tdeveloper.distribution.spi.EdgeCache EdgeCache}) may store the response
 * @param sharedTtl how long a shared cache may serve it ({@code s-maxage}); zero when not shared
 */
public record CacheDirectives(
    String cacheControl,
    List<String> surrogateKeys,
    String vary,
    String cacheKey,
    boolean shared,
    Duration sharedTtl) {
  /** Checks the fields are present. */
  public CacheDirectives {
    Objects.requireNonNull(cacheControl, "cacheControl");
    surrogateKeys = List.copyOf(surrogateKeys);
    Objects.requireNonNull(vary, "vary");
    Objects.requireNonNull(cacheKey, "cacheKey");
    Objects.requireNonNull(sharedTtl, "sharedTtl");
  }

  /** Returns the {@code Surrogate-Key} header value: the keys separated by spaces. */
  public String surrogateKey() {
    return String.join(" ", surrogateKeys);
  }
}
