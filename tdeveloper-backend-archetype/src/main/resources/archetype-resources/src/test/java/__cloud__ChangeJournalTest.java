package ${package};

import dev.tdeveloper.dr.spi.ChangeJournal;
import dev.tdeveloper.dr.testkit.ChangeJournalContract;

/** Holds {@link ${cloud}ChangeJournal} to the SDK's contract kit; fails until it is implemented. */
class ${cloud}ChangeJournalTest extends ChangeJournalContract {
  /** Returns a journal on a new, empty table or key prefix (the kit reuses its tenants' names). */
  @Override
  protected ChangeJournal newJournal() {
    return new ${cloud}ChangeJournal();
  }

  /**
   * Closes {@code journal} and returns a new one on its table or prefix: what was appended,
   * truncated and numbered must be there.
   */
  @Override
  protected ChangeJournal reopen(ChangeJournal journal) {
    journal.close();
    return new ${cloud}ChangeJournal();
  }
}
