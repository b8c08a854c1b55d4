package dev.tdeveloper.observability.alert.internal;

import dev.tdeveloper.observability.spi.AlertStateStore;
import dev.tdeveloper.observability.testkit.AlertStateStoreContract;

class InMemoryAlertStateStoreTest extends AlertStateStoreContract {
  private final AlertStateStore store = AlertStateStore.inMemory();

  @Override
  protected AlertStateStore open() {
    return store;
  }
}
