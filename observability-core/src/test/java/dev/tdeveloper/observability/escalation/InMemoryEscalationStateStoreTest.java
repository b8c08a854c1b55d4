package dev.tdeveloper.observability.escalation;

import dev.tdeveloper.observability.spi.EscalationStateStore;
import dev.tdeveloper.observability.testkit.EscalationStateStoreContract;

class InMemoryEscalationStateStoreTest extends EscalationStateStoreContract {
  @Override
  protected EscalationStateStore open() {
    return new InMemoryEscalationStateStore();
  }

  @Override
  protected boolean durable() {
    return false;
  }
}
