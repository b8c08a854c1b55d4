package dev.tdeveloper.observability.micrometer;

import dev.tdeveloper.observability.metrics.TenantCardinalityGuard;
import dev.tdeveloper.tenancy.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Configures a {@link TdeveloperMetrics}; each setting may be given once. Not thread-safe: build on
 * one thread, then share the bridge.
 */
public final class TdeveloperMetricsBuilder {
  final MeterRegistry registry;
  TenantCardinalityGuard guard;
  Function<Object, Optional<TenantId>> rateLimitTenant;
  InstantSource clock;

  TdeveloperMetricsBuilder(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * Sets the guard bounding the tenant tag (share it with {@code BusinessMetrics} to bound both
   * together); default a guard with its defaults (top 100 tenants, re-rank each minute).
   *
   * @throws NullPointerException if {@code guard} is null
   * @throws IllegalStateException if already set
   */
  public TdeveloperMetricsBuilder tenantGuard(TenantCardinalityGuard guard) {
    Objects.requireNonNull(guard, "guard");
    if (this.guard != null) {
      throw new IllegalStateException("tenantGuard was already set");
    }
    this.guard = guard;
    return this;
  }

  /**
   * Sets how the tenant is found in a rate limiter's key; default: the key itself when it is a
   * {@link TenantId}, else no tenant.
   *
   * @throws NullPointerException if {@code tenantOfKey} is null
   * @throws IllegalStateException if already set
   */
  public TdeveloperMetricsBuilder rateLimitTenant(
      Function<Object, Optional<TenantId>> tenantOfKey) {
    Objects.requireNonNull(tenantOfKey, "tenantOfKey");
    if (this.rateLimitTenant != null) {
      throw new IllegalStateException("rateLimitTenant was already set");
    }
    this.rateLimitTenant = tenantOfKey;
    return this;
  }

  /**
   * Sets the clock that paces how often SLO gauges ask the evaluator for a new snapshot; default
   * the system clock.
   *
   * @throws NullPointerException if {@code clock} is null
   * @throws IllegalStateException if already set
   */
  public TdeveloperMetricsBuilder clock(InstantSource clock) {
    Objects.requireNonNull(clock, "clock");
    if (this.clock != null) {
      throw new IllegalStateException("clock was already set");
    }
    this.clock = clock;
    return this;
  }

  /** Builds the bridge. */
  public TdeveloperMetrics build() {
    return new TdeveloperMetrics(this);
  }
}
