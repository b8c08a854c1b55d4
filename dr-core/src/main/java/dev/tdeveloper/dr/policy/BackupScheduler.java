package dev.tdeveloper.dr.policy;

import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link BackupPolicy policies} on time. {@link #runDue(Instant)} starts, for each policy, the
 * run for its latest fire time that has passed, if no more than the policy's start window ago;
 * older fire times it never ran are reported as {@link SchedulerEvent.Skipped} (superseded, or too
 * late). A policy is never run twice at once: while its run goes on, a fire time that comes due
 * waits, and starts when the run ends if its window has not passed by then; else it is skipped.
 *
 * <p>Fire times are counted from the scheduler's start instant (the clock's time at build, unless
 * set): earlier ones are ignored. Jobs run on the job executor (the calling thread by default).
 * {@link #start} calls {@code runDue} every second with the clock's time. Thread-safe.
 */
public final class BackupScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BackupScheduler.class);

  private final List<BackupPolicy> policies;
  private final BackupJob job;
  private final Executor jobExecutor;
  private final InstantSource clock;
  private final Listeners<SchedulerEvent> listeners;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, Instant> cursor = new HashMap<>();
  private final Map<String, Instant> lastFire = new HashMap<>();
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private ScheduledFuture<?> ticking;
  private boolean closed;

  BackupScheduler(
      List<BackupPolicy> policies,
      BackupJob job,
      Executor jobExecutor,
      InstantSource clock,
      Listeners<SchedulerEvent> listeners,
      Instant since) {
    this.policies = List.copyOf(policies);
    this.job = job;
    this.jobExecutor = jobExecutor;
    this.clock = clock;
    this.listeners = listeners;
    policies.forEach(p -> cursor.put(p.name(), since));
  }

  /** Returns a builder; policies and a job are required. */
  public static BackupSchedulerBuilder builder() {
    return new BackupSchedulerBuilder();
  }

  /** Returns the policies, in the order given. */
  public List<BackupPolicy> policies() {
    return policies;
  }

  /**
   * Starts the runs due at {@code now} and reports the fire times skipped, as described on the
   * class. Returns the {@code Started} and {@code Skipped} events of this call (also published);
   * {@code Completed} and {@code Failed} are published when each run ends.
   */
  public List<SchedulerEvent> runDue(Instant now) {
    Objects.requireNonNull(now, "now");
    List<SchedulerEvent> decided = new ArrayList<>();
    List<Runnable> runs = new ArrayList<>();
    lock.lock();
    try {
      for (BackupPolicy policy : policies) {
        decide(policy, now, decided, runs);
      }
    } finally {
      lock.unlock();
    }
    decided.forEach(listeners::publish);
    runs.forEach(Runnable::run);
    return List.copyOf(decided);
  }

  private void decide(
      BackupPolicy policy, Instant now, List<SchedulerEvent> decided, List<Runnable> runs) {
    String name = policy.name();
    Schedule schedule = policy.schedule();
    Instant next = schedule.next(cursor.get(name));
    if (next.isAfter(now)) {
      return;
    }
    Instant latest = schedule.previous(now);
    boolean late = Duration.between(latest, now).compareTo(policy.startWindow()) > 0;
    boolean busy = running.contains(name);
    if (busy && !late) {
      return;
    }
    cursor.put(name, latest);
    lastFire.put(name, latest);
    if (late) {
      String reason =
          (busy ? "the previous run was still running and " : "")
              + "the start window of "
              + policy.startWindow()
              + " had passed at "
              + now;
      decided.add(new SchedulerEvent.Skipped(name, next, latest, reason));
      return;
    }
    if (next.isBefore(latest)) {
      Instant lastSuperseded = schedule.previous(latest.minusNanos(1));
      decided.add(
          new SchedulerEvent.Skipped(
              name, next, lastSuperseded, "superseded by the run for " + latest));
    }
    decided.add(new SchedulerEvent.Started(name, latest, now));
    running.add(name);
    runs.add(() -> dispatch(policy, latest));
  }

  private void dispatch(BackupPolicy policy, Instant scheduledFor) {
    try {
      jobExecutor.execute(() -> runJob(policy, scheduledFor));
    } catch (RejectedExecutionException e) {
      running.remove(policy.name());
      listeners.publish(
          new SchedulerEvent.Failed(
              policy.name(), scheduledFor, "the job executor refused the run: " + e));
    }
  }

  private void runJob(BackupPolicy policy, Instant scheduledFor) {
    SchedulerEvent result;
    try {
      BackupOutcome outcome =
          Objects.requireNonNull(job.run(policy, scheduledFor), "the job returned no outcome");
      result =
          outcome instanceof BackupOutcome.Completed c
              ? new SchedulerEvent.Completed(policy.name(), scheduledFor, c.backupIds())
              : new SchedulerEvent.Failed(
                  policy.name(), scheduledFor, ((BackupOutcome.Failed) outcome).reason());
    } catch (RuntimeException e) {
      LOG.warn("backup of policy {} for {} failed", policy.name(), scheduledFor, e);
      result = new SchedulerEvent.Failed(policy.name(), scheduledFor, e.toString());
    } finally {
      running.remove(policy.name());
    }
    listeners.publish(result);
  }

  /** Returns the latest fire time of the policy that was started or skipped, if any. */
  public Optional<Instant> lastFire(String policy) {
    lock.lock();
    try {
      return Optional.ofNullable(lastFire.get(policy));
    } finally {
      lock.unlock();
    }
  }

  /** Returns whether a run of the policy is going on. */
  public boolean isRunning(String policy) {
    return running.contains(policy);
  }

  /**
   * Calls {@link #runDue} every second on {@code executor} with the clock's time; a failing call is
   * logged and the next one still runs. Stop with {@link #close()}.
   *
   * @throws IllegalStateException if already started, or closed
   */
  public void start(ScheduledExecutorService executor) {
    Objects.requireNonNull(executor, "executor");
    lock.lock();
    try {
      if (closed || ticking != null) {
        throw new IllegalStateException(
            closed ? "the scheduler is closed" : "the scheduler was already started");
      }
      ticking = executor.scheduleAtFixedRate(this::tick, 0, 1, TimeUnit.SECONDS);
    } finally {
      lock.unlock();
    }
  }

  private void tick() {
    try {
      runDue(clock.instant());
    } catch (RuntimeException e) {
      LOG.warn("backup scheduler tick failed", e);
    }
  }

  /** Stops the ticks (runs going on are left to finish); idempotent. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      if (ticking != null) {
        ticking.cancel(false);
      }
    } finally {
      lock.unlock();
    }
  }
}
