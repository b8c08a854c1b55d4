package dev.tdeveloper.compliance.audit.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.spi.CheckpointAnchor;
import dev.tdeveloper.compliance.testkit.CheckpointAnchorContract;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCheckpointAnchorContractTest extends CheckpointAnchorContract {
  @TempDir Path dir;
  private int anchors;

  @Override
  protected CheckpointAnchor createAnchor() {
    return FileCheckpointAnchor.open(dir.resolve("anchor-" + anchors++));
  }

  @Test
  void keepsTheLatestAcrossReopenAndStillRefusesRollback() {
    Path where = dir.resolve("reopen");
    String note = signedCheckpoint(20, "a");
    try (FileCheckpointAnchor anchor = FileCheckpointAnchor.open(where)) {
      anchor.publish(signedCheckpoint(10, "a"));
      anchor.publish(note);
    }
    try (FileCheckpointAnchor anchor = FileCheckpointAnchor.open(where)) {
      assertThat(anchor.latest()).contains(note);
      assertThatThrownBy(() -> anchor.publish(signedCheckpoint(19, "a")))
          .isInstanceOf(CheckpointException.class)
          .hasMessageContaining("already holds size 20");
    }
  }

  @Test
  void cutsATornLastRecordOnOpen() throws IOException {
    Path where = dir.resolve("torn");
    String first = signedCheckpoint(1, "a");
    try (FileCheckpointAnchor anchor = FileCheckpointAnchor.open(where)) {
      anchor.publish(first);
      anchor.publish(signedCheckpoint(2, "a"));
    }
    Path file = where.resolve(FileCheckpointAnchor.FILE_NAME);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(channel.size() - 5);
    }
    try (FileCheckpointAnchor anchor = FileCheckpointAnchor.open(where)) {
      assertThat(anchor.latest()).contains(first);
      anchor.publish(signedCheckpoint(3, "a"));
    }
  }

  @Test
  void refusesASecondOpenOfTheSameDirectory() {
    Path where = dir.resolve("locked");
    try (FileCheckpointAnchor anchor = FileCheckpointAnchor.open(where)) {
      assertThatThrownBy(() -> FileCheckpointAnchor.open(where))
          .isInstanceOf(ComplianceException.class)
          .hasMessageContaining("already open");
    }
  }

  @Test
  void everyAcknowledgedPublishSurvivesAKilledProcess() throws Exception {
    Path where = dir.resolve("crash");
    long acknowledged = 50;
    try (ChildJvm child =
        ChildJvm.start(AnchorCrashChild.class, dir.resolve("child.err"), where.toString())) {
      child.awaitLine("PUBLISHED 50", 60);
      for (String line : child.kill()) {
        if (line.startsWith("PUBLISHED ")) {
          acknowledged = Math.max(acknowledged, Long.parseLong(line.substring(10)));
        }
      }
    }
    try (FileCheckpointAnchor anchor = FileCheckpointAnchor.open(where)) {
      Checkpoint latest = Checkpoint.parseUnverified(anchor.latest().orElseThrow());
      assertThat(latest.size()).isGreaterThanOrEqualTo(acknowledged);
      assertThat(anchor.latest()).contains(AnchorCrashChild.note(latest.size()));
    }
  }

  @Test
  void writesTheFileInItsOwnDirectory() throws IOException {
    Path where = dir.resolve("files");
    try (FileCheckpointAnchor anchor = FileCheckpointAnchor.open(where)) {
      anchor.publish(signedCheckpoint(1, "a"));
    }
    assertThat(Files.size(where.resolve(FileCheckpointAnchor.FILE_NAME))).isPositive();
  }
}
