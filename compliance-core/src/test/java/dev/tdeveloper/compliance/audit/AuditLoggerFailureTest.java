package dev.tdeveloper.compliance.audit;

import static dev.tdeveloper.compliance.audit.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.compliance.ComplianceException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AuditLoggerFailureTest {
  @Test
  void fullQueueRefusesAfterTheOfferTimeoutWithoutChangingState() throws Exception {
    TestSink sink = new TestSink();
    sink.appendGate = new CountDownLatch(1);
    List<AuditLogEvent> events = new CopyOnWriteArrayList<>();
    AuditLogger logger =
        AuditLogger.builder()
            .sink(sink)
            .queueCapacity(2)
            .offerTimeout(Duration.ofMillis(20))
            .listener(events::add)
            .build();
    logger.log(event(0));
    sink.appendEntered.await(); // the writer holds entry 0 in append
    logger.log(event(1));
    logger.log(event(2));
    assertThatThrownBy(() -> logger.log(event(3)))
        .isInstanceOf(AuditBackpressureException.class)
        .hasMessageContaining("the audit queue stayed full (2 entries) for PT0.02S")
        .satisfies(e -> assertThat(((AuditBackpressureException) e).queueCapacity()).isEqualTo(2));
    assertThat(logger.size()).isEqualTo(3);
    assertThat(events).singleElement().isInstanceOf(AuditLogEvent.Backpressured.class);
    sink.appendGate.countDown();
    AuditReceipt next = logger.logAndWait(event(3));
    assertThat(next.sequence()).isEqualTo(3);
    logger.close();
    assertThat(sink.size()).isEqualTo(4);
  }

  @Test
  void sinkFailureFailsTheBatchAndEveryLaterEntryAndTheLoggerFailsClosed() throws Exception {
    TestSink sink = new TestSink();
    List<AuditLogEvent> events = new CopyOnWriteArrayList<>();
    AuditLogger logger = AuditLogger.builder().sink(sink).listener(events::add).build();
    for (int i = 0; i < 3; i++) {
      logger.logAndWait(event(i));
    }
    sink.failAppendFrom = 3;
    sink.appendGate = new CountDownLatch(1);
    AuditReceipt failing = logger.log(event(3));
    AuditReceipt queued1 = logger.log(event(4));
    AuditReceipt queued2 = logger.log(event(5));
    sink.appendGate.countDown();
    for (AuditReceipt r : List.of(failing, queued1, queued2)) {
      assertThatThrownBy(() -> r.durable().get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(AuditWriteException.class)
          .hasMessageContaining("storing audit entry 3 failed")
          .hasRootCauseMessage("disk full");
      assertThat(r.isDurable()).isFalse();
    }
    assertThatThrownBy(() -> logger.log(event(6)))
        .isInstanceOf(AuditWriteException.class)
        .hasMessageContaining("refuses new events since a write failed");
    assertThatThrownBy(() -> logger.logAndWait(event(6))).isInstanceOf(AuditWriteException.class);
    assertThat(logger.size()).isEqualTo(6);
    assertThat(sink.size()).isEqualTo(3); // the stored ones, and only those, succeeded
    assertThat(events)
        .first()
        .isInstanceOfSatisfying(
            AuditLogEvent.WriteFailed.class,
            f -> {
              assertThat(f.firstSequence()).isEqualTo(3);
              assertThat(f.error()).contains("disk full");
            });
    logger.close();
  }

  @Test
  void failedSyncInGroupCommitFailsTheReceipts() {
    TestSink sink = new TestSink();
    sink.failSync = true;
    try (AuditLogger logger = AuditLogger.builder().sink(sink).build()) {
      assertThatThrownBy(() -> logger.logAndWait(event(0)))
          .isInstanceOf(AuditWriteException.class)
          .hasMessageContaining("audit entry 0 was not stored")
          .hasRootCauseMessage("fsync failed");
    }
  }

  @Test
  void failingLeafObserverFailsClosed() {
    try (AuditLogger logger =
        AuditLogger.builder()
            .leafObserver(
                (seq, leaf) -> {
                  if (seq == 1) {
                    throw new IllegalStateException("tree broken");
                  }
                })
            .build()) {
      logger.logAndWait(event(0));
      assertThatThrownBy(() -> logger.logAndWait(event(1))).hasRootCauseMessage("tree broken");
      assertThatThrownBy(() -> logger.log(event(2))).isInstanceOf(AuditWriteException.class);
    }
  }

  @Test
  void interruptedLogAndWaitKeepsTheFlagAndTheEntry() {
    TestSink sink = new TestSink();
    sink.syncGate = new CountDownLatch(1);
    try (AuditLogger logger = AuditLogger.builder().sink(sink).build()) {
      Thread.currentThread().interrupt();
      assertThatThrownBy(() -> logger.logAndWait(event(0)))
          .isExactlyInstanceOf(ComplianceException.class)
          .hasMessageContaining("interrupted while waiting for audit entry 0")
          .hasCauseInstanceOf(InterruptedException.class);
      assertThat(Thread.interrupted()).isTrue();
      sink.syncGate.countDown();
    }
    assertThat(sink.size()).isEqualTo(1);
  }

  @Test
  void submitWaitsForRoomAndIsRefusedLikeLog() throws Exception {
    TestSink sink = new TestSink();
    sink.appendGate = new CountDownLatch(1);
    AuditLogger logger =
        AuditLogger.builder()
            .sink(sink)
            .queueCapacity(1)
            .offerTimeout(Duration.ofMillis(20))
            .build();
    assertThat(logger.submit(event(0))).isZero();
    sink.appendEntered.await(); // the writer holds entry 0 in append
    assertThat(logger.submit(event(1))).isEqualTo(1);
    assertThatThrownBy(() -> logger.submit(event(2)))
        .isInstanceOf(AuditBackpressureException.class)
        .hasMessageContaining("the audit queue stayed full (1 entries) for PT0.02S");
    assertThat(logger.size()).isEqualTo(2);
    sink.appendGate.countDown();
    logger.close();
    assertThat(sink.size()).isEqualTo(2);
    assertThatThrownBy(() -> logger.submit(event(3))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void submittedEntriesFailClosedWithTheBatch() throws Exception {
    TestSink sink = new TestSink();
    AuditLogger logger = AuditLogger.builder().sink(sink).build();
    logger.submit(event(0));
    logger.logAndWait(event(1));
    sink.failAppendFrom = 2;
    sink.appendGate = new CountDownLatch(1);
    logger.submit(event(2));
    AuditReceipt later = logger.log(event(3));
    sink.appendGate.countDown();
    assertThatThrownBy(() -> later.durable().get(10, TimeUnit.SECONDS))
        .cause()
        .hasMessageContaining("storing audit entry 2 failed");
    assertThatThrownBy(() -> logger.submit(event(4)))
        .isInstanceOf(AuditWriteException.class)
        .hasMessageContaining("refuses new events since a write failed");
    assertThat(sink.size()).isEqualTo(2);
    logger.close();
  }
}
