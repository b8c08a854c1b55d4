package dev.tdeveloper.compliance.audit.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.spi.CheckpointAnchor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file anchor found through {@code ServiceLoader} by {@link CheckpointAnchor#fromProviders}.
 */
class FileCheckpointAnchorProviderTest {
  private static final CheckpointSigner SIGNER = CheckpointSigner.generate("audit.example.com/p");

  @TempDir Path temp;

  private Map<String, String> directory() {
    return Map.of(FileCheckpointAnchorProvider.DIRECTORY, temp.resolve("anchor").toString());
  }

  private static String checkpoint(long size) {
    byte[] root = MerkleHashes.leaf(Long.toString(size).getBytes(StandardCharsets.UTF_8));
    return SIGNER.sign(Checkpoint.of("audit.example.com/p", size, root));
  }

  @Test
  void theFileProviderIsFoundByNameAndAloneAndOpensAWorkingAnchor() {
    String note = checkpoint(7);
    try (CheckpointAnchor anchor =
        CheckpointAnchor.fromProviders(Optional.of("file"), directory())) {
      assertThat(anchor).isInstanceOf(FileCheckpointAnchor.class);
      anchor.publish(note);
    }
    try (CheckpointAnchor anchor = CheckpointAnchor.fromProviders(Optional.empty(), directory())) {
      assertThat(anchor.latest()).contains(note);
      assertThatThrownBy(() -> anchor.publish(checkpoint(6)))
          .isInstanceOf(CheckpointException.class);
    }
    assertThat(temp.resolve("anchor").resolve(FileCheckpointAnchor.FILE_NAME)).isRegularFile();
  }

  @Test
  void anUnknownSettingIsRejectedNamingItAndTheAcceptedOnes() {
    Map<String, String> config = Map.of("directory", temp.toString(), "file.directory", "x");
    assertThatThrownBy(() -> CheckpointAnchor.fromProviders(Optional.of("file"), config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no setting 'file.directory'")
        .hasMessageContaining("[directory]");
    assertThat(temp.resolve(FileCheckpointAnchor.FILE_NAME)).doesNotExist();
  }

  @Test
  void aMissingOrBlankDirectoryIsRejectedNamingTheSetting() {
    assertThatThrownBy(() -> CheckpointAnchor.fromProviders(Optional.of("file"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the file checkpoint anchor needs the setting directory");
    assertThatThrownBy(
            () -> CheckpointAnchor.fromProviders(Optional.of("file"), Map.of("directory", "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("directory");
  }

  @Test
  void anUnknownProviderNameListsTheProvidersFound() {
    assertThatThrownBy(() -> CheckpointAnchor.fromProviders(Optional.of("aws-s3"), directory()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no CheckpointAnchorProvider named 'aws-s3'")
        .hasMessageContaining("[file]");
  }

  @Test
  void aDirectoryOpenInAnotherAnchorIsRefusedByTheSecond() {
    try (CheckpointAnchor first =
        CheckpointAnchor.fromProviders(Optional.of("file"), directory())) {
      assertThatThrownBy(() -> CheckpointAnchor.fromProviders(Optional.of("file"), directory()))
          .isInstanceOf(ComplianceException.class);
      assertThat(first.latest()).isEmpty();
    }
  }
}
