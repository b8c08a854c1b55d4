package dev.tdeveloper.compliance.audit;

import static dev.tdeveloper.compliance.audit.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.compliance.audit.integrity.MerkleHashes;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AuditLoggerDurabilityTest {
  @Test
  void asyncCompletesReceiptsAfterAppendAndSyncsOnceOnClose() throws Exception {
    TestSink sink = new TestSink();
    AuditLogger logger = AuditLogger.builder().sink(sink).durability(Durability.ASYNC).build();
    List<AuditReceipt> receipts = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      receipts.add(logger.log(event(i)));
    }
    CompletableFuture.allOf(
            receipts.stream().map(AuditReceipt::durable).toArray(CompletableFuture[]::new))
        .get(10, TimeUnit.SECONDS);
    assertThat(sink.syncs).hasValue(0);
    assertThat(sink.size()).isEqualTo(100);
    logger.close();
    assertThat(sink.syncs).hasValue(1);
    assertThat(sink.closed).isTrue();
  }

  @Test
  void groupCommitSyncsOncePerBatchUnderSixteenThreads() throws Exception {
    TestSink sink = new TestSink();
    sink.syncGate = new CountDownLatch(1); // hold the first batch's sync
    int threads = 16;
    int perThread = 100;
    AuditLogger logger = AuditLogger.builder().sink(sink).build();
    List<AuditReceipt> receipts = new CopyOnWriteArrayList<>();
    receipts.add(logger.log(event(-1)));
    sink.appendEntered.await(); // the writer took the first batch and will wait in its sync
    Concurrently.run(
        threads,
        t -> {
          for (int i = 0; i < perThread; i++) {
            receipts.add(logger.log(event(t * perThread + i)));
          }
        });
    assertThat(logger.size()).isEqualTo(threads * perThread + 1);
    sink.syncGate.countDown();
    for (AuditReceipt r : receipts) {
      r.durable().get(10, TimeUnit.SECONDS);
    }
    // While the first batch waited in its sync, all 1600 events queued: they share one sync.
    assertThat(sink.syncs).hasValue(2);
    assertThat(sink.appendSizes).hasSize(2);
    logger.close();
    assertThat(sink.syncs).hasValue(2); // nothing left unsynced
  }

  @Test
  void syncModeSyncsEveryRecordBeforeTheNext() throws Exception {
    TestSink sink = new TestSink();
    sink.appendGate = new CountDownLatch(1);
    AuditLogger logger = AuditLogger.builder().sink(sink).durability(Durability.SYNC).build();
    List<AuditReceipt> receipts = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      receipts.add(logger.log(event(i)));
    }
    sink.appendGate.countDown();
    for (AuditReceipt r : receipts) {
      r.durable().get(10, TimeUnit.SECONDS);
    }
    assertThat(sink.syncs).hasValue(50);
    assertThat(sink.appendSizes).hasSize(50).containsOnly(1);
    logger.close();
  }

  @Test
  void logAndWaitReturnsADurableReceiptWhoseLeafHashIsStored() {
    TestSink sink = new TestSink();
    try (AuditLogger logger = AuditLogger.builder().sink(sink).build()) {
      AuditReceipt r = logger.logAndWait(event(1));
      assertThat(r.isDurable()).isTrue();
      assertThat(r.sequence()).isZero();
      byte[] stored = sink.records().get(0).eventBytes();
      assertThat(r.leafHash()).isEqualTo(MerkleHashes.leaf(stored));
      assertThat(stored).isEqualTo(AuditEventCodec.encode(event(1)));
      assertThat(logger.entry(0))
          .hasValueSatisfying(e -> assertThat(e.event()).isEqualTo(event(1)));
      assertThat(logger.entry(1)).isEmpty();
      assertThatThrownBy(() -> logger.entry(-1))
          .hasMessageContaining("sequence must be >= 0, got -1");
    }
  }

  @Test
  void callersCannotCompleteTheReceiptsFuture() throws Exception {
    TestSink sink = new TestSink();
    sink.syncGate = new CountDownLatch(1);
    try (AuditLogger logger = AuditLogger.builder().sink(sink).build()) {
      AuditReceipt r = logger.log(event(1));
      assertThat(r.durable().complete(null)).isTrue(); // only the caller's copy
      r.durable().cancel(true);
      assertThat(r.isDurable()).isFalse();
      assertThat(r.durable()).isNotDone();
      sink.syncGate.countDown();
      r.durable().get(10, TimeUnit.SECONDS);
      assertThat(r.isDurable()).isTrue();
    }
  }

  @Test
  void leafObserverSeesEveryEntryInOrderBeforeItsReceiptCompletes() {
    List<Long> seen = new CopyOnWriteArrayList<>();
    List<byte[]> leaves = new CopyOnWriteArrayList<>();
    try (AuditLogger logger =
        AuditLogger.builder()
            .leafObserver(
                (seq, leaf) -> {
                  seen.add(seq);
                  leaves.add(leaf);
                })
            .build()) {
      List<AuditReceipt> receipts = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        receipts.add(logger.log(event(i)));
      }
      AuditReceipt last = logger.logAndWait(event(20));
      receipts.add(last);
      assertThat(seen).hasSize(21).isSorted();
      for (AuditReceipt r : receipts) {
        assertThat(leaves.get((int) r.sequence())).isEqualTo(r.leafHash());
      }
    }
  }

  @Test
  void closeStoresEverythingAcceptedIsIdempotentAndRefusesLaterEvents() {
    TestSink sink = new TestSink();
    List<AuditLogEvent> events = new CopyOnWriteArrayList<>();
    AuditLogger logger = AuditLogger.builder().sink(sink).listener(events::add).build();
    for (int i = 0; i < 500; i++) {
      logger.log(event(i));
    }
    logger.close();
    logger.close();
    assertThat(sink.size()).isEqualTo(500);
    assertThat(events).singleElement().isInstanceOf(AuditLogEvent.Closed.class);
    assertThat(((AuditLogEvent.Closed) events.get(0)).size()).isEqualTo(500);
    assertThatThrownBy(() -> logger.log(event(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the audit logger is closed");
  }

  @Test
  void writerIsADaemonThreadNamedAuditWriter() {
    try (AuditLogger logger = AuditLogger.inMemory()) {
      logger.logAndWait(event(1));
      assertThat(Thread.getAllStackTraces().keySet())
          .anyMatch(t -> t.getName().equals("audit-writer") && t.isDaemon());
    }
  }
}
