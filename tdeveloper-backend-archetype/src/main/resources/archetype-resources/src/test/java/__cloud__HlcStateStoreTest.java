package ${package};

import dev.tdeveloper.distribution.spi.HlcStateStore;
import dev.tdeveloper.distribution.testkit.HlcStateStoreContract;
import java.util.UUID;

/** Holds {@link ${cloud}HlcStateStore} to the SDK's contract kit; fails until it is implemented. */
class ${cloud}HlcStateStoreTest extends HlcStateStoreContract {
  /** This test's location: new for each test (JUnit makes a new instance per test), empty at first. */
  private final String location = "hlc-contract-" + UUID.randomUUID();

  /** Returns a new store instance over this test's location, as a restarted process would open it. */
  @Override
  protected HlcStateStore open() {
    return new ${cloud}HlcStateStore(location);
  }
}
