package dev.tdeveloper.backend.aws.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.aws.testkit.json.LocalAwsJsonServer;
import dev.tdeveloper.security.secrets.Secret;
import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The providers found through {@code ServiceLoader}, against the local server; the SDK takes its
 * credentials from the default chain, here the {@code aws.accessKeyId} system properties.
 */
class ProvidersTest {
  private final LocalAwsJsonServer server = LocalAwsJsonServer.start();
  private final TenantId acme = TenantId.of("acme");

  @BeforeEach
  void credentials() {
    System.setProperty("aws.accessKeyId", "AKIATESTACCESSKEY");
    System.setProperty("aws.secretAccessKey", LocalKms.SECRET_ACCESS_KEY);
  }

  @AfterEach
  void stop() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    server.close();
  }

  private Map<String, String> endpoint(String... more) {
    Map<String, String> config = new java.util.HashMap<>();
    config.put("region", "us-east-1");
    config.put("endpoint", server.endpoint().toString());
    for (int i = 0; i < more.length; i += 2) {
      config.put(more[i], more[i + 1]);
    }
    return config;
  }

  @Test
  void theKmsProviderBuildsBothModes() {
    byte[] dek = new byte[32];
    try (KeyManager keys =
        KeyManager.fromProviders(Optional.of("aws-kms"), endpoint("alias-prefix", "svc"))) {
      keys.rotate(acme);
      assertThat(keys.unwrap(acme, 1, keys.wrap(acme, 1, dek, new byte[0]), new byte[0]))
          .isEqualTo(dek);
      assertThat(keys.toString()).contains("alias/svc/").doesNotContain(LocalKms.SECRET_ACCESS_KEY);
    }
    String key;
    try (var kms = LocalKms.kms(server)) {
      key = kms.createKey(b -> b.description("shared")).keyMetadata().keyId();
    }
    try (KeyManager keys =
        KeyManager.fromProviders(
            Optional.of("aws-kms"),
            endpoint("mode", "shared-key", "key-id", key, "records-prefix", "kek"))) {
      keys.rotate(acme);
      assertThat(keys.unwrap(acme, 1, keys.wrap(acme, 1, dek, new byte[0]), new byte[0]))
          .isEqualTo(dek);
      assertThat(keys.tenants()).containsExactly(acme);
    }
  }

  @Test
  void theSecretsManagerProviderBuildsAStore() {
    try (SecretStore store =
        SecretStore.fromProviders(Optional.of("aws-secrets-manager"), endpoint("prefix", "svc"))) {
      SecretName name = SecretName.platform("api-key");
      store.putCurrent(name, "k1", Secret.ofString("value"));
      assertThat(store.valueAt(name, SecretLabel.CURRENT).orElseThrow().bytes())
          .isEqualTo("value".getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void badSettingsAreRejectedNamingThem() {
    assertThatThrownBy(
            () -> KeyManager.fromProviders(Optional.of("aws-kms"), endpoint("colour", "red")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("colour")
        .hasMessageContaining("alias-prefix");
    assertThatThrownBy(
            () -> KeyManager.fromProviders(Optional.of("aws-kms"), endpoint("mode", "shared-key")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key-id");
    assertThatThrownBy(
            () -> KeyManager.fromProviders(Optional.of("aws-kms"), endpoint("mode", "both")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both");
    assertThatThrownBy(
            () ->
                KeyManager.fromProviders(
                    Optional.of("aws-kms"), endpoint("deletion-window-days", "3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deletionWindowDays");
    assertThatThrownBy(
            () -> KeyManager.fromProviders(Optional.of("aws-kms"), Map.of("region", "Mars")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Mars");
    assertThatThrownBy(
            () ->
                SecretStore.fromProviders(
                    Optional.of("aws-secrets-manager"), Map.of("prefix", "a b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prefix");
    assertThatThrownBy(
            () ->
                SecretStore.fromProviders(
                    Optional.of("aws-secrets-manager"), Map.of("endpoint", "ftp://x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endpoint");
  }
}
