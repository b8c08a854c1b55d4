package dev.tdeveloper.dr.policy;

import java.time.Instant;

/**
 * Runs one scheduled backup of a policy; supplied by the user (typically calling the backup engine
 * for each of the policy's sources). {@link BackupScheduler} never calls it twice at once for the
 * same policy. A job that throws is reported as {@link BackupOutcome.Failed}.
 */
@FunctionalInterface
public interface BackupJob {
  /**
   * Runs the backup due at {@code scheduledFor} and says how it went.
   *
   * @param policy the policy whose run is due
   * @param scheduledFor the fire time this run is for (it starts at most the policy's start window
   *     later)
   */
  BackupOutcome run(BackupPolicy policy, Instant scheduledFor);
}
