package dev.tdeveloper.distribution.health;

import dev.tdeveloper.distribution.health.RegionHealthEvent.Cause;
import dev.tdeveloper.distribution.health.RegionHealthEvent.RegionFailedBack;
import dev.tdeveloper.distribution.health.RegionHealthEvent.RegionFailedOver;
import dev.tdeveloper.distribution.health.RegionHealthEvent.RegionFlapSuppressed;
import dev.tdeveloper.distribution.health.RegionStatus.OperatorOverride;
import dev.tdeveloper.distribution.health.RegionStatus.State;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Region health from health checks run at several vantage points, by Route 53's rules (see {@link
 * HealthCheckSettings}):
 *
 * <ol>
 *   <li>Each vantage point keeps its own view of a region, which flips only after {@code
 *       failureThreshold} consecutive results saying otherwise (both directions). A new vantage
 *       point starts out considering the region healthy. A result older than the vantage point's
 *       last one is ignored (delivery may repeat or reorder).
 *   <li>A region is healthy when more than {@code healthyShare} of the vantage points that reported
 *       within {@code staleAfterIntervals} request intervals consider it healthy. With no vantage
 *       point counted, the status stays as it was: losing the monitors is not evidence of an
 *       outage.
 *   <li>A healthy region that turns unhealthy fails over at once ({@link RegionFailedOver}, with
 *       the time from the first failing result of the episode). An unhealthy region that turns
 *       healthy is {@link State#RECOVERING}: traffic returns only once it has stayed healthy for
 *       {@code failbackHold} ({@link RegionFailedBack}); failing again before then is a suppressed
 *       flap ({@link RegionFlapSuppressed}) and the hold starts over at the next recovery.
 *   <li>An operator may {@link #forceDown force a region down}, {@link #forceUp up}, and {@link
 *       #release} it back to the checks; traffic moves, and the same events say so with cause
 *       {@link Cause#OPERATOR}. The checks keep being evaluated underneath.
 * </ol>
 *
 * <p>Regions are monitored from their first result; a region never reported on is healthy. Status
 * changes are evaluated when a result is recorded, on {@link #refresh()}, and when {@link
 * #version()} finds a time-driven change due (a hold elapsed, a vantage point gone stale).
 *
 * <p>Thread-safe: updates hold one lock, reads of {@link #isHealthy} take none, and events are
 * delivered after the lock is released, on the thread that caused them.
 */
public final class RegionHealth implements HealthView {
  private final HealthCheckSettings settings;
  private final InstantSource clock;
  private final Listeners<RegionHealthEvent> listeners;
  private final long staleMillis;
  private final long holdMillis;
  private final Map<RegionId, RegionTracker> regions = new ConcurrentHashMap<>();
  private final AtomicLong version = new AtomicLong();
  private volatile long nextDeadline = Long.MAX_VALUE;

  private RegionHealth(Builder b) {
    this.settings = b.settings;
    this.clock = b.clock;
    this.listeners = Listeners.of(b.listeners);
    this.staleMillis = settings.staleAfter().toMillis();
    this.holdMillis = settings.failbackHold().toMillis();
  }

  /** Returns a builder (default settings, system clock, no listener). */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the settings in use. */
  public HealthCheckSettings settings() {
    return settings;
  }

  /**
   * Records one health check result and applies any status change it causes.
   *
   * @param result the result
   */
  public void record(HealthCheckResult result) {
    Objects.requireNonNull(result, "result");
    List<RegionHealthEvent> events = new ArrayList<>(1);
    synchronized (this) {
      RegionTracker region = regions.computeIfAbsent(result.region(), RegionTracker::new);
      if (!region.observe(result, settings.failureThreshold())) {
        return;
      }
      evaluate(region, clock.instant(), events);
      scheduleNextDeadline();
    }
    events.forEach(listeners::publish);
  }

  /** Re-evaluates every region at the clock's time: elapsed holds and stale vantage points. */
  public void refresh() {
    refresh(false);
  }

  private void refresh(boolean onlyIfDue) {
    List<RegionHealthEvent> events = new ArrayList<>(0);
    synchronized (this) {
      Instant now = clock.instant();
      if (onlyIfDue && now.toEpochMilli() < nextDeadline) {
        return; // another caller applied it while this one waited for the lock
      }
      for (RegionTracker region : regions.values()) {
        evaluate(region, now, events);
      }
      scheduleNextDeadline();
    }
    events.forEach(listeners::publish);
  }

  /**
   * Takes the region out of traffic whatever the checks say, until {@link #release} or {@link
   * #forceUp}.
   *
   * @param region the region
   */
  public void forceDown(RegionId region) {
    override(region, OperatorOverride.FORCED_DOWN);
  }

  /**
   * Keeps the region in traffic whatever the checks say, until {@link #release} or {@link
   * #forceDown}.
   *
   * @param region the region
   */
  public void forceUp(RegionId region) {
    override(region, OperatorOverride.FORCED_UP);
  }

  /**
   * Hands the region back to the checks; traffic follows what they say now (no failback hold).
   *
   * @param region the region
   */
  public void release(RegionId region) {
    override(region, OperatorOverride.NONE);
  }

  @Override
  public boolean isHealthy(RegionId region) {
    RegionTracker state = regions.get(region);
    return state == null || state.healthy;
  }

  /** Returns true: endpoints are {@link OutlierDetector}'s concern. */
  @Override
  public boolean isAvailable(RegionId region, String endpointId) {
    return true;
  }

  /**
   * Returns a number that changes on every status change; first applies time-driven changes that
   * are due, so a caller polling it sees them.
   */
  @Override
  public long version() {
    if (clock.millis() >= nextDeadline) {
      refresh(true);
    }
    return version.get();
  }

  /** Returns every monitored region's status, ordered by region id. */
  public synchronized List<RegionStatus> status() {
    Instant now = clock.instant();
    List<RegionStatus> out = new ArrayList<>(regions.size());
    for (RegionTracker r : regions.values()) {
      int[] counts = r.count(now, staleMillis);
      out.add(new RegionStatus(r.id, r.healthy, r.state, r.override, counts[0], counts[1]));
    }
    out.sort((a, b) -> a.region().compareTo(b.region()));
    return List.copyOf(out);
  }

  private void override(RegionId id, OperatorOverride override) {
    Objects.requireNonNull(id, "region");
    List<RegionHealthEvent> events = new ArrayList<>(1);
    synchronized (this) {
      RegionTracker region = regions.computeIfAbsent(id, RegionTracker::new);
      Instant now = clock.instant();
      region.override = override;
      region.advance(
          now,
          settings.healthyShare(),
          staleMillis,
          holdMillis,
          events); // catch up with the checks first
      apply(region, Cause.OPERATOR, now, now, region.count(now, staleMillis), events);
      scheduleNextDeadline();
    }
    events.forEach(listeners::publish);
  }

  /** Moves the region's state by the checks, then its traffic status; guarded by this. */
  private void evaluate(RegionTracker region, Instant now, List<RegionHealthEvent> events) {
    Instant since = region.advance(now, settings.healthyShare(), staleMillis, holdMillis, events);
    apply(region, Cause.CHECKS, since, now, region.count(now, staleMillis), events);
  }

  /** Sets the traffic status from state and override; reports a change; guarded by this. */
  private void apply(
      RegionTracker region,
      Cause cause,
      Instant since,
      Instant now,
      int[] counts,
      List<RegionHealthEvent> events) {
    boolean healthy =
        switch (region.override) {
          case FORCED_DOWN -> false;
          case FORCED_UP -> true;
          case NONE -> region.state == State.HEALTHY;
        };
    if (healthy == region.healthy) {
      return;
    }
    region.healthy = healthy;
    version.incrementAndGet();
    if (healthy) {
      events.add(new RegionFailedBack(region.id, cause, since, region.downSince, now));
      region.downSince = null;
    } else {
      region.downSince = now;
      events.add(new RegionFailedOver(region.id, cause, since, now, counts[0], counts[1]));
    }
  }

  /** Finds the earliest time a status may change without a new result; guarded by this. */
  /** Returns when {@link #version()} next re-evaluates; for tests. */
  long nextDeadlineMillis() {
    return nextDeadline;
  }

  private void scheduleNextDeadline() {
    long next = Long.MAX_VALUE;
    for (RegionTracker r : regions.values()) {
      next = Math.min(next, r.nextDeadline(holdMillis, staleMillis));
    }
    nextDeadline = next;
  }

  /** Builds a {@link RegionHealth}. Not thread-safe. */
  public static final class Builder {
    private HealthCheckSettings settings = HealthCheckSettings.defaults();
    private InstantSource clock = InstantSource.system();
    private final List<EventListener<? super RegionHealthEvent>> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the settings (default {@link HealthCheckSettings#defaults()}).
     *
     * @param settings the settings
     * @return this builder
     */
    public Builder settings(HealthCheckSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Sets the wall clock (default the system clock); a {@link java.time.Clock} will do.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Adds a listener of failovers, failbacks and suppressed flaps.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(EventListener<? super RegionHealthEvent> listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Returns the monitor.
     *
     * @return a new monitor with no region monitored yet
     */
    public RegionHealth build() {
      return new RegionHealth(this);
    }
  }
}
