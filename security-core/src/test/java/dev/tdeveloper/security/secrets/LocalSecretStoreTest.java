package dev.tdeveloper.security.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.spi.SecretStoreException;
import dev.tdeveloper.security.spi.SecretVersion;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretStoreTest {
  private static final String VALUE = "very-secret-db-password-42";
  private static final SecretName DB = SecretName.of(TenantId.of("acme"), "db/app");

  @TempDir Path temp;

  private Path dir() {
    return temp.resolve("store");
  }

  private Path keyFile() {
    Path key = temp.resolve("master.key");
    if (!Files.exists(key)) {
      LocalSecretStoreBuilder.generateMasterKeyFile(key);
    }
    return key;
  }

  private LocalSecretStore open() {
    return LocalSecretStore.builder(dir()).masterKeyFile(keyFile()).open();
  }

  @Test
  void keepsVersionsAndLabelsAcrossReopen() {
    ManualClock clock = new ManualClock();
    try (LocalSecretStore store =
        LocalSecretStore.builder(dir()).masterKeyFile(keyFile()).clock(clock).open()) {
      store.putCurrent(DB, "v1", Secret.ofString("first"));
      store.put(DB, "v2", Secret.ofString(VALUE));
      store.moveLabel(DB, SecretLabel.PENDING, Optional.empty(), Optional.of("v2"));
    }
    try (LocalSecretStore store = open()) {
      assertThat(store.versions(DB))
          .containsExactly(
              new SecretVersion("v1", java.util.Set.of(SecretLabel.CURRENT), clock.instant()),
              new SecretVersion("v2", java.util.Set.of(SecretLabel.PENDING), clock.instant()));
      assertThat(store.value(DB, "v2").orElseThrow().stringValue()).isEqualTo(VALUE);
      assertThat(store.names()).containsExactly(DB);
    }
  }

  @Test
  void theFileShowsNeitherValuesNorNames() throws Exception {
    try (LocalSecretStore store = open()) {
      store.putCurrent(DB, "v1", Secret.ofString(VALUE));
    }
    String file =
        new String(
            Files.readAllBytes(dir().resolve(LocalSecretStore.FILE_NAME)),
            StandardCharsets.ISO_8859_1);
    assertThat(file).doesNotContain(VALUE).doesNotContain("db/app").doesNotContain("acme");
  }

  @Test
  void aWrongMasterKeyRefusesTheOpenWithoutShowingAnyKey() throws Exception {
    try (LocalSecretStore store = open()) {
      store.putCurrent(DB, "v1", Secret.ofString(VALUE));
    }
    byte[] wrong = new byte[32];
    wrong[0] = 7;
    String right = Files.readString(keyFile()).strip();
    assertThatThrownBy(() -> LocalSecretStore.builder(dir()).masterKey(wrong).open())
        .isInstanceOf(SecretStoreException.class)
        .hasMessageContaining("wrong master key")
        .hasMessageNotContaining(right)
        .hasMessageNotContaining(VALUE);
    try (LocalSecretStore store = open()) {
      assertThat(store.valueAt(DB, SecretLabel.CURRENT).orElseThrow().stringValue())
          .isEqualTo(VALUE);
    }
  }

  @Test
  void anEmptyStoreStillDetectsAWrongKey() {
    open().close();
    assertThatThrownBy(() -> LocalSecretStore.builder(dir()).masterKey(new byte[32]).open())
        .isInstanceOf(SecretStoreException.class)
        .hasMessageContaining("wrong master key");
  }

  @Test
  void readsTheKeyFromAnEnvironmentVariable() {
    byte[] key = new byte[32];
    key[5] = 42;
    String encoded = Base64.getEncoder().encodeToString(key);
    try (LocalSecretStore store =
        LocalSecretStore.builder(dir())
            .masterKeyFromEnvironment("TD_SECRETS_KEY")
            .environment(Map.of("TD_SECRETS_KEY", encoded)::get)
            .open()) {
      store.putCurrent(DB, "v1", Secret.ofString(VALUE));
    }
    try (LocalSecretStore store = LocalSecretStore.builder(dir()).masterKey(key).open()) {
      assertThat(store.versions(DB)).hasSize(1);
    }
    assertThatThrownBy(
            () ->
                LocalSecretStore.builder(dir())
                    .masterKeyFromEnvironment("TD_MISSING")
                    .environment(Map.<String, String>of()::get)
                    .open())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TD_MISSING");
  }

  @Test
  void badKeySourcesFailClearly() throws Exception {
    Path shortKey = temp.resolve("short.key");
    Files.writeString(shortKey, Base64.getEncoder().encodeToString(new byte[16]));
    assertThatThrownBy(() -> LocalSecretStore.builder(dir()).masterKeyFile(shortKey).open())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("decodes to 16 bytes")
        .hasMessageNotContaining(Files.readString(shortKey));
    Path garbage = temp.resolve("garbage.key");
    Files.writeString(garbage, "not a key at all!");
    assertThatThrownBy(() -> LocalSecretStore.builder(dir()).masterKeyFile(garbage).open())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("not a key");
    assertThatThrownBy(() -> LocalSecretStore.builder(dir()).open())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("master key is required");
    assertThatThrownBy(
            () -> LocalSecretStore.builder(dir()).masterKeyFile(keyFile()).masterKey(new byte[32]))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> LocalSecretStore.builder(dir()).masterKey(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LocalSecretStoreBuilder.generateMasterKeyFile(keyFile()))
        .isInstanceOf(SecretStoreException.class);
    assertThat(Files.exists(dir().resolve(LocalSecretStore.FILE_NAME))).isFalse();
  }

  @Test
  void aSecondStoreOnTheDirectoryIsRefused() {
    try (LocalSecretStore store = open()) {
      assertThatThrownBy(this::open)
          .isInstanceOf(SecretStoreException.class)
          .hasMessageContaining("already open");
      store.putCurrent(DB, "v1", Secret.ofString(VALUE));
    }
  }

  @Test
  void compactionKeepsLabelledVersionsOnly() throws Exception {
    try (LocalSecretStore store = open()) {
      for (int i = 1; i <= 5; i++) {
        store.putCurrent(DB, "v" + i, Secret.ofString("value-" + i));
      }
      store.put(DB, "v6", Secret.ofString("pending"));
      store.moveLabel(DB, SecretLabel.PENDING, Optional.empty(), Optional.of("v6"));
      long before = Files.size(dir().resolve(LocalSecretStore.FILE_NAME));
      store.compact();
      assertThat(Files.size(dir().resolve(LocalSecretStore.FILE_NAME))).isLessThan(before);
      assertThat(store.versions(DB))
          .extracting(SecretVersion::versionId)
          .containsExactly("v4", "v5", "v6");
      store.putCurrent(DB, "v7", Secret.ofString("after"));
    }
    try (LocalSecretStore store = open()) {
      assertThat(store.versionAt(DB, SecretLabel.CURRENT).orElseThrow().versionId())
          .isEqualTo("v7");
      assertThat(store.versionAt(DB, SecretLabel.PREVIOUS).orElseThrow().versionId())
          .isEqualTo("v5");
      assertThat(store.versionAt(DB, SecretLabel.PENDING).orElseThrow().versionId())
          .isEqualTo("v6");
      assertThat(store.value(DB, "v4").orElseThrow().stringValue()).isEqualTo("value-4");
    }
  }

  @Test
  void providersOpenTheLocalStoreByName() {
    Map<String, String> config =
        Map.of(
            LocalSecretStoreProvider.DIRECTORY, dir().toString(),
            LocalSecretStoreProvider.MASTER_KEY_FILE, keyFile().toString());
    try (SecretStore store = SecretStore.fromProviders(Optional.of("local-file"), config)) {
      assertThat(store).isInstanceOf(LocalSecretStore.class);
    }
    assertThatThrownBy(() -> SecretStore.fromProviders(Optional.empty(), config))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("in-memory")
        .hasMessageContaining("local-file");
    assertThatThrownBy(
            () ->
                SecretStore.fromProviders(
                    Optional.of("local-file"), Map.of(LocalSecretStoreProvider.DIRECTORY, "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly one of");
    assertThatThrownBy(
            () -> SecretStore.fromProviders(Optional.of("in-memory"), Map.of("size", "3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no settings");
  }
}
