package dev.tdeveloper.tenancy.spi;

import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link QuotaStoreProvider} needs to create a store: the wall clock and backend-specific
 * string properties (for example {@code redis.uri}). Immutable and thread-safe.
 *
 * @param clock the wall clock the store uses to expire counters
 * @param properties backend-specific settings, copied; each backend documents its keys
 */
public record QuotaStoreConfig(InstantSource clock, Map<String, String> properties) {
  /** Validates and copies the fields. */
  public QuotaStoreConfig {
    Objects.requireNonNull(clock, "clock");
    properties = Map.copyOf(Objects.requireNonNull(properties, "properties"));
  }

  /** Returns a configuration with the system clock and no properties. */
  public static QuotaStoreConfig defaults() {
    return new QuotaStoreConfig(InstantSource.system(), Map.of());
  }
}
