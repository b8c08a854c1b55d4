package dev.tdeveloper.compliance.audit.log;

import dev.tdeveloper.compliance.audit.AuditEntry;
import dev.tdeveloper.compliance.audit.AuditLogger;
import dev.tdeveloper.compliance.audit.AuditLoggerBuilder;
import dev.tdeveloper.compliance.audit.file.AuditVerifier;
import dev.tdeveloper.compliance.audit.file.FileAuditSink;
import dev.tdeveloper.compliance.audit.file.FileAuditSinkBuilder;
import dev.tdeveloper.compliance.audit.file.VerificationReport;
import dev.tdeveloper.compliance.audit.integrity.Checkpoint;
import dev.tdeveloper.compliance.audit.integrity.CheckpointContinuity;
import dev.tdeveloper.compliance.audit.integrity.CheckpointSigner;
import dev.tdeveloper.compliance.audit.integrity.CheckpointVerifier;
import dev.tdeveloper.compliance.audit.integrity.ConsistencyProof;
import dev.tdeveloper.compliance.audit.integrity.InclusionProof;
import dev.tdeveloper.compliance.audit.integrity.KeyedChain;
import dev.tdeveloper.compliance.audit.integrity.MerkleTree;
import dev.tdeveloper.compliance.controls.AuditIntegrityCheck;
import dev.tdeveloper.compliance.spi.AuditSink;
import dev.tdeveloper.compliance.spi.CheckpointAnchor;
import dev.tdeveloper.tenancy.TenantId;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The tamper-evident audit log, wired: the {@link AuditLogger} appends to segmented local files
 * ({@link FileAuditSink} in {@code <directory>/log}) or to any other {@link AuditSink} given to
 * {@link AuditLogBuilder#sink(AuditSink)} (a database table), every stored entry becomes a leaf of
 * an RFC 6962 Merkle tree kept in {@code <directory>/tree}, and {@link #checkpoint()} signs the
 * tree's size and root (a C2SP signed note), stores it with the log and publishes it to an optional
 * {@link CheckpointAnchor} outside it. Proofs, per-tenant exports with proofs and verification come
 * from here. Thread-safe; call {@link #checkpoint()} on a schedule (every few seconds to minutes).
 *
 * <p>Layout: {@code log/} (segments, leaf hashes, stored checkpoints; absent over another sink),
 * {@code tree/} (level files, rebuilt from the sink's leaf hashes after a crash). Keep the chain
 * key, the signing key and the anchor elsewhere: whoever can write this directory must not hold
 * them.
 */
public final class AuditLog implements AutoCloseable {
  private final Path directory;
  private final AuditSink sink;
  private final boolean files;
  private final MerkleTree tree;
  private final AuditLogger logger;
  private final CheckpointSigner signer;
  private final CheckpointVerifier verifier;
  private final String origin;
  private final Optional<KeyedChain> chain;
  private final Optional<CheckpointAnchor> anchor;

  private AuditLog(AuditLogBuilder b, AuditSink sink, MerkleTree tree, AuditLogger logger) {
    this.directory = b.directory;
    this.sink = sink;
    this.files = b.customSink.isEmpty();
    this.tree = tree;
    this.logger = logger;
    this.signer = b.signer.orElseThrow();
    this.verifier = CheckpointVerifier.of(signer.verifierKey());
    this.origin = b.origin.orElse(AuditLogBuilder.DEFAULT_ORIGIN);
    this.chain = b.chain;
    this.anchor = b.anchor;
  }

  /** Starts a builder for the log kept in {@code directory} (created if missing). */
  public static AuditLogBuilder builder(Path directory) {
    return new AuditLogBuilder(directory);
  }

  static AuditLog open(AuditLogBuilder b) {
    AuditSink sink = b.customSink.orElseGet(() -> openFiles(b));
    MerkleTree tree = null;
    try {
      tree = MerkleTree.open(b.directory.resolve("tree"), sink.size(), sink::readLeafHashes);
      MerkleTree leaves = tree;
      AuditLoggerBuilder settings = AuditLogger.builder();
      b.logger.ifPresent(s -> s.accept(settings));
      settings.sink(sink).leafObserver((sequence, leafHash) -> leaves.append(leafHash));
      b.chain.ifPresent(settings::keyedChain);
      return new AuditLog(b, sink, tree, settings.build());
    } catch (RuntimeException e) {
      if (tree != null) {
        tree.close();
      }
      sink.close();
      throw e;
    }
  }

  private static FileAuditSink openFiles(AuditLogBuilder b) {
    FileAuditSinkBuilder sinkSettings = FileAuditSink.builder(b.directory.resolve("log"));
    b.sink.ifPresent(s -> s.accept(sinkSettings));
    return sinkSettings.open();
  }

  /** Returns the logger that appends to this log. */
  public AuditLogger logger() {
    return logger;
  }

  /** Returns how many entries are stored and in the tree (queued ones are not counted). */
  public long size() {
    return tree.size();
  }

  /** Returns the verifier key of the checkpoint signer, to give to anyone checking proofs. */
  public String verifierKey() {
    return signer.verifierKey();
  }

  /** Returns the checkpoints' origin line. */
  public String origin() {
    return origin;
  }

  /**
   * Signs a checkpoint of the tree as it is, stores it with the log (after forcing the entries it
   * covers) and publishes it to the anchor. Returns the latest one instead when nothing was stored
   * since. Forces the tree's files too, so a restart rebuilds only what came after.
   *
   * @return the signed note
   * @throws dev.tdeveloper.compliance.ComplianceException if storing or anchoring fails (a
   *     checkpoint stored but not anchored stays stored)
   */
  public synchronized String checkpoint() {
    long size = tree.size();
    Optional<String> latest = sink.latestCheckpoint();
    if (latest.isPresent() && Checkpoint.parseUnverified(latest.get()).size() == size) {
      return latest.get();
    }
    tree.force();
    String note = signer.sign(Checkpoint.of(origin, size, tree.root(size)));
    sink.storeCheckpoint(note);
    anchor.ifPresent(a -> a.publish(note));
    return note;
  }

  /** Returns the latest stored signed checkpoint, if any. */
  public Optional<String> latestCheckpoint() {
    return sink.latestCheckpoint();
  }

  /**
   * Returns the inclusion proof of an entry in the tree of {@code treeSize} entries.
   *
   * @throws IllegalArgumentException if {@code sequence >= treeSize} or the tree is smaller
   */
  public InclusionProof inclusionProof(long sequence, long treeSize) {
    return tree.inclusionProof(sequence, treeSize);
  }

  /**
   * Returns the proof that the tree of {@code newSize} entries extends the one of {@code oldSize}.
   *
   * @throws IllegalArgumentException if the sizes are out of order or beyond the tree
   */
  public ConsistencyProof consistencyProof(long oldSize, long newSize) {
    return tree.consistencyProof(oldSize, newSize);
  }

  /**
   * Returns a stored entry with its inclusion proof against the latest checkpoint, taking a new
   * checkpoint if the latest does not cover it yet.
   *
   * @throws IllegalArgumentException if the entry is not stored yet or its event was removed by
   *     retention
   */
  public EntryProof prove(long sequence) {
    if (sequence < 0 || sequence >= tree.size()) {
      throw new IllegalArgumentException(
          "entry " + sequence + " is not stored: the log holds [0, " + tree.size() + ")");
    }
    String note = latestCheckpoint().orElseGet(this::checkpoint);
    if (Checkpoint.parseUnverified(note).size() <= sequence) {
      note = checkpoint();
    }
    AuditEntry entry =
        logger
            .entry(sequence)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "entry " + sequence + " was removed by retention; its leaf hash remains"));
    long size = Checkpoint.parseUnverified(note).size();
    return new EntryProof(entry, tree.inclusionProof(sequence, size), note);
  }

  /**
   * Writes a tenant's entries in {@code [from, to)} as JSON lines, each with its inclusion proof
   * against a checkpoint taken first, which the first line carries; {@link AuditExports#verify}
   * checks such an export. Only the tenant's own entries are written.
   *
   * @return how many entries were written
   */
  public long export(TenantId tenant, Instant from, Instant to, OutputStream out) {
    String note = checkpoint();
    return AuditExports.write(logger, tree, note, tenant, from, to, out);
  }

  /**
   * Verifies the stored log: sequence, leaf hashes, the keyed chain, the stored checkpoints'
   * signatures and roots and, with an anchor, that the log still extends the latest anchored
   * checkpoint (a deleted tail or a rewrite is caught even when the stored checkpoints were deleted
   * with it). Over the local files it reads them offline (framing too); over another sink it reads
   * the sink through the SPI, checking the chain from the first retained entry on. Run while the
   * log is written, a rotation or retention can race it: run it again.
   */
  public AuditLogVerification verify() {
    Optional<String> anchored = anchor.flatMap(CheckpointAnchor::latest);
    OptionalLong expected =
        anchored
            .map(note -> OptionalLong.of(verifier.verify(note).size()))
            .orElse(OptionalLong.empty());
    CheckpointCheck checkpoints = CheckpointCheck.of(verifier, origin);
    VerificationReport report;
    if (files) {
      AuditVerifier.Builder scan =
          AuditVerifier.builder(directory.resolve("log")).check(checkpoints);
      chain.ifPresent(scan::chain);
      expected.ifPresent(scan::expectedSize);
      report = scan.build().verify();
    } else {
      report = new SinkScan(sink, chain, expected, checkpoints).run();
    }
    Optional<CheckpointContinuity> continuity =
        anchored.map(note -> CheckpointContinuity.check(tree, note, verifier));
    return new AuditLogVerification(report, continuity);
  }

  /**
   * Returns this log's {@link #verify()} as the source of the "audit chain verified" evidence
   * ({@link dev.tdeveloper.compliance.controls.AuditChainVerifiedCollector}).
   */
  public AuditIntegrityCheck integrityCheck() {
    return () -> {
      AuditLogVerification verification = verify();
      OptionalLong bad =
          verification
              .report()
              .problem()
              .map(p -> OptionalLong.of(p.index()))
              .orElseGet(
                  () ->
                      verification
                          .anchor()
                          .filter(a -> a instanceof CheckpointContinuity.TailDeleted)
                          .map(
                              a ->
                                  OptionalLong.of(((CheckpointContinuity.TailDeleted) a).logSize()))
                          .orElse(OptionalLong.empty()));
      return new AuditIntegrityCheck.Result(
          verification.report().entriesChecked(),
          verification.ok(),
          verification.ok() ? OptionalLong.empty() : bad,
          "audit log "
              + directory
              + (files ? "" : " (" + sink + ")")
              + ": "
              + verification.describe());
    };
  }

  /** Stores every queued entry, forces the tree and closes the logger, tree and files. */
  @Override
  public synchronized void close() {
    try {
      logger.close();
      tree.force();
    } finally {
      tree.close();
    }
  }

  @Override
  public String toString() {
    return "AuditLog[" + directory + (files ? "" : ", " + sink) + ", " + tree.size() + " entries]";
  }
}
