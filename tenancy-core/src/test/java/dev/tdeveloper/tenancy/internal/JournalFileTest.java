package dev.tdeveloper.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unforced appends read back exactly as forced ones; forcing a closed journal is refused. */
class JournalFileTest {
  private static final RecordFormat FORMAT =
      RecordFormat.crc32c("TESTJRNL".getBytes(StandardCharsets.US_ASCII), 1024);

  @TempDir Path dir;

  private List<String> open(Path file, List<JournalFile> opened) {
    List<String> seen = new ArrayList<>();
    opened.add(
        JournalFile.open(
            file,
            FORMAT,
            "test journal",
            (offset, payload) -> seen.add(new String(payload, StandardCharsets.UTF_8)),
            IllegalStateException::new));
    return seen;
  }

  @Test
  void unforcedAndForcedAppendsReadBackInOrder() {
    Path file = dir.resolve("j.log");
    List<JournalFile> opened = new ArrayList<>();
    open(file, opened);
    JournalFile journal = opened.get(0);
    journal.append("one".getBytes(StandardCharsets.UTF_8));
    journal.appendUnforced("two".getBytes(StandardCharsets.UTF_8));
    long size = journal.size();
    journal.appendUnforced("three".getBytes(StandardCharsets.UTF_8));
    assertThat(journal.size()).isGreaterThan(size);
    journal.force();
    journal.appendUnforced("four".getBytes(StandardCharsets.UTF_8));
    journal.close();

    assertThat(open(file, opened)).containsExactly("one", "two", "three", "four");
    opened.get(1).close();
  }

  @Test
  void aClosedJournalRefusesUnforcedAppendsAndForces() {
    List<JournalFile> opened = new ArrayList<>();
    open(dir.resolve("j.log"), opened);
    JournalFile journal = opened.get(0);
    journal.close();
    assertThatThrownBy(() -> journal.appendUnforced(new byte[] {1}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(journal::force)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }
}
