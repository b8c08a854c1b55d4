package dev.tdeveloper.dr.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.ChangeJournal;
import dev.tdeveloper.dr.spi.ChangeRecord;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ChangeJournal} must have. A backend proves itself by extending this
 * class and returning a new, empty journal from {@link #newJournal()}; it is closed after each
 * test. A durable backend also overrides {@link #reopen} so that the kit checks that what was
 * appended, truncated and numbered survives a restart.
 */
public abstract class ChangeJournalContract {
  /** A fixed time for test records. */
  protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** Tenant {@code acme}'s scope. */
  protected static final BackupScope ACME = BackupScope.of(TenantId.of("acme"));

  /** Tenant {@code globex}'s scope. */
  protected static final BackupScope GLOBEX = BackupScope.of(TenantId.of("globex"));

  /** The journal under test, new and empty for each test. */
  protected ChangeJournal journal;

  /** Returns a new, empty journal. */
  protected abstract ChangeJournal newJournal();

  /**
   * Closes {@code journal} and returns it reopened on the same storage; a journal that keeps
   * nothing across restarts returns {@code journal} itself (the default), and the restart checks
   * then check the open journal.
   */
  protected ChangeJournal reopen(ChangeJournal journal) {
    return journal;
  }

  @BeforeEach
  void setUpJournal() {
    journal = newJournal();
  }

  @AfterEach
  void closeJournal() {
    journal.close();
  }

  /** Appends a write of {@code text} to {@code path} at {@code T0 + second}. */
  protected ChangeRecord write(BackupScope scope, int second, String path, String text) {
    return journal.append(
        scope,
        T0.plusSeconds(second),
        "notes",
        path,
        Optional.of(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Returns every record of the scope from {@code from}. */
  protected List<ChangeRecord> all(BackupScope scope, long from) {
    List<ChangeRecord> records = new ArrayList<>();
    journal.read(scope, from, records::add);
    return records;
  }

  private static List<Long> sequences(List<ChangeRecord> records) {
    return records.stream().map(ChangeRecord::sequence).toList();
  }

  private static String text(ChangeRecord record) {
    return new String(record.content().orElseThrow(), StandardCharsets.UTF_8);
  }

  @Test
  void numbersEachScopesRecordsFromZeroWithoutGaps() {
    assertThat(journal.nextSequence(ACME)).isZero();
    assertThat(write(ACME, 1, "a.txt", "one").sequence()).isZero();
    assertThat(write(ACME, 2, "b.txt", "two").sequence()).isEqualTo(1);
    assertThat(write(GLOBEX, 0, "a.txt", "other").sequence()).isZero();
    assertThat(write(ACME, 3, "a.txt", "three").sequence()).isEqualTo(2);

    assertThat(journal.nextSequence(ACME)).isEqualTo(3);
    assertThat(journal.nextSequence(GLOBEX)).isEqualTo(1);
    assertThat(sequences(all(ACME, 0))).containsExactly(0L, 1L, 2L);
  }

  @Test
  void keepsEveryFieldOfAWriteAndADeletion() {
    byte[] binary = {0, 1, (byte) 0xff, 10, 13, 0};
    Instant precise = T0.plusNanos(123_456_789);
    journal.append(ACME, precise, "notes.v2", "dir/ünï cödé 日本.bin", Optional.of(binary));
    journal.append(ACME, precise, "notes.v2", "dir/empty", Optional.of(new byte[0]));
    journal.append(ACME, precise.plusSeconds(1), "notes.v2", "dir/gone", Optional.empty());
    journal = reopen(journal);

    List<ChangeRecord> records = all(ACME, 0);
    assertThat(records).hasSize(3);
    assertThat(records.get(0).time()).isEqualTo(precise);
    assertThat(records.get(0).source()).isEqualTo("notes.v2");
    assertThat(records.get(0).path()).isEqualTo("dir/ünï cödé 日本.bin");
    assertThat(records.get(0).content()).hasValueSatisfying(c -> assertThat(c).isEqualTo(binary));
    assertThat(records.get(1).content()).hasValueSatisfying(c -> assertThat(c).isEmpty());
    assertThat(records.get(2).content()).as("a deletion").isEmpty();
    assertThat(records.get(2).path()).isEqualTo("dir/gone");
  }

  @Test
  void keepsWhatWasAppendedWhenTheCallerChangesItsArrayAfterwards() {
    byte[] content = "original".getBytes(StandardCharsets.UTF_8);
    journal.append(ACME, T0, "notes", "a.txt", Optional.of(content));
    content[0] = 'X';

    assertThat(text(all(ACME, 0).get(0))).isEqualTo("original");
  }

  @Test
  void readsFromTheGivenSequenceOnInOrder() {
    for (int i = 0; i < 10; i++) {
      write(ACME, i, "f" + i, "v" + i);
    }
    assertThat(sequences(all(ACME, 7))).containsExactly(7L, 8L, 9L);
    assertThat(all(ACME, 10)).isEmpty();
    assertThat(all(ACME, 1000)).isEmpty();
    assertThat(all(GLOBEX, 0)).isEmpty();
  }

  @Test
  void acceptsEqualTimesButRefusesATimeGoingBackwardsAndChangesNothing() {
    write(ACME, 5, "a.txt", "one");
    write(ACME, 5, "a.txt", "same time");

    assertThatThrownBy(() -> write(ACME, 4, "a.txt", "earlier"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(T0.plusSeconds(4).toString())
        .hasMessageContaining(T0.plusSeconds(5).toString());
    assertThat(journal.nextSequence(ACME)).isEqualTo(2);
    assertThat(all(ACME, 0))
        .extracting(ChangeJournalContract::text)
        .containsExactly("one", "same time");
  }

  @Test
  void refusesBadArgumentsAndChangesNothing() {
    write(ACME, 1, "a.txt", "kept");
    Optional<byte[]> some = Optional.of(new byte[] {1});
    assertThatThrownBy(() -> journal.append(ACME, T0.plusSeconds(2), "notes", "../x", some))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("../x");
    assertThatThrownBy(() -> journal.append(ACME, T0.plusSeconds(2), "notes", "/abs", some))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> journal.append(null, T0, "notes", "a", some))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> journal.append(ACME, null, "notes", "a", some))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> journal.append(ACME, T0.plusSeconds(2), "notes", "a", null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> journal.read(ACME, -1, r -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> journal.truncateBefore(ACME, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> journal.truncateBefore(ACME, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("next sequence 1");

    assertThat(journal.nextSequence(ACME)).isEqualTo(1);
    assertThat(all(ACME, 0)).extracting(ChangeJournalContract::text).containsExactly("kept");
  }

  @Test
  void truncationDropsEarlierRecordsAndKeepsLaterSequenceNumbers() {
    for (int i = 0; i < 6; i++) {
      write(ACME, i, "f" + i, "v" + i);
    }
    journal.truncateBefore(ACME, 4);
    journal = reopen(journal);

    assertThat(sequences(all(ACME, 0))).containsExactly(4L, 5L);
    assertThat(sequences(all(ACME, 5))).containsExactly(5L);
    assertThat(write(ACME, 9, "g", "next").sequence()).isEqualTo(6);
    journal.truncateBefore(ACME, 2);
    assertThat(sequences(all(ACME, 0)))
        .as("truncating backwards does nothing")
        .containsExactly(4L, 5L, 6L);
  }

  @Test
  void truncatingEverythingKeepsTheNextSequenceAndTheLastTime() {
    write(ACME, 1, "a", "one");
    write(ACME, 7, "b", "two");
    journal.truncateBefore(ACME, 2);
    journal = reopen(journal);

    assertThat(all(ACME, 0)).isEmpty();
    assertThat(journal.nextSequence(ACME)).isEqualTo(2);
    assertThatThrownBy(() -> write(ACME, 6, "c", "earlier than the dropped record"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(write(ACME, 7, "c", "three").sequence()).isEqualTo(2);
    assertThat(sequences(all(ACME, 0))).containsExactly(2L);
  }

  @Test
  void neverShowsOrTouchesOneTenantsRecordsFromAnother() {
    write(ACME, 100, "secret.txt", "acme-only");
    write(ACME, 101, "secret.txt", "acme-again");
    write(GLOBEX, 1, "mine.txt", "globex");
    journal.truncateBefore(GLOBEX, 1);
    assertThat(write(GLOBEX, 2, "later.txt", "an earlier time than acme's").sequence())
        .isEqualTo(1);
    journal = reopen(journal);

    assertThat(all(ACME, 0))
        .extracting(ChangeJournalContract::text)
        .containsExactly("acme-only", "acme-again");
    assertThat(all(GLOBEX, 0))
        .extracting(ChangeJournalContract::text)
        .containsExactly("an earlier time than acme's");
    assertThat(all(BackupScope.platform(), 0)).isEmpty();
    assertThat(journal.nextSequence(BackupScope.platform())).isZero();
    assertThatThrownBy(() -> journal.truncateBefore(GLOBEX, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(journal.nextSequence(ACME)).isEqualTo(2);
  }

  @Test
  void numbersConcurrentAppendsContiguously() throws Exception {
    int threads = 8;
    int each = 50;
    Concurrently.run(
        threads,
        thread -> {
          for (int i = 0; i < each; i++) {
            write(ACME, 0, "t" + thread + "/" + i, thread + ":" + i);
          }
        });
    List<ChangeRecord> records = all(ACME, 0);
    assertThat(sequences(records))
        .containsExactlyElementsOf(
            java.util.stream.LongStream.range(0, threads * each).boxed().toList());
    assertThat(records)
        .extracting(ChangeJournalContract::text)
        .doesNotHaveDuplicates()
        .hasSize(threads * each);
  }

  @Test
  void readsASnapshotSoThatItsConsumerMayAppend() {
    write(ACME, 1, "a", "one");
    write(ACME, 2, "b", "two");
    List<Long> seen = new ArrayList<>();
    journal.read(
        ACME,
        0,
        r -> {
          seen.add(r.sequence());
          write(ACME, 3, "c", "appended while reading " + r.sequence());
        });
    assertThat(seen).containsExactly(0L, 1L);
    assertThat(journal.nextSequence(ACME)).isEqualTo(4);
  }

  @Test
  void refusesUseAfterCloseAndClosesTwiceQuietly() {
    journal.close();
    journal.close();
    assertThatThrownBy(() -> write(ACME, 1, "a", "late")).isInstanceOf(IllegalStateException.class);
    journal = newJournal();
  }
}
