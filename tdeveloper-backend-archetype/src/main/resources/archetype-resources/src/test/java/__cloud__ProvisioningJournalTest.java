package ${package};

import dev.tdeveloper.tenancy.spi.ProvisioningJournal;
import dev.tdeveloper.tenancy.testkit.ProvisioningJournalContract;

/** Holds {@link ${cloud}ProvisioningJournal} to the SDK's contract kit; fails until it is implemented. */
class ${cloud}ProvisioningJournalTest extends ProvisioningJournalContract {
  @Override
  protected ProvisioningJournal newJournal() {
    return new ${cloud}ProvisioningJournal();
  }
}
