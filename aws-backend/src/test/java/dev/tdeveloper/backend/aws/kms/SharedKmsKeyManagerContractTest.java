package dev.tdeveloper.backend.aws.kms;

import dev.tdeveloper.aws.testkit.json.LocalAwsJsonServer;
import dev.tdeveloper.security.secrets.InMemorySecretStore;
import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.testkit.KeyManagerContract;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.kms.KmsClient;

/** The key manager contract, one shared KMS key, against the local KMS server. */
class SharedKmsKeyManagerContractTest extends KeyManagerContract {
  private static LocalAwsJsonServer server;
  private static KmsClient kms;
  private static String keyId;
  private static SecretStore records;

  @BeforeAll
  static void start() {
    server = LocalAwsJsonServer.start();
    kms = LocalKms.kms(server);
    keyId = kms.createKey(b -> b.description("shared")).keyMetadata().arn();
    records = InMemorySecretStore.create();
  }

  @AfterAll
  static void stop() {
    records.close();
    kms.close();
    server.close();
  }

  @Override
  protected KeyManager create() {
    return KmsKeyManager.builder(kms)
        .sharedKey(keyId, records, KmsKeyManagerBuilder.DEFAULT_RECORDS_NAME)
        .build();
  }

  @Override
  protected Optional<KeyManager> reopen(KeyManager current) {
    current.close();
    return Optional.of(create());
  }
}
