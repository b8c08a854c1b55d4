package dev.tdeveloper.observability.micrometer;

import dev.tdeveloper.security.ratelimit.RateLimitEvent;
import dev.tdeveloper.security.ratelimit.RateLimitKey;
import dev.tdeveloper.security.shield.BlockReason;
import dev.tdeveloper.security.shield.Dimension;
import dev.tdeveloper.security.shield.ShieldEvent;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.event.EventListener;
import io.micrometer.core.instrument.Counter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Meters for security-core's rate limiter and abuse shield events; loaded only when used. */
final class SecurityBinder {
  private final TenantMeters meters;

  SecurityBinder(TenantMeters meters) {
    this.meters = meters;
  }

  EventListener<Object> rateLimit(Function<Object, Optional<TenantId>> tenantOfKey) {
    CounterFamily denied =
        meters.family("tdeveloper.ratelimit.denied", "Requests denied by rate limits", "policy");
    return meters.safe(
        "rate limit",
        event -> {
          if (event instanceof RateLimitEvent.Denied e) {
            denied.counter(tenantOfKey(tenantOfKey, e.key()), e.policy()).increment();
          } else if (event instanceof RateLimitEvent.StoreFailed e) {
            count(
                    "tdeveloper.ratelimit.store.failures",
                    "Rate limiter store failures",
                    tenantOfKey(tenantOfKey, e.key()),
                    "policy",
                    e.policy(),
                    "outcome",
                    e.failedOpen() ? "failed_open" : "failed_closed")
                .increment();
          }
        });
  }

  /**
   * The shield's counters: one family per dimension for {@code tdeveloper.shield.blocked} (the
   * reason varies) and one for {@code tdeveloper.shield.bans} (the dimension varies), so a blocked
   * request costs the guard's count and two map lookups; tag values are the enums' lower-case
   * names, computed once.
   */
  EventListener<Object> shield() {
    Map<Dimension, CounterFamily> blocked = new EnumMap<>(Dimension.class);
    Map<Dimension, String> dimensions = new EnumMap<>(Dimension.class);
    for (Dimension dimension : Dimension.values()) {
      String value = lower(dimension.name());
      dimensions.put(dimension, value);
      blocked.put(
          dimension,
          meters.family(
              "tdeveloper.shield.blocked",
              "Requests blocked by the abuse shield",
              "reason",
              "dimension",
              value));
    }
    Map<BlockReason, String> reasons = new EnumMap<>(BlockReason.class);
    for (BlockReason reason : BlockReason.values()) {
      reasons.put(reason, lower(reason.name()));
    }
    CounterFamily bans =
        meters.family("tdeveloper.shield.bans", "Keys banned by the abuse shield", "dimension");
    return meters.safe(
        "shield",
        event -> {
          if (event instanceof ShieldEvent.Blocked e) {
            blocked.get(e.dimension()).counter(tenant(e), reasons.get(e.reason())).increment();
          } else if (event instanceof ShieldEvent.Banned e) {
            bans.counter(tenant(e), dimensions.get(e.dimension())).increment();
          }
        });
  }

  /** The configured function's tenant for a key, else the tenant of a {@link RateLimitKey}. */
  static Optional<TenantId> tenantOfKey(Function<Object, Optional<TenantId>> function, Object key) {
    Optional<TenantId> tenant = function.apply(key);
    if (tenant.isEmpty() && key instanceof RateLimitKey rateLimitKey) {
      return Optional.of(rateLimitKey.tenant());
    }
    return tenant;
  }

  /** Only a tenant subject may be a tag: IPs and API keys are unbounded and sensitive. */
  private static Optional<TenantId> tenant(ShieldEvent event) {
    if (event.dimension() == Dimension.TENANT && TenantId.isValid(event.subject())) {
      return Optional.of(TenantId.of(event.subject()));
    }
    return Optional.empty();
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private Counter count(
      String name, String description, Optional<TenantId> tenant, String... tags) {
    return meters.counter(name, description, tenant, tags);
  }
}
