package dev.tdeveloper.tenancy.provision;

import dev.tdeveloper.tenancy.spi.ProvisioningJournal;
import dev.tdeveloper.tenancy.testkit.ProvisioningJournalContract;

class InMemoryProvisioningJournalTest extends ProvisioningJournalContract {
  @Override
  protected ProvisioningJournal newJournal() {
    return ProvisioningJournal.inMemory();
  }
}
