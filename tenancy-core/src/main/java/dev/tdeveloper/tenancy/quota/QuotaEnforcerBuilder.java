package dev.tdeveloper.tenancy.quota;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.event.QuotaEvent;
import dev.tdeveloper.tenancy.spi.QuotaStore;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Configures a {@link QuotaEnforcer}. Each setting may be set once (a second call throws {@link
 * IllegalStateException}); listeners accumulate. Not thread-safe; the built enforcer does not
 * change when the builder is used again.
 */
public final class QuotaEnforcerBuilder {
  QuotaStore store;
  InstantSource clock = InstantSource.system();
  QuotaPolicies policies;
  Function<TenantId, ZoneId> timeZones = tenant -> ZoneOffset.UTC;
  final List<EventListener<? super QuotaEvent>> listeners = new ArrayList<>();
  private boolean clockSet;
  private boolean timeZonesSet;

  QuotaEnforcerBuilder() {}

  /**
   * Sets where counters live; defaults to a new {@link InMemoryQuotaStore} on the builder's clock,
   * whose counters last only as long as the process. Quotas with windows longer than that (a day, a
   * month) need a durable store such as {@link dev.tdeveloper.tenancy.quota.file.FileQuotaStore}.
   */
  public QuotaEnforcerBuilder store(QuotaStore store) {
    Objects.requireNonNull(store, "store");
    requireUnset("store", this.store != null);
    this.store = store;
    return this;
  }

  /** Sets the wall clock that places consumption in windows; defaults to the system clock. */
  public QuotaEnforcerBuilder clock(InstantSource clock) {
    Objects.requireNonNull(clock, "clock");
    requireUnset("clock", clockSet);
    this.clock = clock;
    clockSet = true;
    return this;
  }

  /** Sets how the policy of a tenant's resource is found. Required. */
  public QuotaEnforcerBuilder policies(QuotaPolicies policies) {
    Objects.requireNonNull(policies, "policies");
    requireUnset("policies", this.policies != null);
    this.policies = policies;
    return this;
  }

  /**
   * Sets how each tenant's time zone is found (for example {@code id ->
   * registry.find(id).map(Tenant::timeZone).orElse(ZoneOffset.UTC)}); windows align to it. Defaults
   * to UTC for every tenant. The function is called on every decision and must not return null.
   */
  public QuotaEnforcerBuilder timeZones(Function<TenantId, ZoneId> timeZones) {
    Objects.requireNonNull(timeZones, "timeZones");
    requireUnset("timeZones", timeZonesSet);
    this.timeZones = timeZones;
    timeZonesSet = true;
    return this;
  }

  /** Adds a listener for {@link QuotaEvent}s; called synchronously, and its failures are logged. */
  public QuotaEnforcerBuilder listener(EventListener<? super QuotaEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Builds the enforcer.
   *
   * @throws IllegalStateException if no policies were set
   */
  public QuotaEnforcer build() {
    if (policies == null) {
      throw new IllegalStateException("policies must be set, for example QuotaPolicies.of(...)");
    }
    return new QuotaEnforcer(this);
  }

  private static void requireUnset(String setting, boolean set) {
    if (set) {
      throw new IllegalStateException(setting + " was already set");
    }
  }
}
