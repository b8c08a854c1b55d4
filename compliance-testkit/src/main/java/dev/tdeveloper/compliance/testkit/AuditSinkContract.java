package dev.tdeveloper.compliance.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.compliance.audit.integrity.KeyedChain;
import dev.tdeveloper.compliance.audit.integrity.MerkleHashes;
import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.compliance.spi.AuditSink;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link AuditSink} passes: extend it, return a new, empty sink from {@link
 * #createSink()} and, for a persistent backend, a reopened one from {@link #reopen}. Sinks the kit
 * creates are closed after each test.
 */
public abstract class AuditSinkContract {
  private static final KeyedChain CHAIN = KeyedChain.withKey(new byte[32]);
  private final List<AuditSink> created = new ArrayList<>();

  /** Returns a new, empty, open sink. */
  protected abstract AuditSink createSink();

  /**
   * Returns a new sink on the storage of {@code closed}, which the kit closed already. Called only
   * when {@link #persistent()} is true; others may throw {@link UnsupportedOperationException}.
   */
  protected abstract AuditSink reopen(AuditSink closed);

  /** Returns whether the sink keeps its entries across {@link #reopen}; true unless overridden. */
  protected boolean persistent() {
    return true;
  }

  /** Returns a fresh sink, closed automatically after the test. */
  protected final AuditSink sink() {
    return track(createSink());
  }

  private AuditSink track(AuditSink sink) {
    created.add(sink);
    return sink;
  }

  @AfterEach
  void closeSinks() {
    created.forEach(AuditSink::close);
  }

  /** Returns the event bytes of entry {@code sequence} in the kit's logs. */
  protected static byte[] event(long sequence) {
    return ("{\"seq\":" + sequence + ",\"action\":\"" + "x".repeat((int) (sequence % 37)) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Returns {@code count} keyed records from {@code first}, chained with a fixed test key from
   * entry 0.
   */
  protected static List<AuditRecord> records(long first, int count) {
    List<AuditRecord> records = new ArrayList<>();
    byte[] chain = KeyedChain.start();
    for (long i = 0; i < first + count; i++) {
      byte[] event = event(i);
      byte[] leaf = MerkleHashes.leaf(event);
      chain = CHAIN.next(chain, i, leaf);
      if (i >= first) {
        records.add(AuditRecord.keyed(i, event, leaf, chain));
      }
    }
    return records;
  }

  /** Returns the entries {@code [from, to)} of {@code sink}. */
  protected static List<AuditRecord> read(AuditSink sink, long from, long to) {
    List<AuditRecord> out = new ArrayList<>();
    sink.read(from, to, out::add);
    return out;
  }

  @Test
  void startsEmpty() {
    AuditSink sink = sink();
    assertThat(sink.size()).isZero();
    assertThat(sink.firstRetained()).isZero();
    assertThat(sink.checkpoints()).isEmpty();
    assertThat(sink.latestCheckpoint()).isEmpty();
    assertThat(read(sink, 0, 0)).isEmpty();
  }

  @Test
  void readsBackWhatWasAppendedInOrder() {
    AuditSink sink = sink();
    List<AuditRecord> all = records(0, 40);
    sink.append(all.subList(0, 1));
    sink.append(all.subList(1, 25));
    sink.sync();
    sink.append(all.subList(25, 40));
    assertThat(sink.size()).isEqualTo(40);
    assertThat(read(sink, 0, 40)).containsExactlyElementsOf(all);
    assertThat(read(sink, 7, 31)).containsExactlyElementsOf(all.subList(7, 31));
    assertThat(read(sink, 40, 40)).isEmpty();
  }

  @Test
  void keepsUnkeyedRecordsWithoutChainValues() {
    AuditSink sink = sink();
    byte[] event = event(0);
    AuditRecord record = AuditRecord.of(0, event, MerkleHashes.leaf(event));
    sink.append(List.of(record));
    AuditRecord back = read(sink, 0, 1).get(0);
    assertThat(back).isEqualTo(record);
    assertThat(back.hasChain()).isFalse();
  }

  @Test
  void rejectsASequenceThatDoesNotFollowOnAndWritesNothing() {
    AuditSink sink = sink();
    List<AuditRecord> all = records(0, 10);
    sink.append(all.subList(0, 5));
    List<AuditRecord> gap = List.of(all.get(5), all.get(7));
    assertThatThrownBy(() -> sink.append(gap))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 6")
        .hasMessageContaining("got 7");
    assertThatThrownBy(() -> sink.append(all.subList(3, 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 5")
        .hasMessageContaining("got 3");
    assertThat(sink.size()).isEqualTo(5);
    assertThat(read(sink, 0, 5)).containsExactlyElementsOf(all.subList(0, 5));
    sink.append(List.of());
    sink.append(all.subList(5, 10));
    assertThat(read(sink, 0, 10)).containsExactlyElementsOf(all);
  }

  @Test
  void rejectsReadsOutsideTheLog() {
    AuditSink sink = sink();
    sink.append(records(0, 3));
    assertThatThrownBy(() -> sink.read(0, 4, r -> {})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sink.read(-1, 2, r -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sink.read(2, 1, r -> {})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sink.readLeafHashes(0, 4, h -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsTheLeafHashOfEveryEntry() {
    AuditSink sink = sink();
    List<AuditRecord> all = records(0, 30);
    sink.append(all);
    List<byte[]> hashes = new ArrayList<>();
    sink.readLeafHashes(4, 30, h -> hashes.add(h.clone()));
    assertThat(hashes).hasSize(26);
    for (int i = 0; i < 26; i++) {
      assertThat(hashes.get(i)).isEqualTo(all.get(i + 4).leafHash());
    }
  }

  @Test
  void returnsCheckpointsOldestFirst() {
    AuditSink sink = sink();
    sink.append(records(0, 2));
    sink.storeCheckpoint("log.example/audit\n1\nAAAA\n\n— key sig1\n");
    sink.storeCheckpoint("log.example/audit\n2\nBBBB\n\n— key sig2\n");
    assertThat(sink.checkpoints())
        .containsExactly(
            "log.example/audit\n1\nAAAA\n\n— key sig1\n",
            "log.example/audit\n2\nBBBB\n\n— key sig2\n");
    assertThat(sink.latestCheckpoint()).contains("log.example/audit\n2\nBBBB\n\n— key sig2\n");
  }

  @Test
  void readersSeeAContiguousPrefixWhileTheWriterAppends() throws Exception {
    AuditSink sink = sink();
    List<AuditRecord> all = records(0, 600);
    AtomicBoolean done = new AtomicBoolean();
    Concurrently.run(
        4,
        thread -> {
          if (thread == 0) {
            for (int i = 0; i < all.size(); i += 20) {
              sink.append(all.subList(i, i + 20));
              sink.sync();
            }
            done.set(true);
            return;
          }
          while (!done.get()) {
            long size = sink.size();
            List<AuditRecord> seen = read(sink, 0, size);
            assertThat(seen).containsExactlyElementsOf(all.subList(0, (int) size));
            List<byte[]> hashes = new ArrayList<>();
            sink.readLeafHashes(0, size, h -> hashes.add(h.clone()));
            assertThat(hashes).hasSize((int) size);
          }
        });
    assertThat(read(sink, 0, 600)).containsExactlyElementsOf(all);
  }

  @Test
  void closeIsIdempotentAndLaterCallsFail() {
    AuditSink sink = sink();
    sink.append(records(0, 1));
    sink.close();
    sink.close();
    assertThatThrownBy(() -> sink.append(records(1, 1))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(sink::sync).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> sink.read(0, 1, r -> {})).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> sink.storeCheckpoint("x")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void keepsSyncedEntriesAndCheckpointsAcrossReopening() {
    Assumptions.assumeTrue(persistent(), "the sink is not persistent");
    AuditSink sink = createSink();
    List<AuditRecord> all = records(0, 50);
    sink.append(all.subList(0, 30));
    sink.sync();
    sink.storeCheckpoint("log.example/audit\n30\nROOT\n\n— key sig\n");
    sink.close();
    AuditSink reopened = track(reopen(sink));
    assertThat(reopened.size()).isEqualTo(30);
    assertThat(read(reopened, 0, 30)).containsExactlyElementsOf(all.subList(0, 30));
    assertThat(reopened.checkpoints())
        .containsExactly("log.example/audit\n30\nROOT\n\n— key sig\n");
    assertThatThrownBy(() -> reopened.append(all.subList(31, 32)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 30");
    reopened.append(all.subList(30, 50));
    assertThat(read(reopened, 0, 50)).containsExactlyElementsOf(all);
  }
}
