package dev.tdeveloper.tenancy.quota;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.event.QuotaEvent;
import dev.tdeveloper.tenancy.event.QuotaExhaustedEvent;
import dev.tdeveloper.tenancy.event.QuotaThresholdEvent;
import dev.tdeveloper.tenancy.internal.Listeners;
import dev.tdeveloper.tenancy.spi.QuotaAddResult;
import dev.tdeveloper.tenancy.spi.QuotaKey;
import dev.tdeveloper.tenancy.spi.QuotaStore;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Function;

/**
 * Enforces per-tenant quotas: {@link #tryConsume} grants an amount only if it fits in what is left
 * of the tenant's current window, all or nothing, with exactly one atomic {@link QuotaStore}
 * operation, so concurrent callers (and several instances sharing a store) never exceed a limit
 * together. Tenants never share a counter: one tenant exhausting its quota never changes another's.
 *
 * <p>Publishes {@link QuotaExhaustedEvent} for each refused consumption and {@link
 * QuotaThresholdEvent} when consumption crosses 80% and 100% of the limit (at most once per
 * threshold and window by this enforcer).
 *
 * <p>Thread-safe. Build one with {@link #builder()}.
 */
public final class QuotaEnforcer {
  private static final int WARNING_BIT = 1;
  private static final int FULL_BIT = 2;

  private final QuotaStore store;
  private final InstantSource clock;
  private final QuotaPolicies policies;
  private final Function<TenantId, ZoneId> timeZones;
  private final Listeners<QuotaEvent> listeners;
  private final ThresholdTracker thresholds = new ThresholdTracker();

  QuotaEnforcer(QuotaEnforcerBuilder builder) {
    this.clock = builder.clock;
    this.store = builder.store != null ? builder.store : new InMemoryQuotaStore(clock);
    this.policies = builder.policies;
    this.timeZones = builder.timeZones;
    this.listeners = Listeners.of(builder.listeners);
  }

  /** Returns a builder; only {@link QuotaEnforcerBuilder#policies} is required. */
  public static QuotaEnforcerBuilder builder() {
    return new QuotaEnforcerBuilder();
  }

  /**
   * Consumes {@code amount} of {@code resource} for {@code tenant} if it fits in the current
   * window; otherwise consumes nothing.
   *
   * @return {@link QuotaDecision.Granted} or {@link QuotaDecision.Exhausted}
   * @throws NullPointerException if {@code tenant} or {@code resource} is null
   * @throws IllegalArgumentException if {@code resource} is not a valid token or {@code amount} is
   *     below 1; nothing is consumed
   * @throws UnknownQuotaException if no policy covers the resource for the tenant
   */
  public QuotaDecision tryConsume(TenantId tenant, String resource, long amount) {
    Target target = target(tenant, resource, amount);
    long limit = target.policy().limit();
    QuotaAddResult result = store.tryAdd(target.key(), amount, limit, target.window().end());
    long used = result.used();
    Instant resetAt = target.window().end();
    if (result instanceof QuotaAddResult.Added) {
      publishCrossings(target, used - amount, used);
      return new QuotaDecision.Granted(Math.max(0, limit - used), resetAt);
    }
    if (!listeners.isEmpty()) {
      listeners.publish(
          new QuotaExhaustedEvent(tenant, resource, amount, used, limit, resetAt, target.now()));
    }
    return new QuotaDecision.Exhausted(Math.max(0, limit - used), resetAt, amount);
  }

  /**
   * Returns what {@code tenant} has used of {@code resource} in the current window.
   *
   * @throws IllegalArgumentException if {@code resource} is not a valid token
   * @throws UnknownQuotaException if no policy covers the resource for the tenant
   */
  public QuotaUsage usage(TenantId tenant, String resource) {
    Target target = target(tenant, resource, 1);
    return new QuotaUsage(store.used(target.key()), target.policy().limit(), target.window().end());
  }

  /**
   * Gives back {@code amount} of {@code resource} to {@code tenant}'s current window (for example
   * when the consuming operation failed); usage never goes below 0. Refunds apply to the current
   * window: consumption of an earlier window has already reset.
   *
   * @return the usage after the refund
   * @throws IllegalArgumentException if {@code resource} is not a valid token or {@code amount} is
   *     below 1; nothing changes
   * @throws UnknownQuotaException if no policy covers the resource for the tenant
   */
  public QuotaUsage refund(TenantId tenant, String resource, long amount) {
    Target target = target(tenant, resource, amount);
    long used = store.subtract(target.key(), amount);
    return new QuotaUsage(used, target.policy().limit(), target.window().end());
  }

  /** Validates the arguments (before any state is touched) and locates the current window. */
  private Target target(TenantId tenant, String resource, long amount) {
    Objects.requireNonNull(tenant, "tenant");
    QuotaPolicy.requireResource(resource);
    if (amount <= 0) {
      throw new IllegalArgumentException(
          "amount of '" + resource + "' must be at least 1, was " + amount);
    }
    QuotaPolicy policy =
        policies
            .find(tenant, resource)
            .orElseThrow(() -> new UnknownQuotaException(tenant, resource));
    if (!policy.resource().equals(resource)) {
      throw new IllegalStateException(
          "quota policies returned " + policy + " when asked for resource '" + resource + "'");
    }
    ZoneId zone = timeZones.apply(tenant);
    if (zone == null) {
      throw new NullPointerException("timeZones returned null for tenant '" + tenant + "'");
    }
    Instant now = clock.instant();
    QuotaWindow window = policy.period().window(now, zone);
    return new Target(policy, window, new QuotaKey(tenant, resource, window.start()), now);
  }

  private void publishCrossings(Target target, long before, long used) {
    if (listeners.isEmpty()) {
      return;
    }
    publishIfCrossed(target, before, used, QuotaThresholdEvent.WARNING_PERCENT, WARNING_BIT);
    publishIfCrossed(target, before, used, QuotaThresholdEvent.FULL_PERCENT, FULL_BIT);
  }

  private void publishIfCrossed(Target target, long before, long used, int percent, int bit) {
    long limit = target.policy().limit();
    long units = thresholdUnits(limit, percent);
    if (before < units
        && used >= units
        && thresholds.markFirst(target.key(), bit, target.window().end(), target.now())) {
      listeners.publish(
          new QuotaThresholdEvent(
              target.key().tenant(),
              target.key().resource(),
              percent,
              used,
              limit,
              target.window().end(),
              target.now()));
    }
  }

  /** Returns {@code ceil(limit * percent / 100)} without overflowing. */
  static long thresholdUnits(long limit, int percent) {
    return (limit / 100) * percent + ((limit % 100) * percent + 99) / 100;
  }

  private record Target(QuotaPolicy policy, QuotaWindow window, QuotaKey key, Instant now) {}
}
