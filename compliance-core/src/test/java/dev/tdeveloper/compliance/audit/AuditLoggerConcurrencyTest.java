package dev.tdeveloper.compliance.audit;

import static dev.tdeveloper.compliance.audit.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.compliance.audit.integrity.KeyedChain;
import dev.tdeveloper.compliance.audit.integrity.MerkleHashes;
import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AuditLoggerConcurrencyTest {
  private static final KeyedChain CHAIN = KeyedChain.withKey(new byte[32]);

  @Test
  void sixteenThreadsGetContiguousSequencesMatchingLeafHashesAndAVerifiedChain() throws Exception {
    int threads = 16;
    int perThread = 250;
    TestSink sink = new TestSink();
    ConcurrentHashMap<Long, AuditReceipt> receipts = new ConcurrentHashMap<>();
    try (AuditLogger logger =
        AuditLogger.builder().sink(sink).keyedChain(CHAIN).queueCapacity(256).build()) {
      Concurrently.run(
          threads,
          t -> {
            for (int i = 0; i < perThread; i++) {
              AuditReceipt r = logger.log(event(t * perThread + i));
              assertThat(receipts.put(r.sequence(), r)).isNull();
            }
          });
      for (AuditReceipt r : receipts.values()) {
        r.durable().get(30, TimeUnit.SECONDS);
      }
    }
    int n = threads * perThread;
    assertThat(receipts.keySet()).hasSize(n).allMatch(s -> s >= 0 && s < n);
    List<AuditRecord> records = sink.records();
    assertThat(records).hasSize(n);
    byte[] chain = KeyedChain.start();
    for (AuditRecord record : records) {
      byte[] leaf = MerkleHashes.leaf(record.eventBytes());
      assertThat(record.leafHash()).isEqualTo(leaf);
      assertThat(receipts.get(record.sequence()).leafHash()).isEqualTo(leaf);
      chain = CHAIN.next(chain, record.sequence(), leaf);
      assertThat(CHAIN.matches(chain, record.chain())).isTrue();
    }
  }

  @Test
  void reopenedLoggerContinuesTheSequenceAndTheKeyedChain() {
    TestSink sink = new TestSink();
    try (AuditLogger logger = AuditLogger.builder().sink(sink).keyedChain(CHAIN).build()) {
      for (int i = 0; i < 5; i++) {
        logger.log(event(i));
      }
    }
    try (AuditLogger logger = AuditLogger.builder().sink(sink).keyedChain(CHAIN).build()) {
      assertThat(logger.size()).isEqualTo(5);
      assertThat(logger.logAndWait(event(5)).sequence()).isEqualTo(5);
    }
    byte[] chain = KeyedChain.start();
    for (AuditRecord record : sink.records()) {
      chain = CHAIN.next(chain, record.sequence(), record.leafHash());
      assertThat(Arrays.equals(chain, record.chain())).isTrue();
    }
  }
}
