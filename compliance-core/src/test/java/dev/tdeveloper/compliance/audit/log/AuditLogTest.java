package dev.tdeveloper.compliance.audit.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.compliance.audit.AuditEvent;
import dev.tdeveloper.compliance.audit.file.VerificationReport;
import dev.tdeveloper.compliance.audit.integrity.Checkpoint;
import dev.tdeveloper.compliance.audit.integrity.CheckpointContinuity;
import dev.tdeveloper.compliance.audit.integrity.CheckpointSigner;
import dev.tdeveloper.compliance.audit.integrity.CheckpointVerifier;
import dev.tdeveloper.compliance.audit.integrity.FileCheckpointAnchor;
import dev.tdeveloper.compliance.audit.integrity.KeyedChain;
import dev.tdeveloper.compliance.audit.integrity.ProofVerifier;
import dev.tdeveloper.compliance.controls.AuditIntegrityCheck;
import dev.tdeveloper.tenancy.TenantId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
  static final byte[] CHAIN_KEY =
      "an audit chain key of 32 bytes!!".getBytes(StandardCharsets.UTF_8);
  static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
  static final TenantId ACME = TenantId.of("acme");
  static final TenantId GLOBEX = TenantId.of("globex");

  @TempDir Path temp;
  final CheckpointSigner signer = CheckpointSigner.generate("audit-test");
  final List<FileCheckpointAnchor> anchors = new ArrayList<>();

  /**
   * Opens the log with a fresh handle on the anchor in {@code anchorDir} (closed after each test).
   */
  AuditLog open(Path anchorDir) {
    anchors.forEach(FileCheckpointAnchor::close);
    anchors.clear();
    FileCheckpointAnchor anchor = FileCheckpointAnchor.open(anchorDir);
    anchors.add(anchor);
    return AuditLog.builder(temp.resolve("audit"))
        .signer(signer)
        .keyedChain(KeyedChain.withKey(CHAIN_KEY))
        .anchor(anchor)
        .open();
  }

  @AfterEach
  void closeAnchors() {
    anchors.forEach(FileCheckpointAnchor::close);
  }

  static void logEvents(AuditLog log, int count) {
    for (int i = 0; i < count; i++) {
      log.logger()
          .logAndWait(
              AuditEvent.builder("note.write", T0.plusSeconds(i))
                  .tenant(i % 3 == 0 ? GLOBEX : ACME)
                  .actor("user-" + i)
                  .resource("notes/" + i)
                  .build());
    }
  }

  @Test
  void entryProofsVerifyAgainstTheSignedCheckpoint() {
    try (AuditLog log = open(temp.resolve("anchor"))) {
      logEvents(log, 37);
      CheckpointVerifier verifier = CheckpointVerifier.of(log.verifierKey());
      for (long seq = 0; seq < 37; seq++) {
        EntryProof proof = log.prove(seq);
        Checkpoint checkpoint = verifier.verify(proof.signedCheckpoint());
        assertThat(checkpoint.size()).isEqualTo(37);
        assertThat(
                ProofVerifier.verifyInclusion(
                    proof.entry().leafHash(), proof.proof(), checkpoint.rootHash()))
            .isTrue();
      }
      assertThatThrownBy(() -> log.prove(37)).hasMessageContaining("[0, 37)");
    }
  }

  @Test
  void laterCheckpointsAreProvablyConsistentWithEarlierOnes() {
    try (AuditLog log = open(temp.resolve("anchor"))) {
      logEvents(log, 10);
      Checkpoint first = Checkpoint.parseUnverified(log.checkpoint());
      assertThat(log.checkpoint())
          .as("nothing new: the same checkpoint")
          .isEqualTo(log.latestCheckpoint().orElseThrow());
      logEvents(log, 23);
      Checkpoint second = Checkpoint.parseUnverified(log.checkpoint());
      assertThat(
              ProofVerifier.verifyConsistency(
                  first.rootHash(),
                  second.rootHash(),
                  log.consistencyProof(first.size(), second.size())))
          .isTrue();
    }
  }

  @Test
  void aTenantExportHoldsOnlyItsEntriesAndVerifiesLineByLine() {
    try (AuditLog log = open(temp.resolve("anchor"))) {
      logEvents(log, 30);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      long written = log.export(ACME, T0, T0.plusSeconds(3600), out);
      assertThat(written).isEqualTo(20);
      String export = out.toString(StandardCharsets.UTF_8);
      assertThat(export).doesNotContain("\"tenant\\\":\\\"globex");
      assertThat(export.lines()).hasSize(21).allMatch(l -> !l.contains("globex"));
      CheckpointVerifier verifier = CheckpointVerifier.of(log.verifierKey());
      ExportVerification ok =
          AuditExports.verify(new ByteArrayInputStream(out.toByteArray()), verifier);
      assertThat(ok.ok()).as(ok.problem().orElse("")).isTrue();
      assertThat(ok.entriesVerified()).isEqualTo(20);

      String tampered = export.replaceFirst("notes/1\\\\\"", "notes/9\\\\\"");
      assertThat(tampered).isNotEqualTo(export);
      ExportVerification bad =
          AuditExports.verify(
              new ByteArrayInputStream(tampered.getBytes(StandardCharsets.UTF_8)), verifier);
      assertThat(bad.ok()).isFalse();
      assertThat(bad.badLine()).contains(2);
    }
  }

  @Test
  void verifiesAfterReopeningAndGrowsOnFromItsCheckpoints() {
    try (AuditLog log = open(temp.resolve("anchor"))) {
      logEvents(log, 50);
      log.checkpoint();
    }
    try (AuditLog log = open(temp.resolve("anchor"))) {
      assertThat(log.size()).isEqualTo(50);
      logEvents(log, 5);
      log.checkpoint();
      AuditLogVerification verification = log.verify();
      assertThat(verification.ok()).as(verification.describe()).isTrue();
      assertThat(verification.anchor()).get().isInstanceOf(CheckpointContinuity.Extends.class);
    }
  }

  @Test
  void aDeletedLogIsCaughtByTheAnchorEvenWithItsCheckpointsGone() throws Exception {
    Path anchor = temp.resolve("anchor");
    try (AuditLog log = open(anchor)) {
      logEvents(log, 12);
      log.checkpoint();
    }
    try (Stream<Path> files = Files.walk(temp.resolve("audit"))) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    try (AuditLog log = open(anchor)) {
      logEvents(log, 3);
      AuditLogVerification verification = log.verify();
      assertThat(verification.ok()).isFalse();
      assertThat(verification.anchor()).get().isInstanceOf(CheckpointContinuity.TailDeleted.class);
      assertThat(verification.report().problem())
          .get()
          .extracting(VerificationReport.Problem::kind)
          .isEqualTo(VerificationReport.Kind.TAIL_MISSING);
    }
  }

  @Test
  void integrityCheckFeedsTheAuditChainEvidenceAndNamesTheLostTail() throws Exception {
    Path anchor = temp.resolve("anchor");
    try (AuditLog log = open(anchor)) {
      logEvents(log, 9);
      log.checkpoint();
      AuditIntegrityCheck.Result good = log.integrityCheck().verify();
      assertThat(good.ok()).isTrue();
      assertThat(good.entriesChecked()).isEqualTo(9);
    }
    try (Stream<Path> files = Files.walk(temp.resolve("audit"))) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    try (AuditLog log = open(anchor)) {
      AuditIntegrityCheck.Result bad = log.integrityCheck().verify();
      assertThat(bad.ok()).isFalse();
      assertThat(bad.firstBadIndex()).hasValue(0);
      assertThat(bad.description()).contains("tail");
    }
  }

  @Test
  void aCheckpointSignedByAnotherKeyFailsVerification() {
    try (AuditLog log = open(temp.resolve("anchor"))) {
      logEvents(log, 4);
      log.checkpoint();
    }
    try (AuditLog log =
        AuditLog.builder(temp.resolve("audit"))
            .signer(CheckpointSigner.generate("audit-test"))
            .keyedChain(KeyedChain.withKey(CHAIN_KEY))
            .open()) {
      assertThat(log.verify().report().problem())
          .get()
          .extracting(VerificationReport.Problem::kind)
          .isEqualTo(VerificationReport.Kind.CHECKPOINT_MISMATCH);
    }
  }

  @Test
  void builderNamesWhatIsMissingOrWrong() {
    assertThatThrownBy(() -> AuditLog.builder(temp).open())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("signer");
    assertThatThrownBy(() -> AuditLog.builder(temp).origin(" bad"))
        .hasMessageContaining("origin ' bad'");
    assertThatThrownBy(() -> AuditLog.builder(temp).signer(signer).signer(signer))
        .hasMessageContaining("signer is already set");
  }
}
