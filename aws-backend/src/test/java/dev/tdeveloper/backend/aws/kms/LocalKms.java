package dev.tdeveloper.backend.aws.kms;

import dev.tdeveloper.aws.testkit.json.LocalAwsJsonServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** SDK clients pointed at a {@link LocalAwsJsonServer}, with static test credentials. */
final class LocalKms {
  /** The test secret access key; no message or log may contain it. */
  static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI-test-secret-access-key";

  private LocalKms() {}

  static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create("AKIATESTACCESSKEY", SECRET_ACCESS_KEY));
  }

  static KmsClient kms(LocalAwsJsonServer server) {
    return KmsClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .build();
  }

  static SecretsManagerClient secretsManager(LocalAwsJsonServer server) {
    return SecretsManagerClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .build();
  }
}
