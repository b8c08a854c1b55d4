package dev.tdeveloper.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EntryQueueTest {
  private static final PendingEntry.Content CONTENT =
      new PendingEntry.Encoded(new byte[] {1}, new byte[32]);

  @Test
  void aGroupCommitDelayGathersTheEntriesOfferedWhileTheWriterWaits() throws Exception {
    List<Long> pauses = new ArrayList<>();
    EntryQueue[] holder = new EntryQueue[1];
    EntryQueue queue =
        new EntryQueue(
            100,
            0,
            nanos -> { // the writer waits outside the lock: callers offer meanwhile
              pauses.add(nanos);
              for (int i = 0; i < 5; i++) {
                offer(holder[0]);
              }
            });
    holder[0] = queue;
    queue.offer(CONTENT, 0);
    List<PendingEntry> batch = new ArrayList<>();
    assertThat(queue.take(100, batch, TimeUnit.MINUTES.toNanos(10))).isTrue();
    assertThat(pauses).containsExactly(TimeUnit.MINUTES.toNanos(10));
    assertThat(batch).extracting(PendingEntry::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void withoutADelayTheWriterTakesWhatIsQueuedAtOnce() throws Exception {
    EntryQueue queue = new EntryQueue(100, 7);
    queue.offer(CONTENT, 0);
    queue.offer(CONTENT, 0);
    List<PendingEntry> batch = new ArrayList<>();
    assertThat(queue.take(100, batch, 0)).isTrue();
    assertThat(batch).extracting(PendingEntry::sequence).containsExactly(7L, 8L);
  }

  @Test
  void aFullBatchIsTakenWithoutDelay() throws Exception {
    EntryQueue queue =
        new EntryQueue(
            100,
            0,
            nanos -> {
              throw new AssertionError("paused " + nanos + " ns with a full batch queued");
            });
    for (int i = 0; i < 4; i++) {
      queue.offer(CONTENT, 0);
    }
    List<PendingEntry> batch = new ArrayList<>();
    // max 3 are queued already: the ten-minute delay must not apply
    assertThat(queue.take(3, batch, TimeUnit.MINUTES.toNanos(10))).isTrue();
    assertThat(batch).hasSize(3);
  }

  private static void offer(EntryQueue queue) {
    try {
      queue.offer(CONTENT, 0);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
