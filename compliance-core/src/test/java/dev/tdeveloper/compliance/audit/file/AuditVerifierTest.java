package dev.tdeveloper.compliance.audit.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.audit.file.VerificationReport.Kind;
import dev.tdeveloper.compliance.audit.file.VerificationReport.Problem;
import dev.tdeveloper.compliance.audit.integrity.KeyedChain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier's reports on intact logs, wrong keys, short logs and added checks. */
class AuditVerifierTest {
  @TempDir Path temp;

  private Path log(int entries) {
    Path directory = temp.resolve("log");
    try (FileAuditSink sink = FileAuditSink.builder(directory).open()) {
      sink.append(new TestLog().next(entries));
      sink.storeCheckpoint("log.example/audit\n" + entries + "\nROOT\n\n— key sig\n");
    }
    return directory;
  }

  @Test
  void passesAnIntactLogWhileASinkHasItOpen() {
    Path directory = temp.resolve("open");
    try (FileAuditSink sink = FileAuditSink.builder(directory).open()) {
      sink.append(new TestLog().next(120));
      VerificationReport report =
          AuditVerifier.builder(directory).chain(TestLog.CHAIN).expectedSize(120).build().verify();
      assertThat(report.ok()).isTrue();
      assertThat(report.entriesChecked()).isEqualTo(120);
      assertThat(report.size()).isEqualTo(120);
    }
  }

  @Test
  void namesTheFirstEntryAWrongKeyCannotRecompute() {
    Path directory = log(10);
    byte[] other = TestLog.KEY.clone();
    other[0] ^= 1;
    VerificationReport report =
        AuditVerifier.builder(directory).chain(KeyedChain.withKey(other)).build().verify();
    Problem problem = report.problem().orElseThrow();
    assertThat(problem.kind()).isEqualTo(Kind.CHAIN_MISMATCH);
    assertThat(problem.index()).isZero();
    assertThat(report.entriesChecked()).isZero();
    assertThat(AuditVerifier.builder(directory).build().verify().ok())
        .as("without the key only hashes and framing are checked")
        .isTrue();
  }

  @Test
  void reportsDamageInTheMiddleOfTheCheckpointsFileButNotATornLastNote() throws Exception {
    Path directory = temp.resolve("checkpoints");
    try (FileAuditSink sink = FileAuditSink.builder(directory).open()) {
      sink.append(new TestLog().next(3));
      for (int i = 1; i <= 3; i++) {
        sink.storeCheckpoint("note " + i + "\n");
      }
    }
    Path file = directory.resolve(FileAuditSink.CHECKPOINTS);
    long size = Files.size(file);
    Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), (int) size - 3));
    assertThat(AuditVerifier.builder(directory).build().verify().ok())
        .as("a torn last note is what a crash leaves; opening the log cuts it")
        .isTrue();
    FileAuditSinkRecoveryTest.flip(file, 8 + 8 + 2); // inside the first note
    Problem problem = AuditVerifier.builder(directory).build().verify().problem().orElseThrow();
    assertThat(problem.kind()).isEqualTo(Kind.DAMAGED_FRAME);
    assertThat(problem.file()).contains(file);
    assertThat(problem.detail()).contains(FileAuditSink.CHECKPOINTS);
  }

  @Test
  void reportsAMissingTailAgainstTheExpectedSize() {
    Path directory = log(10);
    Problem problem =
        AuditVerifier.builder(directory).expectedSize(12).build().verify().problem().orElseThrow();
    assertThat(problem.kind()).isEqualTo(Kind.TAIL_MISSING);
    assertThat(problem.index()).isEqualTo(10);
    assertThat(problem.toString()).contains("TAIL_MISSING at entry 10");
  }

  @Test
  void runsAddedChecksInOrderAfterTheBuiltInOnesPass() {
    Path directory = log(10);
    List<String> seen = new ArrayList<>();
    VerificationReport report =
        AuditVerifier.builder(directory)
            .chain(TestLog.CHAIN)
            .check(
                log -> {
                  seen.add("first " + log.size() + " " + log.checkpoints().size());
                  List<byte[]> hashes = new ArrayList<>();
                  log.readLeafHashes(0, log.size(), h -> hashes.add(h.clone()));
                  assertThat(hashes.get(3)).isEqualTo(TestLog.from(3).next(1).get(0).leafHash());
                  return Optional.empty();
                })
            .check(log -> Optional.of(Problem.at(Kind.CHECKPOINT_MISMATCH, 10, "root differs")))
            .check(
                log -> {
                  seen.add("never");
                  return Optional.empty();
                })
            .build()
            .verify();
    assertThat(seen).containsExactly("first 10 1");
    assertThat(report.problem().orElseThrow().kind()).isEqualTo(Kind.CHECKPOINT_MISMATCH);
    assertThat(report.entriesChecked()).isEqualTo(10);
  }

  @Test
  void rejectsBadSettingsAndAMissingLog() {
    var builder = AuditVerifier.builder(temp);
    assertThatThrownBy(() -> builder.expectedSize(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expectedSize");
    builder.expectedSize(1);
    assertThatThrownBy(() -> builder.expectedSize(2)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> AuditVerifier.builder(temp.resolve("none")).build().verify())
        .isInstanceOf(ComplianceException.class)
        .hasMessageContaining("no audit log");
  }
}
