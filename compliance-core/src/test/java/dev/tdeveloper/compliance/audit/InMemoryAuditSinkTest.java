package dev.tdeveloper.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.compliance.audit.integrity.MerkleHashes;
import dev.tdeveloper.compliance.spi.AuditRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryAuditSinkTest {
  private static AuditRecord record(long seq) {
    byte[] event = AuditEventCodec.encode(Events.event((int) seq));
    return AuditRecord.of(seq, event, MerkleHashes.leaf(event));
  }

  @Test
  void appendsInOrderAndReadsRanges() {
    InMemoryAuditSink sink = new InMemoryAuditSink();
    sink.append(List.of(record(0), record(1)));
    sink.append(List.of(record(2)));
    List<AuditRecord> read = new ArrayList<>();
    sink.read(1, 3, read::add);
    assertThat(read).containsExactly(record(1), record(2));
    assertThat(sink.size()).isEqualTo(3);
  }

  @Test
  void refusesAGapAndAppendsNothing() {
    InMemoryAuditSink sink = new InMemoryAuditSink();
    sink.append(List.of(record(0)));
    assertThatThrownBy(() -> sink.append(List.of(record(1), record(3))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "audit record sequence does not follow on: expected 2, got 3; nothing was appended");
    assertThat(sink.size()).isEqualTo(1);
  }

  @Test
  void retentionRemovesEventsButKeepsEveryLeafHash() {
    InMemoryAuditSink sink = new InMemoryAuditSink();
    List<AuditRecord> all = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      all.add(record(i));
    }
    sink.append(all);
    sink.removeEventsBefore(2000);
    assertThat(sink.firstRetained()).isEqualTo(2000);
    assertThatThrownBy(() -> sink.read(1999, 2001, r -> {}))
        .hasMessage("range [1999, 2001) is outside [2000, 2500]");
    List<byte[]> leaves = new ArrayList<>();
    sink.readLeafHashes(0, 2500, h -> leaves.add(h.clone()));
    assertThat(leaves).hasSize(2500);
    for (int i = 0; i < 2500; i++) {
      assertThat(leaves.get(i)).isEqualTo(all.get(i).leafHash());
    }
    assertThatThrownBy(() -> sink.removeEventsBefore(2501))
        .hasMessage("retention point must be 0 to 2500 (the log's size), got 2501");
    assertThatThrownBy(() -> sink.readLeafHashes(0, 2501, h -> {}))
        .hasMessage("range [0, 2501) is outside [0, 2500]");
  }

  @Test
  void storesCheckpointsInOrder() {
    InMemoryAuditSink sink = new InMemoryAuditSink();
    assertThat(sink.latestCheckpoint()).isEmpty();
    sink.storeCheckpoint("a\n1\nroot\n\n— sig\n");
    sink.storeCheckpoint("b");
    assertThat(sink.checkpoints()).containsExactly("a\n1\nroot\n\n— sig\n", "b");
    assertThat(sink.latestCheckpoint()).contains("b");
    assertThatThrownBy(() -> sink.storeCheckpoint(" ")).hasMessageContaining("must not be blank");
  }

  @Test
  void closedSinkRefusesEveryCall() {
    InMemoryAuditSink sink = new InMemoryAuditSink();
    sink.close();
    sink.close();
    assertThatThrownBy(sink::size)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the in-memory audit sink is closed");
    assertThatThrownBy(() -> sink.append(List.of(record(0))))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(sink::sync).isInstanceOf(IllegalStateException.class);
  }
}
