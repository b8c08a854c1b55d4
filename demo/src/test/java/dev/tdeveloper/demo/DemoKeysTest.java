package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.crypto.local.MasterKey;
import dev.tdeveloper.security.spi.KeyManagerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the demo's master key comes from, and that it never reaches the log. */
class DemoKeysTest {
  @TempDir Path dir;

  private DemoOptions options(Optional<Path> masterKeyFile) {
    return new DemoOptions(
        0,
        dir.resolve("tenants.yaml"),
        dir.resolve("data"),
        List.of("localhost"),
        Optional.empty(),
        new DemoTls.Off(),
        masterKeyFile);
  }

  private static String randomKey() {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    return Base64.getEncoder().encodeToString(raw);
  }

  @Test
  void generatesAnOwnerOnlyMasterKeyOnFirstStartWarnsAndNeverLogsIt() throws Exception {
    Path file = dir.resolve("data").resolve(DemoKeys.GENERATED_MASTER_KEY);
    String log;
    try (LogCapture capture = new LogCapture()) {
      assertThat(DemoKeys.masterKey(options(Optional.empty()), Map.of()).source())
          .contains(file.toString());
      log = capture.text();
    }
    String key = Files.readString(file).strip();

    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(log)
        .contains("generated a new master key", "for local use only")
        .doesNotContain(key);
    DemoKeys.masterKey(options(Optional.empty()), Map.of());
    assertThat(Files.readString(file).strip()).as("kept, not replaced").isEqualTo(key);
  }

  @Test
  void aMasterKeyFileOptionComesFirstThenTheEnvironmentVariable() throws Exception {
    Path given = dir.resolve("given.key");
    MasterKey.generateFile(given);
    Map<String, String> env = Map.of(DemoKeys.MASTER_KEY_ENV, randomKey());

    assertThat(DemoKeys.masterKey(options(Optional.of(given)), env).source())
        .contains(given.toString());
    assertThat(DemoKeys.masterKey(options(Optional.empty()), env).source())
        .isEqualTo("environment variable " + DemoKeys.MASTER_KEY_ENV);
    assertThat(dir.resolve("data").resolve(DemoKeys.GENERATED_MASTER_KEY)).doesNotExist();
    assertThat(DemoOptions.parse(name -> null, "--master-key-file", "m.key").masterKeyFile())
        .contains(Path.of("m.key"));
  }

  @Test
  void aMalformedEnvironmentKeyIsRefusedWithoutQuotingIt() {
    Map<String, String> env = Map.of(DemoKeys.MASTER_KEY_ENV, "not-a-key-but-a-secret-guess");
    assertThatThrownBy(() -> DemoKeys.masterKey(options(Optional.empty()), env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(DemoKeys.MASTER_KEY_ENV)
        .hasMessageNotContaining("secret-guess");
  }

  @Test
  void refusesToStartWithAnotherMasterKeyThanTheKeyStoreWasCreatedWith() throws Exception {
    Files.copy(DemoAppTest.SHIPPED, dir.resolve("tenants.yaml"));
    DemoApp.start(options(Optional.empty()), InstantSource.system()).close();
    Path other = dir.resolve("other.key");
    MasterKey.generateFile(other);

    assertThatThrownBy(() -> DemoApp.start(options(Optional.of(other)), InstantSource.system()))
        .isInstanceOf(KeyManagerException.class)
        .hasMessageContaining("does not match");
  }
}
