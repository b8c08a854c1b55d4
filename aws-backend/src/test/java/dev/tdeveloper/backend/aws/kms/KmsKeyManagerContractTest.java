package dev.tdeveloper.backend.aws.kms;

import dev.tdeveloper.aws.testkit.json.LocalAwsJsonServer;
import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.security.testkit.KeyManagerContract;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.kms.KmsClient;

/** The key manager contract, a KMS key per tenant version, against the local KMS server. */
class KmsKeyManagerContractTest extends KeyManagerContract {
  private static LocalAwsJsonServer server;
  private static KmsClient kms;

  @BeforeAll
  static void start() {
    server = LocalAwsJsonServer.start();
    kms = LocalKms.kms(server);
  }

  @AfterAll
  static void stop() {
    kms.close();
    server.close();
  }

  @Override
  protected KeyManager create() {
    return KmsKeyManager.builder(kms).keyPerTenant("contract").build();
  }

  @Override
  protected Optional<KeyManager> reopen(KeyManager current) {
    current.close();
    return Optional.of(create());
  }
}
