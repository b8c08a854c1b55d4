package ${package};

import dev.tdeveloper.observability.spi.EscalationStateStore;
import dev.tdeveloper.observability.testkit.EscalationStateStoreContract;
import java.util.UUID;

/** Holds {@link ${cloud}EscalationStateStore} to the SDK's contract kit; fails until it is implemented. */
class ${cloud}EscalationStateStoreTest extends EscalationStateStoreContract {
  /** This test's location: new for each test (JUnit makes a new instance per test), empty at first. */
  private final String location = "escalation-state-contract-" + UUID.randomUUID();

  /** Returns a new store instance over this test's location, as a restarted escalator would open it. */
  @Override
  protected EscalationStateStore open() {
    return new ${cloud}EscalationStateStore(location);
  }
}
