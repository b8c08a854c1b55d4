package dev.tdeveloper.dr.pitr;

import dev.tdeveloper.dr.spi.ChangeJournal;
import dev.tdeveloper.dr.testkit.ChangeJournalContract;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the {@link ChangeJournalContract} against {@link FileChangeJournal}, with the smallest
 * segments so that the kit's records span several of them, reopening it for the restart checks.
 */
class FileChangeJournalContractTest extends ChangeJournalContract {
  @TempDir Path temp;
  private final Map<ChangeJournal, Path> roots = new HashMap<>();

  @Override
  protected ChangeJournal newJournal() {
    return open(temp.resolve(UUID.randomUUID().toString()));
  }

  @Override
  protected ChangeJournal reopen(ChangeJournal journal) {
    journal.close();
    return open(roots.get(journal));
  }

  private ChangeJournal open(Path root) {
    ChangeJournal journal =
        FileChangeJournal.builder(root).segmentBytes(FileChangeJournal.MIN_SEGMENT_BYTES).open();
    roots.put(journal, root);
    return journal;
  }
}
