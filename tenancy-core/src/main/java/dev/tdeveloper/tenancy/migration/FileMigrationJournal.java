package dev.tdeveloper.tenancy.migration;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.CompactingJournal;
import dev.tdeveloper.tenancy.internal.Compaction;
import dev.tdeveloper.tenancy.internal.RecordFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable {@link MigrationJournal} in one local append-only file, so a migration interrupted by a
 * crash can be resumed by {@link TenantMigrator#resume} in the next process. The file starts with
 * the 8-byte magic {@code TDMJRNL1}; each record is a 4-byte big-endian payload length, the
 * payload's CRC32C and the payload: a whole {@link MigrationState} as JSON. Every {@link #tryBegin}
 * and {@link #update} is forced to the storage device before it returns; the latest state of every
 * migration is also held in memory.
 *
 * <p>On open, a torn tail (an interrupted write that no intact record follows) is truncated and
 * logged ({@link #discardedBytesOnOpen()}); damage followed by an intact record, or an intact
 * record that cannot be decoded, fails the open with a {@link MigrationJournalException} naming the
 * file and offset, so an acknowledged state is never dropped silently. A lock on the sibling file
 * {@code <name>.lock} keeps a second journal, in this or another process, from opening the file.
 *
 * <p><b>Compaction.</b> The copy records a state per batch, so the file grows with the data moved.
 * {@link #compact()} rewrites it to hold the latest state of each migration still answered for, and
 * runs by itself after a write once the file reaches the compaction threshold (default {@value
 * Compaction#DEFAULT_THRESHOLD_BYTES} bytes) and has doubled since the last compaction. It drops
 * every superseded state (only the latest is ever read) and the state of every migration that
 * finished ({@code COMPLETED}, {@code FAILED}, {@code ABORTED}) more than the finished retention
 * ago (default 30 days): such a migration is never resumed and never blocks a new one, but {@link
 * #find} and {@link #list} no longer return it. Unfinished migrations are always kept. The new file
 * replaces the old in one atomic rename, so a crash at any point of a compaction reopens to exactly
 * the acknowledged states.
 *
 * <p>Thread-safe: every method holds the journal's lock, so {@link #tryBegin} is atomic.
 */
public final class FileMigrationJournal implements MigrationJournal {
  /** The largest record accepted, in bytes: {@value}. */
  public static final int MAX_RECORD_BYTES = 64 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(FileMigrationJournal.class);
  private static final RecordFormat FORMAT =
      RecordFormat.crc32c("TDMJRNL1".getBytes(StandardCharsets.US_ASCII), MAX_RECORD_BYTES);

  private final InMemoryMigrationJournal index = new InMemoryMigrationJournal();
  private final CompactingJournal file;

  private FileMigrationJournal(Path path, Compaction compaction) {
    this.file =
        new CompactingJournal(
            path,
            FORMAT,
            "migration journal",
            "migration journal",
            compaction,
            MigrationStateCodec::decode,
            index::put,
            MigrationJournalException::new,
            MigrationJournalException.class,
            LOG);
  }

  /**
   * Opens the journal in {@code file} with the default compaction settings, creating it (not its
   * directory) if needed. Close it when done.
   *
   * @throws MigrationJournalException if the file cannot be opened or locked (another process or
   *     another open journal in this process holds it), is not a migration journal, is corrupt, or
   *     holds a record this version cannot decode
   */
  public static FileMigrationJournal open(Path file) {
    return builder(file).open();
  }

  /** Returns a builder for a journal in {@code file}, to configure compaction. */
  public static FileMigrationJournalBuilder builder(Path file) {
    return new FileMigrationJournalBuilder(file);
  }

  static FileMigrationJournal open(Path file, Compaction compaction) {
    return new FileMigrationJournal(file, compaction);
  }

  /** Returns the journal's file. */
  public Path file() {
    return file.path();
  }

  /** Returns the size of the journal's file in bytes. */
  public synchronized long sizeBytes() {
    return file.size();
  }

  /** Returns how many bytes of torn tail the open truncated; 0 for a clean file. */
  public long discardedBytesOnOpen() {
    return file.discardedBytesOnOpen();
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the journal is closed
   * @throws MigrationJournalException if the state cannot be written; nothing changes
   */
  @Override
  public synchronized boolean tryBegin(MigrationState state) {
    requireOpen();
    if (!index.mayBegin(state)) {
      return false;
    }
    write(state);
    return true;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the journal is closed
   * @throws MigrationJournalException if the state cannot be written; nothing changes
   */
  @Override
  public synchronized void update(MigrationState state) {
    requireOpen();
    index.requireKnown(state);
    write(state);
  }

  /**
   * Rewrites the file to hold only the states the journal still answers for (see the class
   * comment).
   *
   * @return how many bytes the file shrank by
   * @throws IllegalStateException if the journal is closed
   * @throws MigrationJournalException if the new file cannot be written (the journal is unchanged)
   *     or reopened (the journal then refuses writes until reopened)
   */
  public synchronized long compact() {
    return file.compact(
        index.list(),
        s -> s.phase().isTerminal(),
        MigrationState::updatedAt,
        MigrationStateCodec::encode,
        index::retain);
  }

  @Override
  public synchronized Optional<MigrationState> find(UUID id) {
    Objects.requireNonNull(id, "id");
    requireOpen();
    return index.find(id);
  }

  @Override
  public synchronized Optional<MigrationState> unfinished(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    requireOpen();
    return index.unfinished(tenant);
  }

  @Override
  public synchronized List<MigrationState> list() {
    requireOpen();
    return index.list();
  }

  /** Closes the file and releases its lock; later calls other than {@code close} throw. */
  @Override
  public synchronized void close() {
    file.close();
  }

  @Override
  public String toString() {
    return "FileMigrationJournal[" + file.path() + "]";
  }

  private void write(MigrationState state) {
    file.append(
        CompactingJournal.requireSize(
            MigrationStateCodec.encode(state),
            MAX_RECORD_BYTES,
            "state of migration " + state.plan().id()));
    index.put(state);
    file.compactIfDue(this::compact);
  }

  private void requireOpen() {
    file.requireOpen();
  }
}
