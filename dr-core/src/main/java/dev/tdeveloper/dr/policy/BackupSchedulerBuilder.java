package dev.tdeveloper.dr.policy;

import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Builds a {@link BackupScheduler}. Required: at least one policy (distinct names) and the job.
 * Defaults: the system clock, jobs run on the thread calling {@code runDue}, fire times counted
 * from the clock's time at {@link #build()}. Each single setting may be set once. Not thread-safe.
 */
public final class BackupSchedulerBuilder {
  private final List<BackupPolicy> policies = new ArrayList<>();
  private final List<EventListener<? super SchedulerEvent>> listeners = new ArrayList<>();
  private BackupJob job;
  private Executor jobExecutor;
  private InstantSource clock;
  private Instant since;

  BackupSchedulerBuilder() {}

  /**
   * Adds a policy.
   *
   * @throws IllegalArgumentException if a policy with the same name was added
   */
  public BackupSchedulerBuilder policy(BackupPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    if (policies.stream().anyMatch(p -> p.name().equals(policy.name()))) {
      throw new IllegalArgumentException("policy '" + policy.name() + "' was already added");
    }
    policies.add(policy);
    return this;
  }

  /** Sets what runs a due backup. */
  public BackupSchedulerBuilder job(BackupJob job) {
    once(this.job, "job");
    this.job = Objects.requireNonNull(job, "job");
    return this;
  }

  /** Sets where jobs run; default the thread calling {@code runDue}. */
  public BackupSchedulerBuilder jobExecutor(Executor jobExecutor) {
    once(this.jobExecutor, "jobExecutor");
    this.jobExecutor = Objects.requireNonNull(jobExecutor, "jobExecutor");
    return this;
  }

  /** Sets the clock {@link BackupScheduler#start} reads; default the system clock. */
  public BackupSchedulerBuilder clock(InstantSource clock) {
    once(this.clock, "clock");
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Sets the instant fire times are counted from (exclusive); default the clock's time at build.
   */
  public BackupSchedulerBuilder since(Instant since) {
    once(this.since, "since");
    this.since = Objects.requireNonNull(since, "since");
    return this;
  }

  /** Adds a listener for the scheduler's events. */
  public BackupSchedulerBuilder listener(EventListener<? super SchedulerEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Builds the scheduler.
   *
   * @throws IllegalStateException if no policy or no job was given
   */
  public BackupScheduler build() {
    if (policies.isEmpty()) {
      throw new IllegalStateException("backup scheduler: no policy was added");
    }
    if (job == null) {
      throw new IllegalStateException("backup scheduler: job is not set");
    }
    InstantSource source = clock == null ? InstantSource.system() : clock;
    return new BackupScheduler(
        policies,
        job,
        jobExecutor == null ? Runnable::run : jobExecutor,
        source,
        Listeners.of(listeners),
        since == null ? source.instant() : since);
  }

  private static void once(Object current, String field) {
    if (current != null) {
      throw new IllegalStateException(field + " was already set");
    }
  }
}
