package dev.tdeveloper.tenancy.usage;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.Listeners;
import dev.tdeveloper.tenancy.spi.UsageStore;
import dev.tdeveloper.tenancy.spi.UsageStoreException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Records usage events and aggregates them per tenant, meter and window. Each accepted event is
 * appended to the {@link UsageStore} before it is counted, and the aggregates are rebuilt by
 * replaying the store when the meter is built, so nothing acknowledged is lost on restart.
 *
 * <p>{@link #record} counts an event once per idempotency key, tenant, meter and window ({@link
 * RecordResult.Duplicate} otherwise); a late event is counted in its own window (by event time)
 * until that window's grace end, and refused afterwards ({@link RecordResult.TooLate}, not stored).
 * Keys are remembered until their window closes, so memory holds only the keys of open windows;
 * closed windows keep just their totals, for the retention set on the builder, and are then dropped
 * from memory (not from the store). Windows closed while the meter runs are announced with {@link
 * UsageMeterEvent.WindowClosed}; windows already closed before a restart are not announced again.
 *
 * <p>The meter does not own the store: close the store yourself after the last {@code record}.
 *
 * <p>Thread-safe: concurrent {@code record} calls give exact aggregates; appends of different
 * events, even of one window, run concurrently so a group-committing store can batch them.
 */
public final class UsageMeter {
  private final Map<String, MeterDefinition> meters;
  private final UsageStore store;
  private final InstantSource clock;
  private final Duration futureTolerance;
  private final Duration retention;
  private final Listeners<UsageMeterEvent> listeners;
  private final WindowIndex index = new WindowIndex();

  UsageMeter(
      Map<String, MeterDefinition> meters,
      UsageStore store,
      InstantSource clock,
      Duration futureTolerance,
      Duration retention,
      Listeners<UsageMeterEvent> listeners) {
    this.meters = meters;
    this.store = store;
    this.clock = clock;
    this.futureTolerance = futureTolerance;
    this.retention = retention;
    this.listeners = listeners;
  }

  /** Returns a builder; at least one meter and a store are required. */
  public static UsageMeterBuilder builder() {
    return new UsageMeterBuilder();
  }

  /**
   * Stores and counts {@code event}, unless it is a duplicate or too late.
   *
   * @throws NullPointerException if {@code event} is null
   * @throws IllegalArgumentException if the meter is unknown, an event of a {@link
   *     Aggregation#UNIQUE_COUNT} meter lacks its dimension, the timestamp is further in the future
   *     than the tolerance, or a SUM would overflow; nothing is stored or counted
   * @throws UsageStoreException if the store failed; the event is not counted and may be retried
   *     with the same key
   */
  public RecordResult record(UsageEvent event) {
    Objects.requireNonNull(event, "event");
    MeterDefinition meter = meter(event.meter());
    Instant now = EventAdmission.check(event, meter, clock, futureTolerance);
    Instant start = meter.windowStart(event.timestamp());
    if (!now.isBefore(meter.graceEnd(start))) {
      return tooLate(event, meter, start);
    }
    WindowState window = index.getOrCreate(event.tenant(), meter, start);
    while (true) {
      WindowState.Reservation reservation = window.reserve(event, clock);
      if (reservation == null) {
        return tooLate(event, meter, start);
      }
      if (!reservation.owner()) {
        if (reservation.claim().join()) {
          listeners.publish(
              new UsageMeterEvent.DuplicateIgnored(
                  event.tenant(), meter.name(), event.idempotencyKey(), start));
          return new RecordResult.Duplicate(start);
        }
        continue; // the concurrent holder of the key failed to store it: try to claim it
      }
      boolean stored = false;
      try {
        store.append(event);
        stored = true;
      } finally {
        if (stored) {
          window.commit(event, reservation.claim());
        } else {
          window.abort(event, reservation.claim());
        }
      }
      closeExpiredWindows();
      return new RecordResult.Accepted(start);
    }
  }

  /**
   * Returns the aggregate of one window; a window without events has value 0 and event count 0.
   *
   * @throws IllegalArgumentException if the meter is unknown, {@code windowStart} is not the start
   *     of one of its windows, or the window closed longer than the retention ago
   */
  public WindowAggregate aggregate(TenantId tenant, String meter, Instant windowStart) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(windowStart, "windowStart");
    MeterDefinition definition = meter(meter);
    if (!definition.isWindowStart(windowStart)) {
      throw new IllegalArgumentException(
          "windowStart "
              + windowStart
              + " is not a window start of meter '"
              + meter
              + "' (windows of "
              + definition.window()
              + " aligned to the epoch; nearest earlier start "
              + definition.windowStart(windowStart)
              + ")");
    }
    Instant now = clock.instant();
    if (definition.graceEnd(windowStart).isBefore(now.minus(retention))) {
      throw new IllegalArgumentException(
          "the window of meter '"
              + meter
              + "' starting "
              + windowStart
              + " closed more than the retention ("
              + retention
              + ") ago and is no longer held");
    }
    closeExpiredWindows();
    WindowState window = index.get(tenant, meter, windowStart);
    if (window != null) {
      return window.snapshot(now);
    }
    return new WindowAggregate(
        tenant,
        meter,
        windowStart,
        definition.windowEnd(windowStart),
        0,
        0,
        !now.isBefore(definition.graceEnd(windowStart)));
  }

  /**
   * Returns the windows of {@code tenant}'s {@code meter} that hold events and start in {@code
   * [from, to)}, oldest first; windows closed longer than the retention ago are no longer held.
   *
   * @throws IllegalArgumentException if the meter is unknown or {@code to} is before {@code from}
   */
  public List<WindowAggregate> windows(TenantId tenant, String meter, Instant from, Instant to) {
    Objects.requireNonNull(tenant, "tenant");
    meter(meter);
    checkRange(from, to);
    closeExpiredWindows();
    Instant now = clock.instant();
    List<WindowAggregate> result = new ArrayList<>();
    for (WindowState window : index.range(tenant, meter, from, to)) {
      WindowAggregate aggregate = window.snapshot(now);
      if (aggregate.eventCount() > 0) {
        result.add(aggregate);
      }
    }
    return result;
  }

  /**
   * Returns the closed windows with events of every tenant and meter that start in {@code [from,
   * to)}, ordered by tenant, meter and start: the input of a {@link
   * dev.tdeveloper.tenancy.spi.BillingExporter}. Windows closed longer than the retention ago are
   * no longer held, so export more often than that. This crosses tenants on purpose; do not expose
   * it to tenants.
   *
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  public List<WindowAggregate> closedWindows(Instant from, Instant to) {
    checkRange(from, to);
    closeExpiredWindows();
    Instant now = clock.instant();
    List<WindowAggregate> result = new ArrayList<>();
    for (WindowState window : index.allInRange(from, to)) {
      WindowAggregate aggregate = window.snapshot(now);
      if (aggregate.closed() && aggregate.eventCount() > 0) {
        result.add(aggregate);
      }
    }
    return result;
  }

  /**
   * Closes every window whose grace period has passed, announcing each with {@link
   * UsageMeterEvent.WindowClosed}, and drops closed windows older than the retention from memory.
   * {@code record} and the queries do this too; call it on a schedule so windows close (and their
   * keys are forgotten) even when no events arrive.
   *
   * @return how many windows this call closed
   */
  public int closeExpiredWindows() {
    return sealExpired(clock.instant(), true);
  }

  /**
   * Returns the instant before which stored events are never used by this meter again: the clock's
   * now minus the retention minus the longest window-plus-grace of its meters. An event older than
   * that belongs to a window whose grace ended more than the retention ago, so a replay skips it
   * and a retry of it is refused as {@link RecordResult.TooLate}, stored or not; it only grows the
   * {@code expired} count of {@link UsageMeterEvent.ReplayCompleted}. Pass it to {@link
   * dev.tdeveloper.tenancy.usage.file.FileUsageStore#compact}. Events of meters this meter does not
   * define are not protected: a store shared with meters of longer windows must use the earliest
   * horizon of them. Assumes the clock does not step back.
   */
  public Instant storeHorizon() {
    return UsageReplay.storeHorizon(meters.values(), clock.instant(), retention);
  }

  /** Returns the meters this meter knows, ordered by name. */
  public List<MeterDefinition> meters() {
    return List.copyOf(meters.values());
  }

  /** Rebuilds the aggregates from the store; called once by the builder. */
  void replay() {
    UsageMeterEvent.ReplayCompleted completed =
        UsageReplay.replay(store, meters, index, clock.instant().minus(retention));
    sealExpired(clock.instant(), false);
    listeners.publish(completed);
  }

  /** Returns how many idempotency keys are remembered across all windows (for tests). */
  long rememberedKeys() {
    long total = 0;
    for (WindowState window : index.allInRange(Instant.MIN, Instant.MAX)) {
      total += window.rememberedKeys();
    }
    return total;
  }

  private int sealExpired(Instant now, boolean announce) {
    List<WindowAggregate> closed = index.closeExpired(now, now.minus(retention));
    if (announce) {
      closed.forEach(a -> listeners.publish(new UsageMeterEvent.WindowClosed(a)));
    }
    return closed.size();
  }

  private RecordResult tooLate(UsageEvent event, MeterDefinition meter, Instant start) {
    Instant graceEnd = meter.graceEnd(start);
    listeners.publish(
        new UsageMeterEvent.LateEventRefused(
            event.tenant(), meter.name(), event.idempotencyKey(), event.timestamp(), graceEnd));
    return new RecordResult.TooLate(meter.windowEnd(start), graceEnd);
  }

  private MeterDefinition meter(String name) {
    Objects.requireNonNull(name, "meter");
    MeterDefinition meter = meters.get(name);
    if (meter == null) {
      throw new IllegalArgumentException(
          "unknown meter " + Checks.quote(name) + "; known meters: " + meters.keySet());
    }
    return meter;
  }

  private static void checkRange(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to " + to + " is before from " + from);
    }
  }
}
