package dev.tdeveloper.distribution.lag;

import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.replication.ReplicationMessage;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Measures how far each region's replicas are behind, per (origin, receiver) pair and per tenant,
 * from the messages it is shown: {@link #onPublished} when a change enters the channel, {@link
 * #onApplied} when a receiver has applied it. Lag is counted in operations (changes published to
 * the receiver and not yet applied) and in time (now minus the HLC stamp of the oldest of them;
 * zero when caught up).
 *
 * <p>Applying is cumulative per (origin, receiver), as the channel's acknowledgements are: applying
 * sequence {@code s} from an origin means everything up to {@code s} was applied. So duplicates are
 * harmless, and a change applied before the monitor saw it published is never counted.
 *
 * <p>Each tenant has a staleness SLO (the {@linkplain Builder#defaultStalenessSlo default} unless
 * set for it); a tenant's replica in a receiver whose lag exceeds it emits {@link
 * LagEvent.StalenessSloBreached} once, and {@link LagEvent.StalenessSloRecovered} once when back
 * within it. One tenant's backlog never counts as another's lag. Changes of no tenant count in the
 * pair's lag only. Time passes without messages, so call {@link #evaluate()} on a schedule to see
 * breaches of a receiver that stopped applying.
 *
 * <p>Thread-safe, and publishing scales: each (pair, tenant) backlog has its own lock, so
 * publishers meet only on the same tenant's backlog; appliers of a pair take that pair's lock and
 * then each of its backlogs' locks in turn, never holding two backlogs at once. Listeners run on a
 * thread that caused a transition, one at a time, each backlog's events in transition order, before
 * the call that caused the event returns, and with no backlog's lock held: a listener may query the
 * monitor ({@link #lag}, {@link #snapshot}), but must be quick. Queries read each backlog under its
 * lock: a snapshot taken while messages flow is consistent per tenant and pair, not across them.
 */
public final class ReplicationLagMonitor {
  /** The staleness SLO of tenants without one: 60 seconds. */
  public static final Duration DEFAULT_STALENESS_SLO = Duration.ofSeconds(60);

  private final InstantSource clock;
  private final Duration defaultSlo;
  private final Map<TenantId, Duration> slos;
  private final Listeners<LagEvent> listeners;
  // Events are queued under their backlog's lock (so each backlog's stay in transition order) and
  // delivered by whoever holds eventLock, never under a backlog's lock: a listener that queries the
  // monitor cannot deadlock with a thread that holds a backlog and waits to deliver.
  private final ConcurrentLinkedQueue<LagEvent> pending = new ConcurrentLinkedQueue<>();
  private final ReentrantLock eventLock = new ReentrantLock();
  private final ConcurrentHashMap<RegionPair, PairBacklogs> pairs = new ConcurrentHashMap<>();

  private ReplicationLagMonitor(Builder b) {
    this.clock = b.clock;
    this.defaultSlo = b.defaultSlo;
    this.slos = Map.copyOf(b.slos);
    this.listeners = Listeners.of(b.listeners);
  }

  /**
   * Returns a builder: system clock, 60 s staleness SLO for every tenant, no listeners.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Records a published message: one more operation behind for each of its targets that has not
   * applied it yet. Seeing the same message twice counts it once. Takes only the locks of the
   * message's tenant's backlogs, so publishers of different tenants never wait for each other nor
   * for an applier walking a pair.
   *
   * @param message the message the channel returned from {@code publish}
   */
  public void onPublished(ReplicationMessage message) {
    Objects.requireNonNull(message, "message");
    RegionId origin = message.change().origin();
    Optional<TenantId> tenant = message.change().tenant();
    long stamp = message.change().stamp().encode();
    boolean queued = false;
    for (RegionId receiver : message.change().targets()) {
      PairBacklogs pair = pair(origin, receiver);
      Backlog backlog = pair.backlog(tenant);
      synchronized (backlog) {
        // Read under the backlog's lock: an applier raising appliedUpTo past this sequence
        // either is seen here, or takes this lock after the add and removes it (see onApplied).
        if (message.sequence() > pair.appliedUpTo) {
          backlog.add(message.sequence(), stamp);
        }
        queued |= check(origin, receiver, tenant, backlog, clock.millis());
      }
    }
    if (queued) {
      deliver();
    }
  }

  /**
   * Records that {@code receiver} applied {@code message} and everything before it from the same
   * origin. Applying an older message than already applied changes nothing.
   *
   * @param receiver the region that applied it
   * @param message the message
   * @throws IllegalArgumentException if {@code receiver} is the message's origin
   */
  public void onApplied(RegionId receiver, ReplicationMessage message) {
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(message, "message");
    RegionId origin = message.change().origin();
    if (receiver.equals(origin)) {
      throw new IllegalArgumentException(
          "region " + receiver + " cannot apply its own change as a receiver");
    }
    PairBacklogs pair = pair(origin, receiver);
    boolean queued = false;
    synchronized (pair) {
      long applied = message.sequence();
      if (applied <= pair.appliedUpTo) {
        return;
      }
      pair.appliedUpTo = applied; // volatile: publishers read it under their backlog's lock
      // A backlog created after this walk began reads the new mark before it adds anything.
      for (Map.Entry<Optional<TenantId>, Backlog> e : pair.backlogs.entrySet()) {
        Backlog backlog = e.getValue();
        synchronized (backlog) {
          if (backlog.operations() > 0 || backlog.breachedSince != null) {
            backlog.removeUpTo(applied);
            queued |= check(origin, receiver, e.getKey(), backlog, clock.millis());
          }
        }
      }
    }
    if (queued) {
      deliver();
    }
  }

  /**
   * Checks every tenant's staleness against its SLO at the clock's current time, emitting the
   * events of transitions since the last check; call it on a schedule.
   */
  public void evaluate() {
    for (Map.Entry<RegionPair, PairBacklogs> pair : sortedPairs()) {
      RegionId origin = pair.getKey().origin();
      RegionId receiver = pair.getKey().receiver();
      pair.getValue()
          .backlogs
          .forEach(
              (tenant, backlog) -> {
                synchronized (backlog) {
                  check(origin, receiver, tenant, backlog, clock.millis());
                }
              });
    }
    deliver();
  }

  /**
   * Checks one backlog at {@code now} and queues the event of a transition; the caller holds the
   * backlog's lock, and calls {@link #deliver} once it no longer holds any when this returns true.
   */
  private boolean check(
      RegionId origin, RegionId receiver, Optional<TenantId> tenant, Backlog backlog, long now) {
    if (tenant.isEmpty()) {
      return false;
    }
    Duration slo = stalenessSlo(tenant.get());
    Duration lag = backlog.lag(now);
    boolean breached = lag.compareTo(slo) > 0;
    if (breached == (backlog.breachedSince != null)) {
      return false;
    }
    Instant at = Instant.ofEpochMilli(now);
    LagEvent event;
    if (breached) {
      backlog.breachedSince = at;
      event =
          new LagEvent.StalenessSloBreached(
              tenant.get(), origin, receiver, lag, slo, backlog.operations(), at);
    } else {
      Duration breachedFor = Duration.between(backlog.breachedSince, at);
      backlog.breachedSince = null;
      event =
          new LagEvent.StalenessSloRecovered(
              tenant.get(),
              origin,
              receiver,
              lag,
              slo,
              breachedFor.isNegative() ? Duration.ZERO : breachedFor,
              at);
    }
    pending.add(event);
    return true;
  }

  /**
   * Delivers the queued events in queue order, one at a time. Waits for a thread delivering now, so
   * that every event this thread queued has reached the listeners when this returns.
   */
  private void deliver() {
    eventLock.lock();
    try {
      for (LagEvent event = pending.poll(); event != null; event = pending.poll()) {
        listeners.publish(event);
      }
    } finally {
      eventLock.unlock();
    }
  }

  private PairBacklogs pair(RegionId origin, RegionId receiver) {
    RegionPair key = new RegionPair(origin, receiver);
    PairBacklogs pair = pairs.get(key);
    return pair != null ? pair : pairs.computeIfAbsent(key, p -> new PairBacklogs());
  }

  private List<Map.Entry<RegionPair, PairBacklogs>> sortedPairs() {
    List<Map.Entry<RegionPair, PairBacklogs>> sorted = new ArrayList<>(pairs.entrySet());
    sorted.sort(Map.Entry.comparingByKey());
    return sorted;
  }

  /**
   * Returns the staleness SLO of {@code tenant}: its own, or the default.
   *
   * @param tenant the tenant
   * @return the SLO
   */
  public Duration stalenessSlo(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return slos.getOrDefault(tenant, defaultSlo);
  }

  /**
   * Returns the lag from {@code origin} to {@code receiver} over every tenant.
   *
   * @param origin the origin region
   * @param receiver the receiving region
   * @return the lag, zero for a pair never seen
   */
  public PairLag lag(RegionId origin, RegionId receiver) {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(receiver, "receiver");
    PairBacklogs state = pairs.get(new RegionPair(origin, receiver));
    return PairBacklogs.lag(origin, receiver, state, clock.millis());
  }

  /**
   * Returns {@code tenant}'s lag from {@code origin} to {@code receiver}.
   *
   * @param tenant the tenant
   * @param origin the origin region
   * @param receiver the receiving region
   * @return the lag, zero for a tenant or pair never seen
   */
  public TenantLag lag(TenantId tenant, RegionId origin, RegionId receiver) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(receiver, "receiver");
    PairBacklogs state = pairs.get(new RegionPair(origin, receiver));
    Backlog backlog = state == null ? null : state.backlogs.get(Optional.of(tenant));
    if (backlog == null) {
      return tenantLag(tenant, origin, receiver, null, clock.millis());
    }
    synchronized (backlog) {
      return tenantLag(tenant, origin, receiver, backlog, clock.millis());
    }
  }

  /**
   * Returns every pair's and tenant's lag now (it does not emit events: see {@link #evaluate()}).
   *
   * @return the snapshot
   */
  public LagSnapshot snapshot() {
    long now = clock.millis();
    List<PairLag> pairLags = new ArrayList<>(pairs.size());
    List<TenantLag> tenantLags = new ArrayList<>();
    for (Map.Entry<RegionPair, PairBacklogs> e : sortedPairs()) {
      RegionPair pair = e.getKey();
      pairLags.add(PairBacklogs.lag(pair.origin(), pair.receiver(), e.getValue(), now));
      e.getValue()
          .backlogs
          .forEach(
              (tenant, backlog) -> {
                if (tenant.isPresent()) {
                  synchronized (backlog) {
                    tenantLags.add(
                        tenantLag(tenant.get(), pair.origin(), pair.receiver(), backlog, now));
                  }
                }
              });
    }
    tenantLags.sort(
        Comparator.comparing(TenantLag::tenant)
            .thenComparing(TenantLag::origin)
            .thenComparing(TenantLag::receiver));
    return new LagSnapshot(Instant.ofEpochMilli(now), pairLags, tenantLags);
  }

  private TenantLag tenantLag(
      TenantId tenant, RegionId origin, RegionId receiver, Backlog backlog, long now) {
    return backlog == null
        ? new TenantLag(tenant, origin, receiver, 0, Duration.ZERO, stalenessSlo(tenant), false)
        : new TenantLag(
            tenant,
            origin,
            receiver,
            backlog.operations(),
            backlog.lag(now),
            stalenessSlo(tenant),
            backlog.breachedSince != null);
  }

  /**
   * Configures a {@link ReplicationLagMonitor}; each setting at most once (SLOs once per tenant).
   * Not thread-safe.
   */
  public static final class Builder {
    private InstantSource clock = InstantSource.system();
    private boolean clockSet;
    private Duration defaultSlo = DEFAULT_STALENESS_SLO;
    private boolean defaultSloSet;
    private final Map<TenantId, Duration> slos = new HashMap<>();
    private final List<EventListener<? super LagEvent>> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the wall clock lag is measured with (a {@link java.time.Clock} is one); default the
     * system clock.
     *
     * @param clock the clock
     * @return this builder
     * @throws IllegalStateException if set already
     */
    public Builder clock(InstantSource clock) {
      Objects.requireNonNull(clock, "clock");
      if (clockSet) {
        throw new IllegalStateException("clock was already set");
      }
      this.clock = clock;
      clockSet = true;
      return this;
    }

    /**
     * Sets the staleness SLO of tenants without their own; default 60 s.
     *
     * @param slo more than zero
     * @return this builder
     * @throws IllegalArgumentException if not positive
     * @throws IllegalStateException if set already
     */
    public Builder defaultStalenessSlo(Duration slo) {
      requirePositive("defaultStalenessSlo", slo);
      if (defaultSloSet) {
        throw new IllegalStateException("defaultStalenessSlo was already set to " + defaultSlo);
      }
      defaultSlo = slo;
      defaultSloSet = true;
      return this;
    }

    /**
     * Sets {@code tenant}'s staleness SLO: how far behind its origin a replica of its data may be.
     *
     * @param tenant the tenant
     * @param slo more than zero
     * @return this builder
     * @throws IllegalArgumentException if not positive
     * @throws IllegalStateException if set already for {@code tenant}
     */
    public Builder stalenessSlo(TenantId tenant, Duration slo) {
      Objects.requireNonNull(tenant, "tenant");
      requirePositive("stalenessSlo of " + tenant, slo);
      if (slos.containsKey(tenant)) {
        throw new IllegalStateException(
            "stalenessSlo of " + tenant + " was already set to " + slos.get(tenant));
      }
      slos.put(tenant, slo);
      return this;
    }

    /**
     * Adds a listener for SLO breaches and recoveries.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(EventListener<? super LagEvent> listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Builds the monitor.
     *
     * @return the monitor
     */
    public ReplicationLagMonitor build() {
      return new ReplicationLagMonitor(this);
    }

    private static void requirePositive(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(
            name + " " + value + " is invalid; allowed: more than zero");
      }
    }
  }
}
