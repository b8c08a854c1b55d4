package dev.tdeveloper.security.secrets;

import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.testkit.SecretStoreContract;

class InMemorySecretStoreContractTest extends SecretStoreContract {
  @Override
  protected SecretStore create() {
    return InMemorySecretStore.create();
  }
}
