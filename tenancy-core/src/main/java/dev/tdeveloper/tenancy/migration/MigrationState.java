package dev.tdeveloper.tenancy.migration;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One migration as the {@link MigrationJournal} records it: its plan, its phase, how far the copy
 * got, and the last failure if it was interrupted. Enough to resume it in another process.
 *
 * <p>Immutable and thread-safe.
 *
 * @param plan the migration's plan
 * @param phase the phase it is in (or was in when interrupted)
 * @param lastCopiedKey the key of the last record copied, if any batch was copied
 * @param copiedRecords how many records were copied so far (a batch re-copied after a crash counts
 *     again)
 * @param updatedAt when this state was recorded
 * @param failure why the migration was interrupted or failed, if it was
 */
public record MigrationState(
    MigrationPlan plan,
    MigrationPhase phase,
    Optional<String> lastCopiedKey,
    long copiedRecords,
    Instant updatedAt,
    Optional<String> failure) {

  /**
   * Validates the fields.
   *
   * @throws NullPointerException naming a null field
   * @throws IllegalArgumentException if {@code copiedRecords} is negative
   */
  public MigrationState {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(lastCopiedKey, "lastCopiedKey");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(failure, "failure");
    if (copiedRecords < 0) {
      throw new IllegalArgumentException("copiedRecords must be at least 0, was " + copiedRecords);
    }
  }

  /** Returns the state of a migration just recorded: {@link MigrationPhase#PLANNED}. */
  public static MigrationState planned(MigrationPlan plan, Instant at) {
    return new MigrationState(
        plan, MigrationPhase.PLANNED, Optional.empty(), 0, at, Optional.empty());
  }

  /** Returns this state moved to {@code next}, with any failure cleared. */
  public MigrationState enter(MigrationPhase next, Instant at) {
    return new MigrationState(plan, next, lastCopiedKey, copiedRecords, at, Optional.empty());
  }

  /** Returns this state after a batch of {@code records} ending at {@code lastKey} was copied. */
  public MigrationState copied(String lastKey, int records, Instant at) {
    return new MigrationState(
        plan, phase, Optional.of(lastKey), copiedRecords + records, at, Optional.empty());
  }

  /** Returns this state, in the same phase, with {@code reason} recorded as its failure. */
  public MigrationState interrupted(String reason, Instant at) {
    return new MigrationState(plan, phase, lastCopiedKey, copiedRecords, at, Optional.of(reason));
  }

  /** Returns this state in the terminal {@code phase} with {@code reason} recorded. */
  public MigrationState finished(MigrationPhase terminal, String reason, Instant at) {
    if (!terminal.isTerminal()) {
      throw new IllegalArgumentException("phase must be terminal, was " + terminal);
    }
    return new MigrationState(
        plan, terminal, lastCopiedKey, copiedRecords, at, Optional.of(reason));
  }
}
