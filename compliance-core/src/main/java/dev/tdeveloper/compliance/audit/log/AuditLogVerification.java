package dev.tdeveloper.compliance.audit.log;

import dev.tdeveloper.compliance.audit.file.VerificationReport;
import dev.tdeveloper.compliance.audit.integrity.CheckpointContinuity;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AuditLog#verify()} found: the offline verifier's report on the files (framing,
 * sequence, leaf hashes, keyed chain, stored checkpoints' roots) and, when an anchor is configured,
 * whether the log still extends the checkpoint anchored outside it. Immutable.
 *
 * @param report the verifier's report
 * @param anchor the comparison with the latest anchored checkpoint, if there is one
 */
public record AuditLogVerification(
    VerificationReport report, Optional<CheckpointContinuity> anchor) {
  /** Checks that no field is null. */
  public AuditLogVerification {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(anchor, "anchor");
  }

  /** Returns whether the files are intact and the log extends the anchored checkpoint. */
  public boolean ok() {
    return report.ok() && anchor.map(CheckpointContinuity::holds).orElse(true);
  }

  /** Returns one sentence saying what was found. */
  public String describe() {
    String files =
        report
            .problem()
            .map(p -> "problem: " + p)
            .orElse(report.entriesChecked() + " stored entries verified");
    return files + anchor.map(a -> "; anchor: " + a.describe()).orElse("; no anchor");
  }
}
