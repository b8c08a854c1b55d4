package dev.tdeveloper.scaling.failover;

import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.time.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds a {@link FailoverRouter}; defaults follow Envoy's outlier detection. Not thread-safe. */
public final class FailoverRouterBuilder<E> {
  final Map<E, Integer> endpoints = new LinkedHashMap<>();
  final List<EventListener<? super FailoverEvent<E>>> listeners = new ArrayList<>();
  Ticker ticker = Ticker.system();
  int consecutiveFailures = 5;
  Duration baseEjection = Duration.ofSeconds(30);
  Duration maxEjection = Duration.ofSeconds(300);
  int maxEjectionPercent = 10;
  int failbackChecks = 3;
  Duration failbackDelay = Duration.ofSeconds(30);

  FailoverRouterBuilder() {}

  /**
   * Adds {@code endpoint} with {@code priority} (0 or more; lower is preferred, ties keep the order
   * endpoints were added in).
   *
   * @throws IllegalArgumentException for a negative priority or an endpoint added twice
   */
  public FailoverRouterBuilder<E> endpoint(E endpoint, int priority) {
    Objects.requireNonNull(endpoint, "endpoint");
    check(priority >= 0, "priority", priority, "0 or more");
    if (endpoints.containsKey(endpoint)) {
      throw new IllegalArgumentException("endpoint " + endpoint + " was added twice");
    }
    endpoints.put(endpoint, priority);
    return this;
  }

  /** Sets the monotonic time source (default: the system ticker). */
  public FailoverRouterBuilder<E> ticker(Ticker ticker) {
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    return this;
  }

  /** Failures in a row that eject an endpoint (default 5, at least 1). */
  public FailoverRouterBuilder<E> consecutiveFailures(int failures) {
    check(failures >= 1, "consecutiveFailures", failures, "at least 1");
    this.consecutiveFailures = failures;
    return this;
  }

  /** The ejection time per ejection (default 30 s) and its cap (default 300 s). */
  public FailoverRouterBuilder<E> ejection(Duration base, Duration max) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(max, "max");
    check(!base.isNegative() && !base.isZero(), "baseEjection", base, "a positive duration");
    check(max.compareTo(base) >= 0, "maxEjection", max, "at least baseEjection (" + base + ")");
    this.baseEjection = base;
    this.maxEjection = max;
    return this;
  }

  /**
   * The most endpoints ejected at once, in percent (default 10; at least one is always allowed).
   */
  public FailoverRouterBuilder<E> maxEjectionPercent(int percent) {
    check(percent >= 0 && percent <= 100, "maxEjectionPercent", percent, "0 to 100");
    this.maxEjectionPercent = percent;
    return this;
  }

  /** Failback hysteresis: healthy checks in a row (default 3) and time back (default 30 s). */
  public FailoverRouterBuilder<E> failback(int checks, Duration delay) {
    Objects.requireNonNull(delay, "delay");
    check(checks >= 0, "failbackChecks", checks, "0 or more");
    check(!delay.isNegative(), "failbackDelay", delay, "zero or a positive duration");
    this.failbackChecks = checks;
    this.failbackDelay = delay;
    return this;
  }

  /** Adds a listener of failovers, failbacks, ejections, returns and panics. */
  public FailoverRouterBuilder<E> listener(EventListener<? super FailoverEvent<E>> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Returns the router.
   *
   * @throws IllegalStateException if no endpoint was added
   */
  public FailoverRouter<E> build() {
    if (endpoints.isEmpty()) {
      throw new IllegalStateException("no endpoint was added; add one with endpoint(e, priority)");
    }
    return new FailoverRouter<>(this);
  }

  private static void check(boolean ok, String field, Object value, String allowed) {
    if (!ok) {
      throw new IllegalArgumentException(field + " is " + value + "; allowed: " + allowed);
    }
  }
}
