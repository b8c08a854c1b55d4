package dev.tdeveloper.security.secrets;

import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.testkit.SecretStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretStoreContractTest extends SecretStoreContract {
  @TempDir Path temp;

  @Override
  protected SecretStore create() {
    return LocalSecretStore.builder(temp.resolve("secrets")).masterKey(new byte[32]).open();
  }
}
