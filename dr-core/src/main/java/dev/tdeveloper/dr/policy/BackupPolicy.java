package dev.tdeveloper.dr.policy;

import dev.tdeveloper.dr.backup.BackupType;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * When and how a set of sources is backed up, how long backups are kept, and which recovery
 * objectives the backups must meet. Build one with {@link #builder()}. Immutable and thread-safe.
 *
 * @param name the policy's name: 1 to 64 of {@code a-z 0-9 . _ -}
 * @param sources the names of the {@link dev.tdeveloper.dr.spi.BackupSource}s covered, distinct,
 *     each 1 to 64 of {@code a-z 0-9 . _ -}
 * @param schedule when runs are due (cron, UTC)
 * @param type whether runs are full or incremental
 * @param fullEvery for incremental policies, every how many runs one is full (2 or more); empty for
 *     never (and always empty for full policies)
 * @param retention which backups to keep
 * @param encryptionRequired whether a store that does not encrypt chunks must be refused
 * @param targetStore the name of the store the backups go to
 * @param rpo the recovery point objective: at most this much data may be lost; not shorter than the
 *     schedule's longest gap between runs, which could never meet it
 * @param rto the recovery time objective: a restore must take at most this long
 * @param startWindow how late after its scheduled time a run may still start
 */
public record BackupPolicy(
    String name,
    List<String> sources,
    Schedule schedule,
    BackupType type,
    OptionalInt fullEvery,
    Retention retention,
    boolean encryptionRequired,
    String targetStore,
    Duration rpo,
    Duration rto,
    Duration startWindow) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9._-]{1,64}");

  /**
   * Checks every field; {@link BackupPolicyBuilder} documents the defaults.
   *
   * @throws IllegalArgumentException naming the field and value, for a malformed name, no or
   *     duplicate sources, a {@code fullEvery} below 2, a duration that is not positive, or an RPO
   *     shorter than the schedule's longest gap between runs
   * @throws IllegalStateException if a full policy sets {@code fullEvery}
   */
  public BackupPolicy {
    checkName("name", name);
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(fullEvery, "fullEvery");
    Objects.requireNonNull(retention, "retention");
    checkName("targetStore", targetStore);
    sources = List.copyOf(sources);
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("policy '" + name + "': sources must not be empty");
    }
    Set<String> seen = new HashSet<>();
    for (String source : sources) {
      checkName("source", source);
      if (!seen.add(source)) {
        throw new IllegalArgumentException(
            "policy '" + name + "': source '" + source + "' is listed twice in " + sources);
      }
    }
    if (fullEvery.isPresent()) {
      if (type == BackupType.FULL) {
        throw new IllegalStateException(
            "policy '" + name + "': fullEvery applies to INCREMENTAL policies only, type is FULL");
      }
      if (fullEvery.getAsInt() < 2) {
        throw new IllegalArgumentException(
            "policy '" + name + "': fullEvery must be 2 or more, was " + fullEvery.getAsInt());
      }
    }
    positive(name, "rpo", rpo);
    positive(name, "rto", rto);
    positive(name, "startWindow", startWindow);
    Duration gap = schedule.longestGap();
    if (rpo.compareTo(gap) < 0) {
      throw new IllegalArgumentException(
          "policy '"
              + name
              + "': rpo "
              + rpo
              + " is shorter than the longest gap "
              + gap
              + " between runs of schedule '"
              + schedule
              + "', so it could never be met");
    }
  }

  /** Returns a builder. */
  public static BackupPolicyBuilder builder() {
    return new BackupPolicyBuilder();
  }

  /**
   * Returns whether the run with this ordinal (0 for the first run of the policy) is a full backup:
   * always for {@link BackupType#FULL}; for incremental policies the first run and every {@code
   * fullEvery}-th after it.
   *
   * @throws IllegalArgumentException if {@code run} is negative
   */
  public boolean isFullRun(long run) {
    if (run < 0) {
      throw new IllegalArgumentException("run must be 0 or more, was " + run);
    }
    return type == BackupType.FULL
        || run == 0
        || (fullEvery.isPresent() && run % fullEvery.getAsInt() == 0);
  }

  static void checkName(String field, String value) {
    Objects.requireNonNull(value, field);
    if (!NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field + " must be 1 to 64 of a-z, 0-9, '.', '_' or '-', was '" + value + "'");
    }
  }

  private static void positive(String policy, String field, Duration value) {
    Objects.requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          "policy '" + policy + "': " + field + " must be positive, was " + value);
    }
  }
}
