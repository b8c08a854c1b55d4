package dev.tdeveloper.security.crypto.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.crypto.EnvelopeEncryptor;
import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.security.spi.KeyManagerException;
import dev.tdeveloper.tenancy.TenantId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKeyManagerTest {
  private static final TenantId ACME = TenantId.of("acme");

  @TempDir Path temp;

  private MasterKey generate(String name) {
    MasterKey.generateFile(temp.resolve(name));
    return MasterKey.fromFile(temp.resolve(name));
  }

  @Test
  void aWrongMasterKeyIsRefusedClearlyAndChangesNothing() throws Exception {
    try (LocalKeyManager keys =
        LocalKeyManager.builder(temp.resolve("keys"), generate("a")).open()) {
      keys.rotate(ACME);
    }
    byte[] before = Files.readAllBytes(temp.resolve("keys").resolve(LocalKeyManager.FILE));
    MasterKey other = generate("b");
    assertThatThrownBy(() -> LocalKeyManager.builder(temp.resolve("keys"), other).open())
        .isInstanceOf(KeyManagerException.class)
        .hasMessageContaining("master key file " + temp.resolve("b").toAbsolutePath())
        .hasMessageContaining("does not match key store");
    assertThat(Files.readAllBytes(temp.resolve("keys").resolve(LocalKeyManager.FILE)))
        .isEqualTo(before);
    try (LocalKeyManager keys =
        LocalKeyManager.builder(temp.resolve("keys"), MasterKey.fromFile(temp.resolve("a")))
            .open()) {
      assertThat(keys.versions(ACME)).hasSize(1);
    }
  }

  @Test
  void badMasterKeysSayWhatIsWrongWithoutQuotingThem() throws Exception {
    String secretish = "not-base64-!!SECRETVALUE!!";
    assertThatThrownBy(() -> MasterKey.fromEnvironment("TDEV_MK", Map.of("TDEV_MK", secretish)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "master key environment variable TDEV_MK is not valid base64; it must hold the base64"
                + " encoding of exactly 32 random bytes")
        .hasNoCause();
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> MasterKey.fromEnvironment("TDEV_MK", Map.of("TDEV_MK", shortKey)))
        .hasMessageContaining("decodes to 16 bytes")
        .hasMessageNotContaining(shortKey);
    assertThatThrownBy(() -> MasterKey.fromEnvironment("TDEV_MK", Map.of()))
        .hasMessage("master key environment variable TDEV_MK is not set");
    assertThatThrownBy(() -> MasterKey.fromFile(temp.resolve("missing")))
        .hasMessageContaining("does not exist");
    Files.writeString(temp.resolve("blank"), "  \n");
    assertThatThrownBy(() -> MasterKey.fromFile(temp.resolve("blank")))
        .hasMessageContaining("is empty");
    generate("mk");
    assertThatThrownBy(() -> MasterKey.generateFile(temp.resolve("mk")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already exists");
  }

  @Test
  void secretsAndKeyBytesNeverAppearInToStringLogsOrExceptionMessages() throws Exception {
    String encoded = Files.readString(generatePath("master.key")).strip();
    String masterHex = HexFormat.of().formatHex(Base64.getDecoder().decode(encoded));
    MasterKey master = MasterKey.fromEnvironment("TDEV_MK", Map.of("TDEV_MK", encoded));
    List<String> seen = new ArrayList<>();
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (LocalKeyManager keys = LocalKeyManager.builder(temp.resolve("keys"), master).open()) {
      keys.rotate(ACME);
      EnvelopeEncryptor enc = EnvelopeEncryptor.builder(keys).build();
      byte[] ct = enc.encrypt(ACME, "plain".getBytes(StandardCharsets.UTF_8), new byte[0]);
      seen.add(master.toString());
      seen.add(keys.toString());
      seen.add(enc.toString());
      ct[ct.length - 1] ^= 1;
      for (Runnable failing :
          List.<Runnable>of(
              () -> enc.decrypt(ACME, ct, new byte[0]),
              () -> enc.decrypt(TenantId.of("globex"), ct, new byte[0]),
              () -> keys.unwrap(ACME, 1, new byte[60], new byte[0]),
              () -> LocalKeyManager.builder(temp.resolve("keys"), master).open(),
              () -> MasterKey.fromEnvironment("X", Map.of("X", encoded + "!")))) {
        try {
          failing.run();
        } catch (RuntimeException e) {
          for (Throwable t = e; t != null; t = t.getCause()) {
            seen.add(String.valueOf(t.getMessage()));
            seen.add(t.toString());
          }
        }
      }
      KeyManager.fromProviders(Optional.of("local"), Map.of()).close();
    } catch (IllegalArgumentException e) {
      seen.add(e.getMessage());
    } finally {
      System.setErr(err);
    }
    seen.add(captured.toString(StandardCharsets.UTF_8));
    assertThat(seen).hasSizeGreaterThan(8);
    for (String text : seen) {
      assertThat(text.toLowerCase())
          .doesNotContain(masterHex)
          .doesNotContain(encoded.toLowerCase());
      assertThat(text).doesNotContain(encoded).doesNotContain("plain");
    }
  }

  private Path generatePath(String name) {
    MasterKey.generateFile(temp.resolve(name));
    return temp.resolve(name);
  }

  @Test
  void theProviderIsFoundByNameAndRejectsBadSettings() {
    generate("mk");
    Map<String, String> config =
        Map.of(
            LocalKeyManagerProvider.DIRECTORY, temp.resolve("keys").toString(),
            LocalKeyManagerProvider.MASTER_KEY_FILE, temp.resolve("mk").toString());
    try (KeyManager keys = KeyManager.fromProviders(Optional.empty(), config)) {
      assertThat(keys).isInstanceOf(LocalKeyManager.class);
      assertThat(keys.rotate(ACME).version()).isEqualTo(1);
    }
    assertThatThrownBy(() -> KeyManager.fromProviders(Optional.of("kms"), config))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no KeyManagerProvider named 'kms'")
        .hasMessageContaining("local");
    assertThatThrownBy(
            () ->
                KeyManager.fromProviders(
                    Optional.of("local"), Map.of("directory", "x", "bogus", "1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no setting 'bogus'");
    assertThatThrownBy(
            () -> KeyManager.fromProviders(Optional.of("local"), Map.of("directory", "x")))
        .hasMessageContaining("exactly one of master-key-file and master-key-env; neither was set");
  }
}
