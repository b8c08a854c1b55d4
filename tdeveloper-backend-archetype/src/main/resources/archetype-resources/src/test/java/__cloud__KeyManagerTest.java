package ${package};

import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.security.testkit.KeyManagerContract;

/** Holds {@link ${cloud}KeyManager} to the SDK's contract kit; fails until it is implemented. */
class ${cloud}KeyManagerTest extends KeyManagerContract {
  @Override
  protected KeyManager create() {
    return new ${cloud}KeyManager();
  }
}
