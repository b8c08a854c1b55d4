package dev.tdeveloper.dr.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.dr.DrException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkKeysTest {
  @TempDir Path dir;

  @Test
  void generatesAnOwnerOnlyKeyFileThatLoadsToTheSameKey() throws IOException {
    Path file = dir.resolve("keys/master.key");
    MasterKey generated = ChunkKeys.generate(file);
    assertThat(file).isRegularFile();
    assertThat(Files.size(file)).isEqualTo(MasterKey.LENGTH);
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
    assertThat(ChunkKeys.load(file).id()).isEqualTo(generated.id());
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void neverOverwritesAnExistingKeyFile() throws IOException {
    Path file = dir.resolve("master.key");
    MasterKey first = ChunkKeys.generate(file);
    byte[] before = Files.readAllBytes(file);
    assertThatThrownBy(() -> ChunkKeys.generate(file))
        .isInstanceOf(DrException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("refusing to overwrite");
    assertThat(file).hasBinaryContent(before);
    assertThat(ChunkKeys.loadOrGenerate(file).id()).isEqualTo(first.id());
  }

  @Test
  void loadOrGenerateCreatesTheKeyOnce() {
    Path file = dir.resolve("master.key");
    MasterKey created = ChunkKeys.loadOrGenerate(file);
    assertThat(ChunkKeys.loadOrGenerate(file).id()).isEqualTo(created.id());
  }

  @Test
  void aMissingOrWrongSizedFileFailsNamingTheFileButNotItsContent() throws IOException {
    Path missing = dir.resolve("missing.key");
    assertThatThrownBy(() -> ChunkKeys.load(missing))
        .isInstanceOf(DrException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
    Path shortFile = Files.write(dir.resolve("short.key"), HexFormat.of().parseHex("deadbeef"));
    assertThatThrownBy(() -> ChunkKeys.load(shortFile))
        .isInstanceOf(DrException.class)
        .hasMessageContaining("holds 4 bytes: expected exactly 32")
        .hasMessageNotContaining("deadbeef");
  }

  @Test
  void generationCleansTemporaryFilesACrashLeft() throws IOException {
    Path file = dir.resolve("master.key");
    Path stale = dir.resolve("master.key.0123456789abcdef.tmp");
    Files.write(stale, new byte[32]);
    ChunkKeys.generate(file);
    assertThat(stale).doesNotExist();
  }

  @Test
  void aKeyPrintsOnlyItsFingerprint() {
    byte[] bytes = new byte[32];
    bytes[0] = 0x5a;
    MasterKey key = MasterKey.of(bytes);
    assertThat(key.toString()).isEqualTo("MasterKey[id=" + key.id() + "]");
    assertThat(key.id()).hasSize(16).isNotEqualTo(MasterKey.of(new byte[32]).id());
    assertThat(MasterKey.of(bytes.clone()).id()).isEqualTo(key.id());
    assertThatThrownBy(() -> MasterKey.of(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("length 16 bytes: expected 32");
  }
}
