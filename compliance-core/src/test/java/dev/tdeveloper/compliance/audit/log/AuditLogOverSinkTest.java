package dev.tdeveloper.compliance.audit.log;

import static dev.tdeveloper.compliance.audit.log.AuditLogTest.ACME;
import static dev.tdeveloper.compliance.audit.log.AuditLogTest.CHAIN_KEY;
import static dev.tdeveloper.compliance.audit.log.AuditLogTest.T0;
import static dev.tdeveloper.compliance.audit.log.AuditLogTest.logEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.compliance.audit.InMemoryAuditSink;
import dev.tdeveloper.compliance.audit.file.VerificationReport;
import dev.tdeveloper.compliance.audit.integrity.Checkpoint;
import dev.tdeveloper.compliance.audit.integrity.CheckpointContinuity;
import dev.tdeveloper.compliance.audit.integrity.CheckpointSigner;
import dev.tdeveloper.compliance.audit.integrity.CheckpointVerifier;
import dev.tdeveloper.compliance.audit.integrity.FileCheckpointAnchor;
import dev.tdeveloper.compliance.audit.integrity.KeyedChain;
import dev.tdeveloper.compliance.audit.integrity.MerkleHashes;
import dev.tdeveloper.compliance.audit.integrity.ProofVerifier;
import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.compliance.spi.AuditSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An {@link AuditLog} over a sink other than its local files: the in-memory one, here. */
class AuditLogOverSinkTest {
  @TempDir Path temp;
  final CheckpointSigner signer = CheckpointSigner.generate("audit-test");

  AuditLog open(AuditSink sink) {
    return AuditLog.builder(temp.resolve("audit"))
        .signer(signer)
        .keyedChain(KeyedChain.withKey(CHAIN_KEY))
        .sink(sink)
        .open();
  }

  @Test
  void appendsToTheGivenSinkAndKeepsNoLocalLogFiles() {
    InMemoryAuditSink sink = new InMemoryAuditSink();
    try (AuditLog log = open(sink)) {
      logEvents(log, 12);
      assertThat(sink.size()).isEqualTo(12);
      assertThat(log.size()).isEqualTo(12);
      assertThat(log.logger().entry(5)).get().satisfies(e -> assertThat(e.sequence()).isEqualTo(5));
    }
    assertThat(Files.exists(temp.resolve("audit").resolve("log"))).isFalse();
    assertThat(Files.isDirectory(temp.resolve("audit").resolve("tree"))).isTrue();
    assertThatThrownBy(sink::size).as("the log closes the sink it owns").isNotNull();
  }

  @Test
  void checkpointsAreStoredInTheSinkAndProofsVerify() {
    InMemoryAuditSink sink = new InMemoryAuditSink();
    try (AuditLog log = open(sink)) {
      logEvents(log, 21);
      String note = log.checkpoint();
      assertThat(sink.checkpoints()).containsExactly(note);
      Checkpoint checkpoint = CheckpointVerifier.of(log.verifierKey()).verify(note);
      assertThat(checkpoint.size()).isEqualTo(21);
      EntryProof proof = log.prove(7);
      assertThat(
              ProofVerifier.verifyInclusion(
                  proof.entry().leafHash(), proof.proof(), checkpoint.rootHash()))
          .isTrue();
    }
  }

  @Test
  void verifiesEveryEntryTheChainAndTheCheckpoints() {
    try (AuditLog log = open(new InMemoryAuditSink())) {
      logEvents(log, 40);
      log.checkpoint();
      logEvents(log, 3);
      log.checkpoint();
      AuditLogVerification verification = log.verify();
      assertThat(verification.ok()).as(verification.describe()).isTrue();
      assertThat(verification.report().entriesChecked()).isEqualTo(43);
      assertThat(log.integrityCheck().verify().ok()).isTrue();
    }
  }

  @Test
  void verifiesAfterRetentionFromTheFirstRetainedEntry() {
    InMemoryAuditSink sink = new InMemoryAuditSink();
    try (AuditLog log = open(sink)) {
      logEvents(log, 30);
      log.checkpoint();
      sink.removeEventsBefore(11);
      AuditLogVerification verification = log.verify();
      assertThat(verification.ok()).as(verification.describe()).isTrue();
      assertThat(verification.report().firstRetained()).isEqualTo(11);
      assertThat(verification.report().entriesChecked()).isEqualTo(19);
    }
  }

  @Test
  void anAlteredEventIsNamedByItsSequence() {
    Tampering sink = new Tampering(new InMemoryAuditSink(), 6);
    try (AuditLog log = open(sink)) {
      logEvents(log, 10);
      log.checkpoint();
      sink.tamper = true;
      AuditLogVerification verification = log.verify();
      assertThat(verification.ok()).isFalse();
      assertThat(verification.report().problem())
          .get()
          .satisfies(
              p -> {
                assertThat(p.kind()).isEqualTo(VerificationReport.Kind.CHAIN_MISMATCH);
                assertThat(p.index()).isEqualTo(6);
              });
    }
  }

  @Test
  void aCheckpointSignedByAnotherKeyFailsVerification() {
    InMemoryAuditSink sink = new InMemoryAuditSink();
    try (AuditLog log = open(sink)) {
      logEvents(log, 4);
      log.checkpoint();
      CheckpointSigner other = CheckpointSigner.generate("audit-test");
      sink.storeCheckpoint(
          other.sign(
              Checkpoint.of(
                  AuditLogBuilder.DEFAULT_ORIGIN,
                  4,
                  Checkpoint.parseUnverified(log.checkpoint()).rootHash())));
      assertThat(log.verify().report().problem())
          .get()
          .extracting(VerificationReport.Problem::kind)
          .isEqualTo(VerificationReport.Kind.CHECKPOINT_MISMATCH);
    }
  }

  @Test
  void aLostSinkIsCaughtByTheAnchor() {
    try (FileCheckpointAnchor anchor = FileCheckpointAnchor.open(temp.resolve("anchor"))) {
      AuditLogBuilder first =
          AuditLog.builder(temp.resolve("a"))
              .signer(signer)
              .anchor(anchor)
              .sink(new InMemoryAuditSink());
      try (AuditLog log = first.open()) {
        logEvents(log, 8);
        log.checkpoint();
      }
      try (AuditLog log =
          AuditLog.builder(temp.resolve("b"))
              .signer(signer)
              .anchor(anchor)
              .sink(new InMemoryAuditSink())
              .open()) {
        logEvents(log, 2);
        AuditLogVerification verification = log.verify();
        assertThat(verification.ok()).isFalse();
        assertThat(verification.anchor())
            .get()
            .isInstanceOf(CheckpointContinuity.TailDeleted.class);
        assertThat(verification.report().problem())
            .get()
            .extracting(VerificationReport.Problem::kind)
            .isEqualTo(VerificationReport.Kind.TAIL_MISSING);
      }
    }
  }

  @Test
  void aTenantExportOverTheSinkVerifies() {
    try (AuditLog log = open(new InMemoryAuditSink())) {
      logEvents(log, 15);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThat(log.export(ACME, T0, T0.plusSeconds(3600), out)).isEqualTo(10);
      ExportVerification ok =
          AuditExports.verify(
              new ByteArrayInputStream(out.toByteArray()),
              CheckpointVerifier.of(log.verifierKey()));
      assertThat(ok.ok()).as(ok.problem().orElse("")).isTrue();
    }
  }

  @Test
  void fileSinkSettingsAndAGivenSinkExcludeEachOther() {
    InMemoryAuditSink sink = new InMemoryAuditSink();
    assertThatThrownBy(() -> AuditLog.builder(temp).sink(sink).sink(s -> s.segmentBytes(1 << 20)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("an AuditSink was given");
    assertThatThrownBy(() -> AuditLog.builder(temp).sink(s -> s.segmentBytes(1 << 20)).sink(sink))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("replaces the file sink");
    assertThatThrownBy(() -> AuditLog.builder(temp).sink(sink).sink(sink))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sink is already set");
    assertThatThrownBy(() -> AuditLog.builder(temp).sink((AuditSink) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("sink");
  }

  /** Hands out entry {@code victim} with another event (and a matching leaf hash) once told to. */
  static final class Tampering implements AuditSink {
    final AuditSink delegate;
    final long victim;
    volatile boolean tamper;

    Tampering(AuditSink delegate, long victim) {
      this.delegate = delegate;
      this.victim = victim;
    }

    @Override
    public void read(long from, long to, Consumer<AuditRecord> consumer) {
      delegate.read(
          from,
          to,
          r -> {
            if (tamper && r.sequence() == victim) {
              byte[] event = r.eventBytes();
              event[event.length - 2] ^= 1;
              consumer.accept(
                  AuditRecord.keyed(r.sequence(), event, MerkleHashes.leaf(event), r.chain()));
            } else {
              consumer.accept(r);
            }
          });
    }

    @Override
    public void readLeafHashes(long from, long to, Consumer<byte[]> consumer) {
      long[] index = {from};
      delegate.readLeafHashes(
          from,
          to,
          h -> {
            if (tamper && index[0]++ == victim) {
              List<AuditRecord> one = new java.util.ArrayList<>();
              read(victim, victim + 1, one::add);
              consumer.accept(one.get(0).leafHash());
            } else {
              consumer.accept(h);
            }
          });
    }

    @Override
    public long size() {
      return delegate.size();
    }

    @Override
    public long firstRetained() {
      return delegate.firstRetained();
    }

    @Override
    public void append(List<AuditRecord> records) {
      delegate.append(records);
    }

    @Override
    public void sync() {
      delegate.sync();
    }

    @Override
    public void storeCheckpoint(String signedNote) {
      delegate.storeCheckpoint(signedNote);
    }

    @Override
    public List<String> checkpoints() {
      return delegate.checkpoints();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
