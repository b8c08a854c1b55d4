package dev.tdeveloper.dr.policy;

import java.time.Instant;
import java.util.List;

/** What {@link BackupScheduler} publishes about each scheduled run. Immutable and thread-safe. */
public sealed interface SchedulerEvent {
  /** Returns the name of the policy the event is about. */
  String policy();

  /**
   * A run started.
   *
   * @param policy the policy's name
   * @param scheduledFor the fire time the run is for
   * @param at when it started
   */
  record Started(String policy, Instant scheduledFor, Instant at) implements SchedulerEvent {}

  /**
   * A run completed.
   *
   * @param policy the policy's name
   * @param scheduledFor the fire time the run was for
   * @param backupIds the backups it published
   */
  record Completed(String policy, Instant scheduledFor, List<String> backupIds)
      implements SchedulerEvent {
    /** Copies the ids. */
    public Completed {
      backupIds = List.copyOf(backupIds);
    }
  }

  /**
   * A run failed, or could not be handed to the job executor.
   *
   * @param policy the policy's name
   * @param scheduledFor the fire time the run was for
   * @param reason what went wrong
   */
  record Failed(String policy, Instant scheduledFor, String reason) implements SchedulerEvent {}

  /**
   * One or more fire times passed without a run: the start window passed (the scheduler was stopped
   * or the previous run was still running), or a later fire time superseded them.
   *
   * @param policy the policy's name
   * @param firstMissed the earliest fire time skipped
   * @param lastMissed the latest fire time skipped (equal to {@code firstMissed} for one)
   * @param reason why
   */
  record Skipped(String policy, Instant firstMissed, Instant lastMissed, String reason)
      implements SchedulerEvent {}
}
