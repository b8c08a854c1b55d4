package dev.tdeveloper.backend.aws.secrets;

import dev.tdeveloper.aws.testkit.json.LocalAwsJsonServer;
import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.testkit.SecretStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The secret store contract against the local Secrets Manager server, through the real SDK. */
class SecretsManagerSecretStoreContractTest extends SecretStoreContract {
  private static LocalAwsJsonServer server;
  private static SecretsManagerClient client;

  @BeforeAll
  static void start() {
    server = LocalAwsJsonServer.start();
    client = client(server);
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  static SecretsManagerClient client(LocalAwsJsonServer server) {
    return SecretsManagerClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIATESTACCESSKEY", "test-secret-access-key")))
        .build();
  }

  @Override
  protected SecretStore create() {
    return SecretsManagerSecretStore.create(client, "app");
  }
}
