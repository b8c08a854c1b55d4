package ${package};

import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.testkit.SecretStoreContract;

/** Holds {@link ${cloud}SecretStore} to the SDK's contract kit; fails until it is implemented. */
class ${cloud}SecretStoreTest extends SecretStoreContract {
  @Override
  protected SecretStore create() {
    return new ${cloud}SecretStore();
  }
}
