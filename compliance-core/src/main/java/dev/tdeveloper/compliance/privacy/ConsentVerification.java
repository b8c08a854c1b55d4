package dev.tdeveloper.compliance.privacy;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * The result of {@link ConsentLedger#verify()}. Immutable and thread-safe.
 *
 * @param size how many entries were checked
 * @param firstBadIndex the index of the first entry whose position, link or hash is wrong; empty if
 *     the ledger is intact
 * @param problem what is wrong with it; empty if intact
 */
public record ConsentVerification(long size, OptionalLong firstBadIndex, String problem) {
  /** Checks the fields. */
  public ConsentVerification {
    Objects.requireNonNull(firstBadIndex, "firstBadIndex");
    Objects.requireNonNull(problem, "problem");
  }

  /** Returns whether every entry verified. */
  public boolean intact() {
    return firstBadIndex.isEmpty();
  }
}
