package dev.tdeveloper.dr.objectives;

import dev.tdeveloper.dr.internal.Names;
import dev.tdeveloper.dr.policy.BackupPolicy;
import dev.tdeveloper.dr.spi.BackupScope;
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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks recovery objectives per scope and source: the live RPO is now minus the newest
 * <em>verified</em> recovery point, the RTO the duration of the last successful restore drill.
 * Targets are set per source name and apply in every scope. {@link #check()} publishes an {@link
 * ObjectiveEvent} only when an objective turns breached or met again. Each scope's entries are
 * separate: a tenant's recovery points and drills never show in, or change, another's status.
 *
 * <p>Time comes from the injected {@link InstantSource}. Thread-safe: updates and checks are
 * serialized; listeners run on the checking thread after the bookkeeping.
 */
public final class RecoveryObjectivesMonitor {
  private static final Logger LOG = LoggerFactory.getLogger(RecoveryObjectivesMonitor.class);
  private static final Comparator<Key> ORDER =
      Comparator.comparing((Key k) -> k.scope().key()).thenComparing(Key::source);

  private final InstantSource clock;
  private final Listeners<ObjectiveEvent> listeners;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, RecoveryTargets> targets;
  private final Map<Key, Track> tracks = new HashMap<>();

  private record Key(BackupScope scope, String source) {}

  /** What is known of one scope's source; guarded by the lock. */
  private static final class Track {
    Instant lastVerified;
    Duration lastRto;
    boolean lastDrillFailed;
    boolean rpoAlerted;
    boolean rtoAlerted;
  }

  RecoveryObjectivesMonitor(
      InstantSource clock,
      Listeners<ObjectiveEvent> listeners,
      Map<String, RecoveryTargets> targets) {
    this.clock = clock;
    this.listeners = listeners;
    this.targets = new HashMap<>(targets);
  }

  /** Returns a builder. */
  public static RecoveryObjectivesMonitorBuilder builder() {
    return new RecoveryObjectivesMonitorBuilder();
  }

  /**
   * Sets the targets of a source, in every scope, replacing any set before.
   *
   * @throws IllegalArgumentException if the source name is malformed
   */
  public void setTargets(String source, RecoveryTargets targets) {
    checkSource(source);
    Objects.requireNonNull(targets, "targets");
    lock.lock();
    try {
      this.targets.put(source, targets);
    } finally {
      lock.unlock();
    }
  }

  /** Sets the policy's RPO and RTO as the targets of each of its sources. */
  public void setTargets(BackupPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    RecoveryTargets fromPolicy = new RecoveryTargets(policy.rpo(), policy.rto());
    policy.sources().forEach(source -> setTargets(source, fromPolicy));
  }

  /**
   * Records that a backup of the source in the scope can restore the state at {@code point}. Only
   * verified points count for the RPO; an older point than one recorded changes nothing.
   *
   * @throws IllegalArgumentException if the source name is malformed or {@code point} is later than
   *     now
   */
  public void recordRecoveryPoint(
      BackupScope scope, String source, Instant point, boolean verified) {
    Key key = key(scope, source);
    Objects.requireNonNull(point, "point");
    lock.lock();
    try {
      Instant now = clock.instant();
      if (point.isAfter(now)) {
        throw new IllegalArgumentException(
            "recovery point "
                + point
                + " of "
                + key.scope()
                + "/"
                + source
                + " is after now, "
                + now);
      }
      Track track = tracks.computeIfAbsent(key, k -> new Track());
      if (verified && (track.lastVerified == null || point.isAfter(track.lastVerified))) {
        track.lastVerified = point;
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Records a restore drill of the source in the scope: a successful one sets the RTO to its
   * duration, a failed one keeps the RTO but marks it breached until a drill succeeds.
   *
   * @throws IllegalArgumentException if the source name is malformed or the duration negative
   */
  public void recordDrill(
      BackupScope scope, String source, Duration measuredRto, boolean succeeded) {
    Key key = key(scope, source);
    Objects.requireNonNull(measuredRto, "measuredRto");
    if (measuredRto.isNegative()) {
      throw new IllegalArgumentException(
          "measuredRto must not be negative, was " + measuredRto + " for " + scope + "/" + source);
    }
    lock.lock();
    try {
      Track track = tracks.computeIfAbsent(key, k -> new Track());
      track.lastDrillFailed = !succeeded;
      if (succeeded) {
        track.lastRto = measuredRto;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Returns the status of every tracked scope and source now, sorted by scope and source. */
  public ObjectivesReport status() {
    lock.lock();
    try {
      Instant now = clock.instant();
      List<ObjectiveStatus> statuses = new ArrayList<>();
      sortedKeys().forEach(key -> statuses.add(status(key, tracks.get(key), now)));
      return new ObjectivesReport(now, statuses);
    } finally {
      lock.unlock();
    }
  }

  /** Returns the status of one scope's sources now; other scopes are not included. */
  public ObjectivesReport status(BackupScope scope) {
    ObjectivesReport all = status();
    return new ObjectivesReport(all.at(), all.of(scope));
  }

  /**
   * Computes every status now and publishes an event for each objective that turned breached or met
   * since the last check. Returns the statuses.
   */
  public ObjectivesReport check() {
    List<ObjectiveEvent> events = new ArrayList<>();
    ObjectivesReport report;
    lock.lock();
    try {
      Instant now = clock.instant();
      List<ObjectiveStatus> statuses = new ArrayList<>();
      for (Key key : sortedKeys()) {
        Track track = tracks.get(key);
        ObjectiveStatus status = status(key, track, now);
        statuses.add(status);
        if (status.rpoBreached() != track.rpoAlerted) {
          track.rpoAlerted = status.rpoBreached();
          events.add(
              status.rpoBreached()
                  ? new ObjectiveEvent.RpoBreached(key.scope(), key.source(), status, now)
                  : new ObjectiveEvent.Recovered(
                      key.scope(), key.source(), ObjectiveEvent.Objective.RPO, status, now));
        }
        if (status.rtoBreached() != track.rtoAlerted) {
          track.rtoAlerted = status.rtoBreached();
          events.add(
              status.rtoBreached()
                  ? new ObjectiveEvent.RtoBreached(key.scope(), key.source(), status, now)
                  : new ObjectiveEvent.Recovered(
                      key.scope(), key.source(), ObjectiveEvent.Objective.RTO, status, now));
        }
      }
      report = new ObjectivesReport(now, statuses);
    } finally {
      lock.unlock();
    }
    events.forEach(listeners::publish);
    return report;
  }

  /**
   * Checks every {@code period} on {@code executor}; a failed check is logged and the next still
   * runs. Cancel the returned future (or shut the executor down) to stop.
   *
   * @throws IllegalArgumentException if {@code period} is not positive
   */
  public ScheduledFuture<?> schedule(ScheduledExecutorService executor, Duration period) {
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(period, "period");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive, was " + period);
    }
    return executor.scheduleWithFixedDelay(
        () -> {
          try {
            check();
          } catch (RuntimeException e) {
            LOG.warn("recovery objectives check failed", e);
          }
        },
        period.toNanos(),
        period.toNanos(),
        TimeUnit.NANOSECONDS);
  }

  private List<Key> sortedKeys() {
    return tracks.keySet().stream().sorted(ORDER).toList();
  }

  private ObjectiveStatus status(Key key, Track track, Instant now) {
    Optional<Instant> point = Optional.ofNullable(track.lastVerified);
    Optional<Duration> rpo = point.map(p -> Duration.between(p, now));
    Optional<Duration> rto = Optional.ofNullable(track.lastRto);
    Optional<RecoveryTargets> target = Optional.ofNullable(targets.get(key.source()));
    boolean rpoBreached =
        target.isPresent() && rpo.map(r -> r.compareTo(target.get().rpo()) > 0).orElse(true);
    boolean rtoBreached =
        target.isPresent()
            && (track.lastDrillFailed
                || rto.map(r -> r.compareTo(target.get().rto()) > 0).orElse(true));
    return new ObjectiveStatus(
        key.scope(),
        key.source(),
        point,
        rpo,
        rto,
        track.lastDrillFailed,
        target,
        rpoBreached,
        rtoBreached);
  }

  private static Key key(BackupScope scope, String source) {
    Objects.requireNonNull(scope, "scope");
    checkSource(source);
    return new Key(scope, source);
  }

  static void checkSource(String source) {
    Objects.requireNonNull(source, "source");
    if (!Names.isSourceName(source)) {
      throw new IllegalArgumentException(
          "source must be 1 to 64 of a-z, 0-9, '.', '_' or '-', was '" + source + "'");
    }
  }
}
