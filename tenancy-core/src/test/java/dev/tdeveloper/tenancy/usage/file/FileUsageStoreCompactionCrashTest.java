package dev.tdeveloper.tenancy.usage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.testkit.ChildJvm;
import dev.tdeveloper.tenancy.usage.UsageEvent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a child JVM at each step of a compaction of its usage store, then reopens the directory and
 * checks it replays exactly the events before the compaction (killed before the marker is durable)
 * or after it (killed after: the open finishes the deletion), and keeps working.
 */
class FileUsageStoreCompactionCrashTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        SegmentCompaction.CHOSEN,
        SegmentCompaction.MARKER_WRITTEN,
        SegmentCompaction.SEGMENT_DELETED
      })
  void aCompactionKilledAtAnyStepReopensToTheAcknowledgedEvents(String step) throws Exception {
    List<UsageEvent> before;
    List<UsageEvent> after;
    try (FileUsageStore reference = CompactingUsageStoreMain.builder(dir.resolve("ref")).open()) {
      CompactingUsageStoreMain.appendAll(reference);
      before = FileUsageStoreCompactionTest.replayed(reference);
      assertThat(reference.compact(CompactingUsageStoreMain.HORIZON)).isGreaterThan(1);
      after = FileUsageStoreCompactionTest.replayed(reference);
    }

    Path store = dir.resolve("store");
    try (ChildJvm child =
        ChildJvm.start(
            CompactingUsageStoreMain.class, dir.resolve("child.err"), store.toString(), step)) {
      child.awaitLine("AT " + step, 30);
      child.kill();
    }

    List<UsageEvent> expected = step.equals(SegmentCompaction.CHOSEN) ? before : after;
    UsageEvent more = FileUsageStoreCompactionTest.event(500, "more");
    try (FileUsageStore reopened = CompactingUsageStoreMain.builder(store).open()) {
      assertThat(FileUsageStoreCompactionTest.replayed(reopened)).isEqualTo(expected);
      reopened.append(more);
      reopened.compact(CompactingUsageStoreMain.HORIZON);
    }
    try (FileUsageStore again = CompactingUsageStoreMain.builder(store).open()) {
      List<UsageEvent> replayed = FileUsageStoreCompactionTest.replayed(again);
      assertThat(replayed).endsWith(more);
      assertThat(replayed.subList(0, replayed.size() - 1)).isEqualTo(after);
    }
  }
}
