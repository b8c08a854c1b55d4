package dev.tdeveloper.benchmarks.notes;

import dev.tdeveloper.demo.NoteChangeJournal;
import dev.tdeveloper.demo.notes.Note;
import dev.tdeveloper.demo.notes.NoteStore;
import dev.tdeveloper.dr.pitr.FileChangeJournal;
import dev.tdeveloper.security.crypto.EnvelopeEncryptor;
import dev.tdeveloper.security.crypto.local.LocalKeyManager;
import dev.tdeveloper.security.crypto.local.MasterKey;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code NoteStore.create} of a 200-character note as the demo wires it: the note's record forced
 * to a {@link FileChangeJournal} (the PITR change journal, the notes' write-ahead log), then
 * appended unforced to the tenant's notes journal, which checkpoints (two forces) every MiB. Sample
 * time, so the percentiles show the writes that cross a checkpoint. The log is the demo's own
 * {@link NoteChangeJournal}. Writes go to a temporary directory on the working directory's file
 * system (not tmpfs), each force a real {@code fsync}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NoteWriteBenchmark {
  private static final TenantId TENANT = TenantId.of("bench");
  private static final String TEXT =
      "a note of two hundred characters ".repeat(7).substring(0, 200);

  private Path temp;
  private LocalKeyManager keys;
  private NoteChangeJournal journal;
  private NoteStore store;

  /** Opens a fresh store over a fresh change journal. */
  @Setup(Level.Trial)
  public void open() throws IOException {
    temp = Files.createTempDirectory(Path.of("").toAbsolutePath(), "note-write-bench");
    MasterKey.generateFile(temp.resolve("master.key"));
    keys =
        LocalKeyManager.builder(
                temp.resolve("keys"), MasterKey.fromFile(temp.resolve("master.key")))
            .open();
    keys.rotate(TENANT);
    journal = new NoteChangeJournal(temp, InstantSource.system());
    store =
        new NoteStore(
            temp.resolve("notes"),
            EnvelopeEncryptor.builder(keys).build(),
            InstantSource.system(),
            journal);
    store.createSpace(TENANT);
  }

  /** Closes everything and deletes the directory. */
  @TearDown(Level.Trial)
  public void close() throws IOException {
    store.close();
    journal.close();
    keys.close();
    try (Stream<Path> files = Files.walk(temp)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** One note write, durable when it returns. */
  @Benchmark
  public Note tdeveloperCreate() {
    return TenantContext.get(TENANT, () -> store.create(TEXT));
  }
}
