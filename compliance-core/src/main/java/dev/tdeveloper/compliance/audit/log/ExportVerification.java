package dev.tdeveloper.compliance.audit.log;

import dev.tdeveloper.compliance.audit.integrity.Checkpoint;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link AuditExports#verify}: how many entries verified and, if one did not, which
 * line (1-based, the checkpoint being line 1) and why. Immutable.
 *
 * @param entriesVerified entries that verified before the first bad line (or all)
 * @param checkpoint the verified checkpoint the export leads to, if its line verified
 * @param badLine the first bad line, if any
 * @param problem why it is bad, if any
 */
public record ExportVerification(
    long entriesVerified,
    Optional<Checkpoint> checkpoint,
    Optional<Integer> badLine,
    Optional<String> problem) {
  /** Checks that no field is null. */
  public ExportVerification {
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(badLine, "badLine");
    Objects.requireNonNull(problem, "problem");
  }

  static ExportVerification good(long entries, Checkpoint checkpoint) {
    return new ExportVerification(
        entries, Optional.of(checkpoint), Optional.empty(), Optional.empty());
  }

  static ExportVerification bad(long entries, int line, String problem) {
    return new ExportVerification(
        entries, Optional.empty(), Optional.of(line), Optional.of(problem));
  }

  /** Returns whether every line verified. */
  public boolean ok() {
    return problem.isEmpty();
  }
}
