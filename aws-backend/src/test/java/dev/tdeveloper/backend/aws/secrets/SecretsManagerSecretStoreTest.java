package dev.tdeveloper.backend.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.aws.testkit.json.LocalAwsJsonServer;
import dev.tdeveloper.security.secrets.Secret;
import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretStoreException;
import dev.tdeveloper.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** What the Secrets Manager store adds to the contract: the mapping onto the service. */
class SecretsManagerSecretStoreTest {
  private static final String VALUE = "s3cr3t-value-never-shown";
  private final LocalAwsJsonServer server = LocalAwsJsonServer.start();
  private final SecretsManagerClient client = SecretsManagerSecretStoreContractTest.client(server);
  private final SecretsManagerSecretStore store = SecretsManagerSecretStore.create(client, "app");

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void secretsAreNamedByScopeUnderThePrefixAndShortIdsMapOneToOne() {
    SecretName name = SecretName.of(TenantId.of("acme"), "db/app");
    store.putCurrent(name, "v1", Secret.ofString(VALUE));
    var response = client.getSecretValue(b -> b.secretId("app/tenant/acme/db/app"));
    assertThat(response.secretString()).isEqualTo(VALUE);
    assertThat(response.versionId()).hasSize(32).startsWith("tdvid02v1");
    assertThat(store.versions(name))
        .singleElement()
        .satisfies(v -> assertThat(v.versionId()).isEqualTo("v1"));
    assertThat(VersionIds.fromAws(VersionIds.toAws("a-b_c"))).isEqualTo("a-b_c");
    String uuid = "0b7c6a7e-6a4f-4bd8-9d8c-2f1d1f0a9e11";
    assertThat(VersionIds.toAws(uuid)).isEqualTo(uuid);
    assertThatThrownBy(() -> VersionIds.toAws("tdvid" + "x".repeat(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reserved");
  }

  @Test
  void bytesThatAreNotTextTravelAsSecretBinary() {
    SecretName name = SecretName.platform("signing-key");
    byte[] raw = {(byte) 0xff, 0, (byte) 0xfe, 1};
    store.putCurrent(name, "k1", Secret.of(raw));
    assertThat(
            client
                .getSecretValue(b -> b.secretId("app/platform/signing-key"))
                .secretBinary()
                .asByteArray())
        .isEqualTo(raw);
    assertThat(store.valueAt(name, SecretLabel.CURRENT).orElseThrow().bytes()).isEqualTo(raw);
  }

  @Test
  void foreignSecretsAndLabelsAreNotShown() {
    client.createSecret(b -> b.name("app/not-ours").secretString("x"));
    client.createSecret(b -> b.name("other/platform/x").secretString("x"));
    SecretName name = SecretName.platform("db");
    store.put(name, "v1", Secret.ofString("one"));
    assertThat(store.names()).containsExactly(name);
    assertThat(store.versions(name).get(0).labels())
        .as("TDEV_STAGED is ours, not a label")
        .isEmpty();
  }

  @Test
  void aServiceFailureNamesTheCodeAndNeverWhatTheServerEchoed() {
    SecretName name = SecretName.platform("db");
    store.putCurrent(name, "v1", Secret.ofString("one"));
    server.failNext("InvalidParameterException", "you sent " + VALUE);
    assertThatThrownBy(() -> store.put(name, "v2", Secret.ofString(VALUE)))
        .isInstanceOf(SecretStoreException.class)
        .hasMessageContaining("InvalidParameterException")
        .hasMessageContaining("platform/db")
        .hasMessageNotContaining(VALUE)
        .hasNoCause();
    assertThat(store.toString()).doesNotContain(VALUE);
    assertThat(store.versions(name)).hasSize(1);
  }
}
