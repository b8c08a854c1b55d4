package dev.tdeveloper.dr.pitr;

import dev.tdeveloper.dr.spi.ChangeRecord;
import java.time.Instant;
import java.util.Objects;

/**
 * Where point-in-time recovery stops: at an instant (every change at or before it) or at a sequence
 * number (every change up to and including it). Immutable.
 */
public sealed interface RecoveryTarget {
  /** Returns the target of every change at or before {@code instant}. */
  static RecoveryTarget instant(Instant instant) {
    return new AtInstant(instant);
  }

  /** Returns the target of every change numbered up to and including {@code sequence}. */
  static RecoveryTarget sequence(long sequence) {
    return new AtSequence(sequence);
  }

  /** Returns whether the recovered state includes {@code record}. */
  boolean includes(ChangeRecord record);

  /** Returns whether recovery to this target may start from {@code base}. */
  boolean admits(BaseBackup base);

  /**
   * Recovers every change made at or before an instant.
   *
   * @param instant the last instant included
   */
  record AtInstant(Instant instant) implements RecoveryTarget {
    /** Checks the field. */
    public AtInstant {
      Objects.requireNonNull(instant, "instant");
    }

    @Override
    public boolean includes(ChangeRecord record) {
      return !record.time().isAfter(instant);
    }

    @Override
    public boolean admits(BaseBackup base) {
      return !base.finishedAt().isAfter(instant);
    }

    @Override
    public String toString() {
      return "instant " + instant;
    }
  }

  /**
   * Recovers every change numbered up to and including a sequence number.
   *
   * @param sequence the last sequence number included
   */
  record AtSequence(long sequence) implements RecoveryTarget {
    /** Checks the field. */
    public AtSequence {
      if (sequence < 0) {
        throw new IllegalArgumentException("target sequence must be >= 0, got " + sequence);
      }
    }

    @Override
    public boolean includes(ChangeRecord record) {
      return record.sequence() <= sequence;
    }

    @Override
    public boolean admits(BaseBackup base) {
      return base.nextSequence() <= sequence + 1;
    }

    @Override
    public String toString() {
      return "sequence " + sequence;
    }
  }
}
