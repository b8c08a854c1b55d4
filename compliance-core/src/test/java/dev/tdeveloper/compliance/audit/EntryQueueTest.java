package dev.tdeveloper.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class EntryQueueTest {
  private static final byte[] EVENT = {1};
  private static final byte[] LEAF = new byte[32];

  @Test
  @Timeout(60)
  void aGroupCommitDelayGathersTheEntriesOfferedWhileTheWriterWaits() throws Exception {
    EntryQueue queue = new EntryQueue(100, 0);
    queue.offer(EVENT, LEAF, 0);
    List<PendingEntry> batch = new ArrayList<>();
    Thread writer =
        new Thread(() -> queue.take(100, batch, TimeUnit.MINUTES.toNanos(10)), "test-writer");
    writer.start();
    awaitDelaying(writer); // took the lock, saw one entry, now waits for more
    for (int i = 0; i < 5; i++) {
      queue.offer(EVENT, LEAF, 0);
    }
    LockSupport.unpark(writer); // ends the delay early instead of after ten minutes
    writer.join();
    assertThat(batch).extracting(PendingEntry::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void withoutADelayTheWriterTakesWhatIsQueuedAtOnce() throws Exception {
    EntryQueue queue = new EntryQueue(100, 7);
    queue.offer(EVENT, LEAF, 0);
    queue.offer(EVENT, LEAF, 0);
    List<PendingEntry> batch = new ArrayList<>();
    assertThat(queue.take(100, batch, 0)).isTrue();
    assertThat(batch).extracting(PendingEntry::sequence).containsExactly(7L, 8L);
  }

  @Test
  @Timeout(60)
  void aFullBatchIsTakenWithoutDelay() throws Exception {
    EntryQueue queue = new EntryQueue(100, 0);
    for (int i = 0; i < 4; i++) {
      queue.offer(EVENT, LEAF, 0);
    }
    List<PendingEntry> batch = new ArrayList<>();
    // max 3 are queued already: a ten-minute delay must not apply (the test would time out)
    assertThat(queue.take(3, batch, TimeUnit.MINUTES.toNanos(10))).isTrue();
    assertThat(batch).hasSize(3);
  }

  private static void awaitDelaying(Thread writer) throws InterruptedException {
    while (writer.getState() != Thread.State.TIMED_WAITING) {
      assertThat(writer.isAlive()).as("the writer returned without waiting").isTrue();
      Thread.sleep(1);
    }
  }
}
