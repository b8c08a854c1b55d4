package dev.tdeveloper.tenancy.usage;

import com.google.common.collect.ImmutableSortedMap;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import dev.tdeveloper.tenancy.spi.UsageStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Configures a {@link UsageMeter}. Required: at least one {@link #meter} and a {@link #store}.
 * Defaults: the system clock, a future tolerance of {@link #DEFAULT_FUTURE_TOLERANCE}, a retention
 * of {@link #DEFAULT_RETENTION}, no listeners. Each setting may be given once; {@link #build()}
 * replays the store.
 *
 * <p>Not thread-safe: configure on one thread.
 */
public final class UsageMeterBuilder {
  /** How far in the future an event timestamp may be by default: 5 minutes (as Stripe allows). */
  public static final Duration DEFAULT_FUTURE_TOLERANCE = Duration.ofMinutes(5);

  /**
   * How long closed windows are held in memory after their grace end by default: 7 days. Each held
   * window costs about 200 bytes, so a week of hourly windows of 10,000 tenants on 5 meters holds
   * about 1.7 GB; choose daily windows or a shorter retention at that scale.
   */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

  private final Map<String, MeterDefinition> meters = new TreeMap<>();
  private final List<EventListener<? super UsageMeterEvent>> listeners = new ArrayList<>();
  private UsageStore store;
  private InstantSource clock;
  private Duration futureTolerance;
  private Duration retention;

  UsageMeterBuilder() {}

  /**
   * Adds a meter.
   *
   * @throws IllegalStateException if a meter of the same name was already added
   */
  public UsageMeterBuilder meter(MeterDefinition meter) {
    Objects.requireNonNull(meter, "meter");
    if (meters.containsKey(meter.name())) {
      throw new IllegalStateException("meter '" + meter.name() + "' was already added");
    }
    meters.put(meter.name(), meter);
    return this;
  }

  /** Adds every meter of {@code meters}, as {@link #meter} does. */
  public UsageMeterBuilder meters(Collection<MeterDefinition> meters) {
    Objects.requireNonNull(meters, "meters");
    meters.forEach(this::meter);
    return this;
  }

  /**
   * Sets where events are stored and replayed from. The meter does not close it.
   *
   * @throws IllegalStateException if a store was already set
   */
  public UsageMeterBuilder store(UsageStore store) {
    Objects.requireNonNull(store, "store");
    requireUnset(this.store, "store");
    this.store = store;
    return this;
  }

  /**
   * Sets the wall clock deciding lateness and window closing; default {@link
   * InstantSource#system()}.
   *
   * @throws IllegalStateException if a clock was already set
   */
  public UsageMeterBuilder clock(InstantSource clock) {
    Objects.requireNonNull(clock, "clock");
    requireUnset(this.clock, "clock");
    this.clock = clock;
    return this;
  }

  /**
   * Sets how far after the clock's now an event timestamp may be (clock skew between services);
   * later timestamps are rejected. Default {@link #DEFAULT_FUTURE_TOLERANCE}.
   *
   * @throws IllegalArgumentException if negative
   * @throws IllegalStateException if already set
   */
  public UsageMeterBuilder futureTolerance(Duration tolerance) {
    Objects.requireNonNull(tolerance, "tolerance");
    if (tolerance.isNegative()) {
      throw new IllegalArgumentException("futureTolerance must not be negative, was " + tolerance);
    }
    requireUnset(this.futureTolerance, "futureTolerance");
    this.futureTolerance = tolerance;
    return this;
  }

  /**
   * Sets how long closed windows stay in memory (queryable and exportable) after their grace end;
   * older ones are dropped from memory but stay in the store. Default {@link #DEFAULT_RETENTION}.
   *
   * @throws IllegalArgumentException if zero or negative
   * @throws IllegalStateException if already set
   */
  public UsageMeterBuilder retention(Duration retention) {
    Objects.requireNonNull(retention, "retention");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive, was " + retention);
    }
    requireUnset(this.retention, "retention");
    this.retention = retention;
    return this;
  }

  /** Registers a listener for {@link UsageMeterEvent}s. */
  public UsageMeterBuilder listener(EventListener<? super UsageMeterEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Builds the meter and rebuilds its aggregates by replaying the store.
   *
   * @throws IllegalStateException if no meter or no store was given
   * @throws dev.tdeveloper.tenancy.spi.UsageStoreException if replaying the store failed
   */
  public UsageMeter build() {
    if (meters.isEmpty()) {
      throw new IllegalStateException("no meter defined: add at least one with meter(...)");
    }
    if (store == null) {
      throw new IllegalStateException(
          "no store set: pass one with store(...), e.g. new InMemoryUsageStore() or a"
              + " FileUsageStore");
    }
    UsageMeter meter =
        new UsageMeter(
            ImmutableSortedMap.copyOf(meters),
            store,
            clock == null ? InstantSource.system() : clock,
            futureTolerance == null ? DEFAULT_FUTURE_TOLERANCE : futureTolerance,
            retention == null ? DEFAULT_RETENTION : retention,
            Listeners.of(listeners));
    meter.replay();
    return meter;
  }

  private static void requireUnset(Object current, String name) {
    if (current != null) {
      throw new IllegalStateException(name + " was already set");
    }
  }
}
