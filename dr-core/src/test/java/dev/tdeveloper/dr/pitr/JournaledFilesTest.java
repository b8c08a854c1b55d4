package dev.tdeveloper.dr.pitr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.ChangeRecord;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour of {@link JournaledFiles}: journal first, then the file. */
class JournaledFilesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final BackupScope ACME = BackupScope.of(TenantId.of("acme"));
  private static final BackupScope GLOBEX = BackupScope.of(TenantId.of("globex"));

  @TempDir Path temp;
  private final InMemoryChangeJournal journal = new InMemoryChangeJournal();
  private final ManualClock clock = new ManualClock(T0);

  private JournaledFiles files(BackupScope scope) {
    return JournaledFiles.builder()
        .root(temp.resolve(scope.key()))
        .journal(journal)
        .scope(scope)
        .source("notes")
        .clock(clock)
        .build();
  }

  private List<ChangeRecord> records(BackupScope scope) {
    List<ChangeRecord> records = new ArrayList<>();
    journal.read(scope, 0, records::add);
    return records;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void journalsEachWriteAndDeletionAndChangesTheFile() {
    JournaledFiles files = files(ACME);
    files.write("notes/a.txt", bytes("one"));
    clock.advance(Duration.ofSeconds(1));
    ChangeRecord deletion = files.delete("notes/a.txt");

    assertThat(files.read("notes/a.txt")).isEmpty();
    assertThat(files.root().resolve("notes")).as("emptied directory removed").doesNotExist();
    assertThat(deletion.sequence()).isEqualTo(1);
    assertThat(deletion.time()).isEqualTo(T0.plusSeconds(1));
    assertThat(records(ACME))
        .extracting(ChangeRecord::path, r -> r.content().map(String::new).orElse("<deleted>"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("notes/a.txt", "one"),
            org.assertj.core.groups.Tuple.tuple("notes/a.txt", "<deleted>"));
  }

  @Test
  void leavesTheFileUntouchedWhenTheJournalRefuses() {
    JournaledFiles files = files(ACME);
    files.write("a.txt", bytes("kept"));
    assertThatThrownBy(() -> files.write("../escape.txt", bytes("x")))
        .isInstanceOf(IllegalArgumentException.class);
    journal.close();

    assertThatThrownBy(() -> files.write("a.txt", bytes("lost")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> files.delete("a.txt")).isInstanceOf(IllegalStateException.class);
    assertThat(files.read("a.txt")).hasValueSatisfying(c -> assertThat(c).isEqualTo(bytes("kept")));
    assertThat(temp.resolve("escape.txt")).doesNotExist();
  }

  @Test
  void repeatsTheLastTimeWhenTheClockStepsBack() {
    java.util.concurrent.atomic.AtomicReference<Instant> now =
        new java.util.concurrent.atomic.AtomicReference<>(T0.plusSeconds(10));
    JournaledFiles files =
        JournaledFiles.builder()
            .root(temp)
            .journal(journal)
            .scope(ACME)
            .source("notes")
            .clock(now::get)
            .build();
    files.write("a", bytes("1"));
    now.set(T0);
    assertThat(files.write("a", bytes("2")).time()).isEqualTo(T0.plusSeconds(10));
  }

  @Test
  void refusesToDeleteADirectoryAndChangesNothing() {
    JournaledFiles files = files(ACME);
    files.write("dir/a", bytes("1"));
    assertThatThrownBy(() -> files.delete("dir"))
        .isInstanceOf(DrException.class)
        .hasMessageContaining("is a directory");
    assertThat(records(ACME)).hasSize(1);
  }

  @Test
  void keepsEachTenantsChangesInItsOwnScopeAndDirectory() {
    files(ACME).write("same.txt", bytes("acme"));
    files(GLOBEX).write("same.txt", bytes("globex"));

    assertThat(records(ACME)).singleElement().satisfies(r -> assertThat(r.sequence()).isZero());
    assertThat(records(GLOBEX)).singleElement().satisfies(r -> assertThat(r.sequence()).isZero());
    assertThat(files(ACME).read("same.txt"))
        .hasValueSatisfying(c -> assertThat(c).isEqualTo(bytes("acme")));
    assertThat(files(GLOBEX).read("same.txt"))
        .hasValueSatisfying(c -> assertThat(c).isEqualTo(bytes("globex")));
  }

  @Test
  void refusesAnIncompleteOrRepeatedSetting() {
    assertThatThrownBy(() -> JournaledFiles.builder().root(temp).journal(journal).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs scope");
    assertThatThrownBy(() -> JournaledFiles.builder().root(temp).root(temp))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("root is set already");
    assertThatThrownBy(() -> JournaledFiles.builder().source("Bad Name"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("source 'Bad Name'");
  }
}
