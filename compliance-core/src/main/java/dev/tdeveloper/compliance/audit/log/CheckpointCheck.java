package dev.tdeveloper.compliance.audit.log;

import dev.tdeveloper.compliance.audit.file.LogCheck;
import dev.tdeveloper.compliance.audit.file.VerificationReport;
import dev.tdeveloper.compliance.audit.file.VerificationReport.Kind;
import dev.tdeveloper.compliance.audit.file.VerifiedLog;
import dev.tdeveloper.compliance.audit.integrity.Checkpoint;
import dev.tdeveloper.compliance.audit.integrity.CheckpointException;
import dev.tdeveloper.compliance.audit.integrity.CheckpointVerifier;
import dev.tdeveloper.compliance.audit.integrity.MerkleTree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link LogCheck} that ties a log to its signed checkpoints: every stored checkpoint must be
 * signed by a known key, name the log's origin, never shrink, and have the Merkle root that the
 * log's leaf hashes give at its size. One pass over the leaf hashes in O(log n) memory, so it runs
 * on logs of any length. Immutable and thread-safe.
 */
public final class CheckpointCheck implements LogCheck {
  private final CheckpointVerifier verifier;
  private final String origin;

  private CheckpointCheck(CheckpointVerifier verifier, String origin) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.origin = Objects.requireNonNull(origin, "origin");
  }

  /**
   * Creates the check.
   *
   * @param verifier the keys checkpoints must be signed with
   * @param origin the origin line every checkpoint of this log carries
   */
  public static CheckpointCheck of(CheckpointVerifier verifier, String origin) {
    return new CheckpointCheck(verifier, origin);
  }

  @Override
  public Optional<VerificationReport.Problem> check(VerifiedLog log) {
    return check(log.size(), log::readLeafHashes, log.checkpoints());
  }

  /**
   * Checks {@code notes} against a log of {@code size} entries whose leaf hashes {@code leaves}
   * reads: the same check over any {@link dev.tdeveloper.compliance.spi.AuditSink}.
   */
  Optional<VerificationReport.Problem> check(
      long size, MerkleTree.LeafHashes leaves, List<String> notes) {
    List<Checkpoint> checkpoints = new ArrayList<>();
    long previous = 0;
    for (String note : notes) {
      Checkpoint checkpoint;
      try {
        checkpoint = verifier.verify(note);
      } catch (CheckpointException e) {
        return problem(previous, "a stored checkpoint does not verify: " + e.getMessage());
      }
      if (!checkpoint.origin().equals(origin)) {
        return problem(
            previous,
            "a stored checkpoint names origin '"
                + checkpoint.origin()
                + "', this log is '"
                + origin
                + "'");
      }
      if (checkpoint.size() < previous) {
        return problem(
            checkpoint.size(),
            "checkpoint of size " + checkpoint.size() + " follows one of size " + previous);
      }
      if (checkpoint.size() > size) {
        return Optional.of(
            VerificationReport.Problem.at(
                Kind.TAIL_MISSING,
                size,
                "a stored checkpoint covers "
                    + checkpoint.size()
                    + " entries but the log holds "
                    + size));
      }
      checkpoints.add(checkpoint);
      previous = checkpoint.size();
    }
    return compareRoots(leaves, checkpoints);
  }

  private static Optional<VerificationReport.Problem> compareRoots(
      MerkleTree.LeafHashes leaves, List<Checkpoint> checkpoints) {
    CompactRange range = new CompactRange();
    long goodUpTo = 0;
    for (Checkpoint checkpoint : checkpoints) {
      if (checkpoint.size() > range.size()) {
        leaves.read(range.size(), checkpoint.size(), range::append);
      }
      if (!Arrays.equals(range.root(), checkpoint.rootHash())) {
        return problem(
            goodUpTo,
            "the leaf hashes of the first "
                + checkpoint.size()
                + " entries do not give the root of the signed checkpoint of that size");
      }
      goodUpTo = checkpoint.size();
    }
    return Optional.empty();
  }

  private static Optional<VerificationReport.Problem> problem(long index, String detail) {
    return Optional.of(VerificationReport.Problem.at(Kind.CHECKPOINT_MISMATCH, index, detail));
  }
}
