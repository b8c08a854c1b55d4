package dev.tdeveloper.compliance.audit.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.compliance.audit.integrity.CheckpointSigner;
import dev.tdeveloper.compliance.audit.integrity.CheckpointVerifier;
import dev.tdeveloper.compliance.audit.integrity.KeyedChain;
import dev.tdeveloper.compliance.audit.integrity.ProofVerifier;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof, through the whole log: a child JVM logging from four threads with group commit
 * is killed ({@code destroyForcibly}) several times; after each kill every acknowledged event is
 * present, the keyed chain and the stored checkpoints verify, the rebuilt tree agrees with every
 * checkpoint signed before the kill, and the log grows on from there.
 */
class AuditLogCrashTest {
  @TempDir Path temp;

  @Test
  void everyAcknowledgedEventSurvivesKillsAndTheLogStillVerifies() throws Exception {
    Path directory = temp.resolve("audit");
    Path key = temp.resolve("signing.pk8");
    CheckpointSigner signer = CheckpointSigner.generate("crash-test");
    signer.save(key);
    long acknowledged = -1;
    for (int round = 0; round < 4; round++) {
      List<String> lines = new ArrayList<>();
      try (ChildJvm child =
          ChildJvm.start(
              AuditLogCrashChild.class,
              temp.resolve("child-" + round + ".err"),
              directory.toString(),
              key.toString())) {
        String open = child.nextLine(60);
        assertThat(open).as(child.errorOutput()).startsWith("OPEN ");
        assertThat(Long.parseLong(open.substring(5))).isGreaterThan(acknowledged);
        for (int acks = 0; acks < 300 + 200 * round; acks++) {
          String line = child.nextLine(60);
          assertThat(line).as(child.errorOutput()).isNotEqualTo(ChildJvm.EOF);
          lines.add(line);
        }
        lines.addAll(child.kill());
      }
      for (String line : lines) {
        if (line.startsWith("ACK ")) {
          acknowledged = Math.max(acknowledged, Long.parseLong(line.substring(4)));
        }
      }
      try (AuditLog log =
          AuditLog.builder(directory)
              .signer(CheckpointSigner.load("crash-test", key))
              .keyedChain(KeyedChain.withKey(AuditLogTest.CHAIN_KEY))
              .open()) {
        assertThat(log.size()).isGreaterThan(acknowledged);
        for (long seq = 0; seq <= acknowledged; seq++) {
          assertThat(log.logger().entry(seq)).as("acknowledged entry %d", seq).isPresent();
        }
        AuditLogVerification verification = log.verify();
        assertThat(verification.ok()).as(verification.describe()).isTrue();
        EntryProof proof = log.prove(acknowledged);
        CheckpointVerifier verifier = CheckpointVerifier.of(log.verifierKey());
        assertThat(
                ProofVerifier.verifyInclusion(
                    proof.entry().leafHash(),
                    proof.proof(),
                    verifier.verify(proof.signedCheckpoint()).rootHash()))
            .isTrue();
      }
    }
  }
}
