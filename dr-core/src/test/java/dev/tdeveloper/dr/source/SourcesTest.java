package dev.tdeveloper.dr.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupSource;
import dev.tdeveloper.dr.spi.SourceEntry;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.migration.InMemoryTenantDataStore;
import dev.tdeveloper.tenancy.spi.DataRecord;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesTest {
  static final BackupScope PLATFORM = BackupScope.platform();
  final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
  @TempDir Path temp;

  static Map<String, byte[]> readAll(BackupSource source) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    source.read((SourceEntry entry, InputStream in) -> files.put(entry.path(), in.readAllBytes()));
    return files;
  }

  @Test
  void aDirectoryIsHandedOverSortedByPath() throws IOException {
    Files.createDirectories(temp.resolve("b/c"));
    Files.writeString(temp.resolve("b/c/z.txt"), "z");
    Files.writeString(temp.resolve("a.txt"), "a");
    Files.writeString(temp.resolve("b/a.txt"), "ba");
    Files.write(temp.resolve("empty"), new byte[0]);
    Map<String, byte[]> files = readAll(DirectorySource.of("files", PLATFORM, temp));
    assertThat(files.keySet()).containsExactly("a.txt", "b/a.txt", "b/c/z.txt", "empty");
    assertThat(new String(files.get("b/a.txt"), StandardCharsets.UTF_8)).isEqualTo("ba");
  }

  @Test
  void aSymbolicLinkIsRefusedByName() throws IOException {
    Files.writeString(temp.resolve("real.txt"), "x");
    Files.createSymbolicLink(temp.resolve("link.txt"), temp.resolve("real.txt"));
    assertThatThrownBy(() -> readAll(DirectorySource.of("files", PLATFORM, temp)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("link.txt")
        .hasMessageContaining("symbolic link");
  }

  @Test
  void aFileThatGrowsWhileReadFailsTheRead() throws IOException {
    Path file = temp.resolve("log.txt");
    Files.writeString(file, "first line\n");
    DirectorySource source = DirectorySource.of("files", PLATFORM, temp);
    assertThatThrownBy(
            () ->
                source.read(
                    (entry, in) -> {
                      Files.writeString(file, "appended\n", StandardOpenOption.APPEND);
                      in.readAllBytes();
                    }))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("log.txt")
        .hasMessageContaining("grew");
  }

  @Test
  void aMissingDirectoryFailsClearly() {
    assertThatThrownBy(() -> readAll(DirectorySource.of("files", PLATFORM, temp.resolve("nope"))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a directory");
    assertThatThrownBy(() -> DirectorySource.of("Bad Name", PLATFORM, temp))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Bad Name");
  }

  /** Returns platform source "dump" recording what {@code script} prints as dump.sql. */
  private CommandOutputSource shell(String script) {
    return CommandOutputSource.of(
        "dump", PLATFORM, List.of("sh", "-c", script), "dump.sql", Duration.ofSeconds(30), clock);
  }

  @Test
  void aCommandsOutputBecomesOneFile() throws IOException {
    CommandOutputSource source = shell("printf 'hello\\nworld'");
    Map<String, byte[]> files = readAll(source);
    assertThat(files).containsOnlyKeys("dump.sql");
    assertThat(new String(files.get("dump.sql"), StandardCharsets.UTF_8)).isEqualTo("hello\nworld");
  }

  @Test
  void aFailingCommandFailsWithItsStandardError() {
    CommandOutputSource source = shell("echo partial; echo 'access denied' >&2; exit 3");
    List<String> handed = new ArrayList<>();
    assertThatThrownBy(() -> source.read((entry, in) -> handed.add(entry.path())))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("status 3")
        .hasMessageContaining("access denied");
    assertThat(handed).isEmpty();
  }

  @Test
  void aCommandThatRunsTooLongIsStopped() {
    CommandOutputSource source =
        CommandOutputSource.of(
            "dump", PLATFORM, List.of("sleep", "30"), "dump.sql", Duration.ofMillis(200), clock);
    assertThatThrownBy(() -> readAll(source))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("ran longer than");
    assertThatThrownBy(
            () ->
                CommandOutputSource.of(
                    "dump", PLATFORM, List.of(), "dump.sql", Duration.ofSeconds(1), clock))
        .hasMessageContaining("command");
    assertThatThrownBy(
            () ->
                CommandOutputSource.of(
                    "dump", PLATFORM, List.of("true"), "../x", Duration.ofSeconds(1), clock))
        .hasMessageContaining("'..'");
  }

  @Test
  void tenantRecordsRoundTripThroughTheExportFile() throws IOException {
    TenantId acme = TenantId.of("acme");
    TenantId globex = TenantId.of("globex");
    InMemoryTenantDataStore store = new InMemoryTenantDataStore("notes");
    List<DataRecord> records = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      records.add(new DataRecord("note-" + i, ("body " + i).getBytes(StandardCharsets.UTF_8)));
    }
    records.add(new DataRecord("empty", new byte[0]));
    store.importBatch(acme, records.subList(0, 1000));
    store.importBatch(acme, records.subList(1000, records.size()));
    store.importBatch(globex, List.of(new DataRecord("secret", new byte[] {1})));

    TenantRecordsSource source = TenantRecordsSource.of("notes", store, acme, clock);
    assertThat(source.scope()).isEqualTo(BackupScope.of(acme));
    Map<String, byte[]> files = readAll(source);
    assertThat(files).containsOnlyKeys(TenantRecordsSource.FILE_NAME);
    Path file = temp.resolve("records.bin");
    Files.write(file, files.get(TenantRecordsSource.FILE_NAME));

    InMemoryTenantDataStore restored = new InMemoryTenantDataStore("restored");
    assertThat(TenantRecordsSource.importRecords(file, restored, acme)).isEqualTo(records.size());
    assertThat(restored.checksum(acme)).isEqualTo(store.checksum(acme));
    assertThat(restored.export(globex, Optional.empty(), 10)).isEmpty();
  }
}
