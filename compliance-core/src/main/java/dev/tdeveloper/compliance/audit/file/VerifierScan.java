package dev.tdeveloper.compliance.audit.file;

import static dev.tdeveloper.compliance.audit.file.VerificationReport.Kind.CHAIN_MISMATCH;
import static dev.tdeveloper.compliance.audit.file.VerificationReport.Kind.DAMAGED_FRAME;
import static dev.tdeveloper.compliance.audit.file.VerificationReport.Kind.LEAF_HASH_MISMATCH;
import static dev.tdeveloper.compliance.audit.file.VerificationReport.Kind.LEAVES_FILE_MISMATCH;
import static dev.tdeveloper.compliance.audit.file.VerificationReport.Kind.SEQUENCE_GAP;
import static dev.tdeveloper.compliance.audit.file.VerificationReport.Kind.TAIL_MISSING;

import dev.tdeveloper.compliance.audit.file.VerificationReport.Problem;
import dev.tdeveloper.compliance.audit.integrity.KeyedChain;
import dev.tdeveloper.compliance.audit.integrity.MerkleHashes;
import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.tenancy.internal.FrameReader;
import dev.tdeveloper.tenancy.internal.FrameReader.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** One run of {@link AuditVerifier}: reads the directory once, stops at the first problem. */
final class VerifierScan {
  private final Path directory;
  private final Optional<KeyedChain> key;
  private final OptionalLong expectedSize;
  private final List<LogCheck> checks;
  private LogState state;
  private long next;
  private byte[] chain;

  VerifierScan(Path directory, Optional<KeyedChain> key, OptionalLong size, List<LogCheck> checks) {
    this.directory = directory;
    this.key = key;
    this.expectedSize = size;
    this.checks = checks;
  }

  VerificationReport run() throws IOException {
    if (!Files.isDirectory(directory.resolve(SegmentFormat.DIRECTORY))) {
      throw new IOException("no audit log (no " + SegmentFormat.DIRECTORY + " directory)");
    }
    try {
      state = LogState.read(directory);
    } catch (AuditLogCorruptException e) {
      return report(Problem.in(DAMAGED_FRAME, 0, Path.of(e.file()), e.offset(), e.getMessage()));
    }
    next = state.firstRetained();
    Path leavesPath = directory.resolve(LeavesFile.NAME);
    if (!Files.exists(leavesPath)) {
      return report(Problem.at(LEAVES_FILE_MISMATCH, 0, "there is no " + LeavesFile.NAME));
    }
    LeavesFile leaves;
    try {
      leaves = LeavesFile.openForReading(leavesPath);
    } catch (AuditLogCorruptException e) {
      return report(Problem.in(DAMAGED_FRAME, 0, leavesPath, 0, e.getMessage()));
    }
    try (leaves) {
      return scan(leaves);
    }
  }

  private VerificationReport scan(LeavesFile leaves) throws IOException {
    long listed = leaves.count();
    if (listed < state.firstRetained()) {
      return report(
          Problem.at(
              LEAVES_FILE_MISMATCH,
              listed,
              "the leaf hashes of entries "
                  + listed
                  + " to "
                  + state.firstRetained()
                  + " are lost with their events"));
    }
    chain = state.firstRetained() == 0 ? KeyedChain.start() : state.anchor();
    if (key.isPresent() && chain.length == 0) {
      return report(
          Problem.at(
              CHAIN_MISMATCH,
              next,
              "the state file keeps no chain value of the entry before the first retained one"));
    }
    TreeMap<Long, Path> files = LogRecovery.list(directory.resolve(SegmentFormat.DIRECTORY));
    var retained = files.tailMap(state.firstRetained(), true);
    LeafCursor stored = new LeafCursor(leaves);
    for (Map.Entry<Long, Path> e : retained.entrySet()) {
      boolean last = e.getKey().equals(retained.lastKey());
      Optional<Problem> problem = scanSegment(e.getValue(), e.getKey(), last, stored);
      if (problem.isPresent()) {
        return report(problem.get());
      }
    }
    if (listed > next) {
      return report(
          Problem.in(
              LEAVES_FILE_MISMATCH,
              next,
              leaves.file(),
              LeavesFile.HEADER + 32 * next,
              LeavesFile.NAME + " lists " + listed + " entries, the segments hold " + next));
    }
    if (expectedSize.isPresent() && expectedSize.getAsLong() > next) {
      return report(
          Problem.at(
              TAIL_MISSING,
              next,
              "the log holds "
                  + next
                  + " entries, "
                  + expectedSize.getAsLong()
                  + " were expected"));
    }
    Optional<Problem> checkpoints = checkpointDamage(directory.resolve(FileAuditSink.CHECKPOINTS));
    if (checkpoints.isPresent()) {
      return report(checkpoints.get());
    }
    VerifiedLog view = new VerifiedLogView(directory, leaves, listed, state.firstRetained());
    for (LogCheck check : checks) {
      Optional<Problem> problem = check.check(view);
      if (problem.isPresent()) {
        return report(problem.get());
      }
    }
    return report(null);
  }

  /**
   * Reports damage in {@code checkpoints.log} that is not a torn tail (a crash while storing the
   * last checkpoint, which opening the log cuts): a bad header, or damage that valid notes follow.
   */
  private Optional<Problem> checkpointDamage(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try (FrameReader reader = CheckpointFormat.FORMAT.reader(file, Files.size(file))) {
      FrameReader.Step step = reader.readHeader();
      while (step == null || step.kind() == FrameReader.Kind.RECORD) {
        step = reader.next();
      }
      if (step.kind() == FrameReader.Kind.END || step.kind() == FrameReader.Kind.TORN) {
        return Optional.empty();
      }
      return Optional.of(
          Problem.in(
              DAMAGED_FRAME,
              next,
              file,
              step.offset(),
              FileAuditSink.CHECKPOINTS + " is damaged: " + step.problem()));
    }
  }

  private Optional<Problem> scanSegment(Path file, long first, boolean last, LeafCursor stored)
      throws IOException {
    if (first != next) {
      return Optional.of(
          Problem.in(
              SEQUENCE_GAP,
              next,
              file,
              0,
              "the segment starts at entry " + first + ", the previous one ends before " + next));
    }
    try (FrameReader reader = SegmentFormat.FORMAT.reader(file, Files.size(file))) {
      FrameReader.Step bad = reader.readHeader();
      if (bad != null) {
        return Optional.of(Problem.in(DAMAGED_FRAME, next, file, 0, bad.problem()));
      }
      FrameReader.Step step = reader.next();
      for (; step.kind() == Kind.RECORD; step = reader.next()) {
        Optional<Problem> problem = checkEntry(file, step, stored);
        if (problem.isPresent()) {
          return problem;
        }
        next++;
      }
      if (step.kind() == Kind.END && (last || next > first)) {
        return Optional.empty();
      }
      if (step.kind() == Kind.TORN && last) {
        return Optional
            .empty(); // an interrupted write, not an entry; leaves.hashes still counts it
      }
      String problem =
          step.kind() == Kind.END ? "a sealed segment without entries" : step.problem();
      return Optional.of(Problem.in(DAMAGED_FRAME, next, file, step.offset(), problem));
    }
  }

  private Optional<Problem> checkEntry(Path file, FrameReader.Step step, LeafCursor stored)
      throws IOException {
    AuditRecord record;
    try {
      record = SegmentFormat.decode(step.payload());
    } catch (IllegalArgumentException e) {
      return Optional.of(Problem.in(DAMAGED_FRAME, next, file, step.offset(), e.getMessage()));
    }
    if (record.sequence() != next) {
      return Optional.of(
          Problem.in(
              SEQUENCE_GAP,
              next,
              file,
              step.offset(),
              "entry " + record.sequence() + " stands where entry " + next + " belongs"));
    }
    byte[] leaf = record.leafHash();
    if (!MessageDigest.isEqual(leaf, MerkleHashes.leaf(record.eventBytes()))) {
      return Optional.of(
          Problem.in(
              LEAF_HASH_MISMATCH,
              next,
              file,
              step.offset(),
              "the stored leaf hash is not SHA-256(0x00 || event)"));
    }
    if (next < stored.count() && !MessageDigest.isEqual(leaf, stored.get(next))) {
      return Optional.of(
          Problem.in(
              LEAVES_FILE_MISMATCH,
              next,
              stored.file(),
              LeavesFile.HEADER + 32 * next,
              "its leaf hash differs from the entry's"));
    }
    if (key.isPresent()) {
      if (!record.hasChain()) {
        return Optional.of(
            Problem.in(
                CHAIN_MISMATCH, next, file, step.offset(), "the entry has no keyed-chain value"));
      }
      byte[] expected = key.get().next(chain, next, leaf);
      if (!key.get().matches(expected, record.chain())) {
        return Optional.of(
            Problem.in(
                CHAIN_MISMATCH,
                next,
                file,
                step.offset(),
                "the keyed-chain value is not what the key computes"));
      }
      chain = expected;
    }
    return Optional.empty();
  }

  private VerificationReport report(Problem problem) {
    long first = state == null ? 0 : state.firstRetained();
    return new VerificationReport(
        Math.max(next, first), first, Math.max(0, next - first), Optional.ofNullable(problem));
  }
}
