package dev.tdeveloper.compliance.audit.file;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@link AuditVerifier} found in a log directory: how many entries it checked and, if the log
 * is not intact, the first problem with the index of the first bad entry. Immutable and
 * thread-safe.
 *
 * @param size the entries the log holds (retained or not), as far as the verifier could read it
 * @param firstRetained the first entry whose event is still stored
 * @param entriesChecked how many stored entries were checked before the first problem (or all)
 * @param problem the first problem, empty when the log is intact
 */
public record VerificationReport(
    long size, long firstRetained, long entriesChecked, Optional<Problem> problem) {
  /**
   * Validates the fields.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public VerificationReport {
    Objects.requireNonNull(problem, "problem");
    if (size < 0 || firstRetained < 0 || entriesChecked < 0) {
      throw new IllegalArgumentException(
          "counts must not be negative: " + size + ", " + firstRetained + ", " + entriesChecked);
    }
  }

  /** Returns whether the log passed every check. */
  public boolean ok() {
    return problem.isEmpty();
  }

  /** The kinds of problem the verifier reports. */
  public enum Kind {
    /** A frame, file header or state file is damaged (bad length, checksum or layout). */
    DAMAGED_FRAME,
    /** An entry is missing, out of order or duplicated: its sequence is not the expected one. */
    SEQUENCE_GAP,
    /** An entry's stored leaf hash is not {@code SHA-256(0x00 || event)}. */
    LEAF_HASH_MISMATCH,
    /** {@code leaves.hashes} disagrees with the entries, or holds more or fewer than it must. */
    LEAVES_FILE_MISMATCH,
    /** An entry's keyed-chain value is missing or not what the key recomputes. */
    CHAIN_MISMATCH,
    /** The log is shorter than the size the caller expected (a deleted tail). */
    TAIL_MISSING,
    /** The log disagrees with a signed checkpoint (reported by an added {@link LogCheck}). */
    CHECKPOINT_MISMATCH
  }

  /**
   * One problem.
   *
   * @param kind what is wrong
   * @param index the index of the first entry affected (for a missing tail: the first missing)
   * @param file the file where it was found, if one
   * @param offset the byte offset in {@code file}, if known
   * @param detail a sentence for people
   */
  public record Problem(
      Kind kind, long index, Optional<Path> file, OptionalLong offset, String detail) {
    /** Validates the fields. */
    public Problem {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(offset, "offset");
      Objects.requireNonNull(detail, "detail");
    }

    /** Returns a problem at entry {@code index} not tied to a file. */
    public static Problem at(Kind kind, long index, String detail) {
      return new Problem(kind, index, Optional.empty(), OptionalLong.empty(), detail);
    }

    /** Returns a problem at entry {@code index} found at byte {@code offset} of {@code file}. */
    public static Problem in(Kind kind, long index, Path file, long offset, String detail) {
      return new Problem(kind, index, Optional.of(file), OptionalLong.of(offset), detail);
    }

    @Override
    public String toString() {
      return kind
          + " at entry "
          + index
          + file.map(f -> " in " + f).orElse("")
          + (offset.isPresent() ? " at byte offset " + offset.getAsLong() : "")
          + ": "
          + detail;
    }
  }
}
