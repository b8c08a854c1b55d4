package ${package};

import dev.tdeveloper.observability.spi.AlertStateStore;
import dev.tdeveloper.observability.testkit.AlertStateStoreContract;
import java.util.UUID;

/** Holds {@link ${cloud}AlertStateStore} to the SDK's contract kit; fails until it is implemented. */
class ${cloud}AlertStateStoreTest extends AlertStateStoreContract {
  /** This test's location: new for each test (JUnit makes a new instance per test), empty at first. */
  private final String location = "alert-state-contract-" + UUID.randomUUID();

  /** Returns a new store instance over this test's location, as a restarted router would open it. */
  @Override
  protected AlertStateStore open() {
    return new ${cloud}AlertStateStore(location);
  }
}
