package dev.tdeveloper.dr.service;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.backup.BackupEngine;
import dev.tdeveloper.dr.backup.BackupManifest;
import dev.tdeveloper.dr.backup.VerifyReport;
import dev.tdeveloper.dr.drill.DrillHistory;
import dev.tdeveloper.dr.drill.DrillResult;
import dev.tdeveloper.dr.drill.RestoreDrill;
import dev.tdeveloper.dr.drill.RestoreDrillBuilder;
import dev.tdeveloper.dr.objectives.ObjectiveStatus;
import dev.tdeveloper.dr.objectives.ObjectivesReport;
import dev.tdeveloper.dr.objectives.RecoveryObjectivesMonitor;
import dev.tdeveloper.dr.objectives.RecoveryObjectivesMonitorBuilder;
import dev.tdeveloper.dr.pitr.PointInTimeRecovery;
import dev.tdeveloper.dr.pitr.RecoveryResult;
import dev.tdeveloper.dr.pitr.RecoveryTarget;
import dev.tdeveloper.dr.policy.BackupInfo;
import dev.tdeveloper.dr.policy.BackupOutcome;
import dev.tdeveloper.dr.policy.BackupPolicy;
import dev.tdeveloper.dr.policy.BackupScheduler;
import dev.tdeveloper.dr.policy.BackupSchedulerBuilder;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupSource;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dr-core wired together: sources registered per scope are backed up by policy (a policy covers
 * source names and runs for every registered source of each name, in every scope), every new backup
 * is verified and its recovery point recorded, retention deletes old backups and garbage collection
 * their chunks, the change journal is truncated before the oldest base still kept, restore drills
 * measure the RTO, {@link #verifyAll} checks every backup, and {@link #restoreToInstant} recovers a
 * source through point-in-time recovery.
 *
 * <p>Each backup records the journal's next sequence taken <em>before</em> the source is read. A
 * source whose files an application changes through the journal (journal first, then file) must
 * therefore not read a file while a journaled change to it is on its way to the file — reading
 * under the writer's lock does it — or the backup would claim a change it does not hold.
 *
 * <p>The monitor starts empty after a restart: RTOs are seeded from the drill history when a source
 * is registered, RPOs come back with the next backup or {@link #verifyAll}. Thread-safe.
 */
public final class DisasterRecovery implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DisasterRecovery.class);

  private final InstantSource clock;
  private final Manifests manifests;
  private final Registry registry = new Registry();
  private final List<BackupPolicy> policies;
  private final RecoveryObjectivesMonitor monitor;
  private final DrillHistory history;
  private final RestoreDrill drill;
  private final PointInTimeRecovery recovery;
  private final PolicyRuns runs;
  private final BackupScheduler scheduler;
  private final DisasterRecoveryBuilder settings;
  private final Map<String, BackupInfo.State> states = new ConcurrentHashMap<>();
  private final List<ScheduledFuture<?>> background = new ArrayList<>();
  private boolean started;
  private boolean closed;

  DisasterRecovery(DisasterRecoveryBuilder b) {
    this.settings = b;
    this.clock = b.clock;
    this.policies = List.copyOf(b.policies);
    BackupEngine.Builder engine =
        BackupEngine.builder().store(b.store).cipher(b.cipher).clock(b.clock).ticker(b.ticker);
    b.listeners.forEach(engine::listener);
    this.manifests = new Manifests(engine.build(), b.store);
    RecoveryObjectivesMonitorBuilder objectives = RecoveryObjectivesMonitor.builder().clock(clock);
    policies.forEach(objectives::targets);
    b.listeners.forEach(objectives::listener);
    this.monitor = objectives.build();
    this.history = DrillHistory.open(b.drillHistory);
    try {
      RestoreDrillBuilder drills =
          RestoreDrill.builder(new EngineDrillTarget(manifests))
              .scratchRoot(b.scratchRoot)
              .validation(b.validation)
              .history(history)
              .window(b.drillWindow)
              .clock(b.clock)
              .ticker(b.ticker);
      b.listeners.forEach(drills::listener);
      this.drill = drills.build();
      this.recovery =
          PointInTimeRecovery.builder()
              .journal(b.journal)
              .baseBackups(new EngineBaseBackups(manifests))
              .build();
      this.runs =
          new PolicyRuns(
              manifests,
              registry,
              new SequenceClaims(b.journal),
              manifests.engine().garbageCollector(b.gcGrace),
              monitor,
              states);
      BackupSchedulerBuilder schedule = BackupScheduler.builder().job(runs).clock(clock);
      policies.forEach(schedule::policy);
      b.listeners.forEach(schedule::listener);
      this.scheduler = schedule.build();
    } catch (RuntimeException e) {
      history.close();
      throw e;
    }
  }

  /** Returns a builder. */
  public static DisasterRecoveryBuilder builder() {
    return new DisasterRecoveryBuilder();
  }

  /** Returns the policies, in the order added. */
  public List<BackupPolicy> policies() {
    return policies;
  }

  /**
   * Registers a source (replacing one of the same scope and name) and seeds its RTO from the drill
   * history.
   *
   * @throws IllegalArgumentException if its name is not a valid source name
   */
  public void register(BackupSource source) {
    registry.put(source);
    history
        .latest(source.scope(), source.name())
        .ifPresent(d -> monitor.recordDrill(d.scope(), d.source(), d.measuredRto(), d.succeeded()));
  }

  /** Stops backing up a source; its backups stay until deleted by hand. */
  public void unregister(BackupScope scope, String source) {
    registry.remove(scope, source);
  }

  /** Returns the registered sources, sorted by scope and name. */
  public List<BackupSource> sources() {
    return registry.all();
  }

  /**
   * Runs a policy now, as a scheduled run would: waits for a run of the same policy going on.
   *
   * @throws IllegalArgumentException naming the policies if there is none of that name
   */
  public BackupOutcome runPolicy(String name) {
    Objects.requireNonNull(name, "name");
    BackupPolicy policy =
        policies.stream()
            .filter(p -> p.name().equals(name))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no policy '"
                            + name
                            + "'; policies are "
                            + policies.stream().map(BackupPolicy::name).toList()));
    return runs.run(policy, clock.instant());
  }

  /**
   * Verifies every backup of every scope the store holds, marks the newest intact backup of each
   * registered source as a verified recovery point, and returns one report per scope.
   */
  public List<VerifyReport> verifyAll() {
    List<VerifyReport> reports = new ArrayList<>();
    for (BackupScope scope : manifests.store().scopes()) {
      VerifyReport report = manifests.engine().verify(scope, Optional.empty());
      reports.add(report);
      Set<String> broken = new HashSet<>();
      report.missingChunks().forEach(p -> broken.addAll(p.filesByBackup().keySet()));
      report.corruptChunks().forEach(p -> broken.addAll(p.filesByBackup().keySet()));
      report.corruptManifests().forEach(p -> broken.add(p.backupId()));
      for (String id : report.backupsChecked()) {
        states.put(
            PolicyRuns.key(scope, id),
            broken.contains(id) ? BackupInfo.State.FAILED : BackupInfo.State.VERIFIED);
      }
      for (BackupSource source : registry.inScope(scope)) {
        manifests.of(scope, source.name()).stream()
            .filter(m -> report.backupsChecked().contains(m.backupId()))
            .filter(m -> !broken.contains(m.backupId()))
            .reduce((older, newer) -> newer)
            .ifPresent(m -> monitor.recordRecoveryPoint(scope, m.source(), m.startedAt(), true));
      }
    }
    return reports;
  }

  /**
   * Drills a registered source now and records its measured RTO.
   *
   * @throws IllegalArgumentException if no such source is registered
   */
  public DrillResult drill(BackupScope scope, String source) {
    registry
        .get(scope, source)
        .orElseThrow(
            () ->
                new IllegalArgumentException("no source '" + source + "' registered in " + scope));
    DrillResult result = drill.run(scope, source, settings.selection);
    monitor.recordDrill(scope, source, result.measuredRto(), result.succeeded());
    return result;
  }

  /** Drills every registered source now; a source whose drill cannot be recorded is logged. */
  public List<DrillResult> drillAll() {
    List<DrillResult> results = new ArrayList<>();
    for (BackupSource source : registry.all()) {
      try {
        results.add(drill(source.scope(), source.name()));
      } catch (RuntimeException e) {
        LOG.error("restore drill of {}/{} failed", source.scope(), source.name(), e);
      }
    }
    return results;
  }

  /**
   * Recovers {@code source} of {@code scope} into {@code target} as it was at {@code instant}: the
   * newest backup finished by then, plus the journal replayed up to it.
   *
   * @throws IllegalArgumentException if {@code target} is not an empty or missing directory
   * @throws DrException if no backup is at or before the instant, or the journal has a gap
   */
  public RecoveryResult restoreToInstant(
      BackupScope scope, String source, Instant instant, Path target) {
    return recovery.recover(scope, source, RecoveryTarget.instant(instant), target);
  }

  /**
   * Returns the recorded drills of every source of {@code scope} that finished in {@code [from,
   * to)}, oldest first: the evidence that backups are restore-tested.
   *
   * @throws IllegalArgumentException if {@code to} is not after {@code from}
   */
  public List<DrillResult> drillResults(BackupScope scope, Instant from, Instant to) {
    return history.results(scope, from, to);
  }

  /** Returns the readable backups of a source, oldest first. */
  public List<BackupManifest> backups(BackupScope scope, String source) {
    return manifests.of(scope, BackupManifest.requireSourceName(source));
  }

  /** Returns the objectives now and publishes breach and recovery events. */
  public ObjectivesReport checkObjectives() {
    return monitor.check();
  }

  /** Returns the status of every registered source, sorted by scope and name. */
  public List<SourceStatus> status() {
    ObjectivesReport objectives = monitor.status();
    List<SourceStatus> statuses = new ArrayList<>();
    for (BackupSource source : registry.all()) {
      statuses.add(status(source.scope(), source.name(), objectives));
    }
    return statuses;
  }

  /** Returns the status of the registered sources of one scope. */
  public List<SourceStatus> status(BackupScope scope) {
    Objects.requireNonNull(scope, "scope");
    return status().stream().filter(s -> s.scope().equals(scope)).toList();
  }

  private SourceStatus status(BackupScope scope, String name, ObjectivesReport objectives) {
    List<BackupManifest> backups = manifests.of(scope, name);
    Optional<BackupManifest> last =
        backups.isEmpty() ? Optional.empty() : Optional.of(backups.get(backups.size() - 1));
    Optional<BackupPolicy> policy =
        policies.stream().filter(p -> p.sources().contains(name)).findFirst();
    Optional<ObjectiveStatus> o = objectives.find(scope, name);
    return new SourceStatus(
        scope,
        name,
        policy.map(BackupPolicy::name),
        backups.size(),
        last.map(BackupManifest::backupId),
        last.map(BackupManifest::finishedAt),
        o.flatMap(ObjectiveStatus::lastVerifiedPoint),
        o.flatMap(ObjectiveStatus::rpo),
        policy.map(BackupPolicy::rpo),
        o.flatMap(ObjectiveStatus::rto),
        policy.map(BackupPolicy::rto),
        history.latest(scope, name),
        o.map(ObjectiveStatus::rpoBreached).orElse(policy.isPresent()),
        o.map(ObjectiveStatus::rtoBreached).orElse(policy.isPresent()));
  }

  /**
   * Starts the background jobs on {@code executor}: the scheduler's tick (every second), drills of
   * every source, verification of every backup, and the objectives check, at the configured
   * periods. {@link #close} stops them; the executor stays the caller's.
   *
   * @throws IllegalStateException if started already or closed
   */
  public synchronized void start(ScheduledExecutorService executor) {
    Objects.requireNonNull(executor, "executor");
    if (started || closed) {
      throw new IllegalStateException(closed ? "closed" : "started already");
    }
    started = true;
    scheduler.start(executor);
    background.add(
        every(executor, this::drillAll, settings.firstDrillAfter, settings.drillEvery, "drills"));
    background.add(
        every(executor, this::verifyAll, settings.verifyEvery, settings.verifyEvery, "verify"));
    background.add(
        every(executor, monitor::check, settings.checkEvery, settings.checkEvery, "check"));
  }

  private static ScheduledFuture<?> every(
      ScheduledExecutorService executor,
      Runnable task,
      java.time.Duration first,
      java.time.Duration period,
      String what) {
    Runnable safe =
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            LOG.error("disaster-recovery background job '{}' failed", what, e);
          }
        };
    return executor.scheduleWithFixedDelay(
        safe, first.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Stops the background jobs and closes the drill history; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    scheduler.close();
    background.forEach(f -> f.cancel(false));
    history.close();
  }
}
