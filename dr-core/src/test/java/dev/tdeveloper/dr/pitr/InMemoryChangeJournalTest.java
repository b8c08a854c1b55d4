package dev.tdeveloper.dr.pitr;

import dev.tdeveloper.dr.spi.ChangeJournal;
import dev.tdeveloper.dr.testkit.ChangeJournalContract;

/** Runs the {@link ChangeJournalContract} against {@link InMemoryChangeJournal}. */
class InMemoryChangeJournalTest extends ChangeJournalContract {
  @Override
  protected ChangeJournal newJournal() {
    return new InMemoryChangeJournal();
  }
}
