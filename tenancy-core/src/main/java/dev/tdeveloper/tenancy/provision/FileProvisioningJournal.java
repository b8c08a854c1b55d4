package dev.tdeveloper.tenancy.provision;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.CompactingJournal;
import dev.tdeveloper.tenancy.internal.Compaction;
import dev.tdeveloper.tenancy.internal.RecordFormat;
import dev.tdeveloper.tenancy.spi.ProvisioningJournal;
import dev.tdeveloper.tenancy.spi.ProvisioningJournalException;
import dev.tdeveloper.tenancy.spi.SagaRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable {@link ProvisioningJournal} in one local append-only file, so sagas can be resumed
 * after the process crashes. The file starts with an 8-byte magic {@code TDPJRNL1}; each record is
 * a 4-byte big-endian payload length, the payload's CRC32, and the payload (a record as JSON).
 * Every record is forced to the storage device before {@link #record} returns.
 *
 * <p>On {@link #open}, a torn tail (an interrupted write: short length, short payload, bad CRC, and
 * no intact record after it) is truncated and every record before it is kept; {@link
 * #discardedBytesOnOpen()} says how much was cut. Damage followed by an intact record, or an intact
 * record that cannot be decoded, is not a torn write, so it fails the open (naming file and offset)
 * rather than losing data. A lock on the sibling file {@code <name>.lock} keeps a second journal,
 * in this or another process, from opening the file; the latest record of every saga is also held
 * in memory.
 *
 * <p><b>Compaction.</b> Each step appends one or two records, so the file grows. {@link #compact()}
 * rewrites it to hold only the latest record of each saga the journal still answers for (in the
 * order the sagas were first recorded, which {@link #incomplete()} and {@link #forTenant} use for
 * sagas started at the same instant), and it runs by itself after a {@link #record} once the file
 * reaches the compaction threshold (default {@value Compaction#DEFAULT_THRESHOLD_BYTES} bytes) and
 * has doubled since the last compaction. What is dropped:
 *
 * <ul>
 *   <li>every superseded record: only the latest record of a saga is ever read;
 *   <li>the latest record of a <em>finished</em> saga ({@code DONE} or {@code FAILED}) last updated
 *       more than the finished retention ago (default 30 days). Such a saga is never resumed and
 *       never blocks a new saga of its tenant, so the provisioner no longer needs it; afterwards
 *       {@link #find} and {@link #forTenant} no longer return it. Running and compensating sagas
 *       are always kept, however old.
 * </ul>
 *
 * The new file replaces the old one in a single atomic rename (see {@link
 * dev.tdeveloper.tenancy.internal.JournalFile}), so a crash at any point of a compaction reopens to
 * exactly the acknowledged records. Appends wait while a compaction runs.
 *
 * <p>Thread-safe: every method holds the journal's lock.
 */
public final class FileProvisioningJournal implements ProvisioningJournal {
  /** The largest payload accepted, in bytes: {@value}. */
  public static final int MAX_RECORD_BYTES = 1 << 20;

  private static final Logger LOG = LoggerFactory.getLogger(FileProvisioningJournal.class);
  private static final RecordFormat FORMAT =
      RecordFormat.crc32("TDPJRNL1".getBytes(StandardCharsets.US_ASCII), MAX_RECORD_BYTES);

  private final Map<String, SagaRecord> latest = new LinkedHashMap<>();
  private final CompactingJournal file;

  private FileProvisioningJournal(Path path, Compaction compaction) {
    this.file =
        new CompactingJournal(
            path,
            FORMAT,
            "provisioning journal",
            "journal",
            compaction,
            SagaRecordCodec::decode,
            (SagaRecord r) -> latest.put(r.sagaId(), r),
            ProvisioningJournalException::new,
            ProvisioningJournalException.class,
            LOG);
  }

  /**
   * Opens the journal in {@code file} with the default compaction settings, creating it (not its
   * directory) if needed, and reads every record; a torn tail is truncated. Close it when done.
   *
   * @throws ProvisioningJournalException if the file cannot be opened or locked (another process or
   *     another open journal in this process holds it), is not a journal, is corrupt, or holds a
   *     record this version cannot decode
   */
  public static FileProvisioningJournal open(Path file) {
    return builder(file).open();
  }

  /** Returns a builder for a journal in {@code file}, to configure compaction. */
  public static FileProvisioningJournalBuilder builder(Path file) {
    return new FileProvisioningJournalBuilder(file);
  }

  static FileProvisioningJournal open(Path file, Compaction compaction) {
    return new FileProvisioningJournal(file, compaction);
  }

  /** Returns the journal's file. */
  public Path file() {
    return file.path();
  }

  /** Returns the size of the journal's file in bytes. */
  public synchronized long sizeBytes() {
    return file.size();
  }

  /** Returns how many bytes of torn tail {@link #open} truncated; 0 for a clean file. */
  public long discardedBytesOnOpen() {
    return file.discardedBytesOnOpen();
  }

  /**
   * Appends {@code record} and forces it to the storage device, then compacts the file if it is
   * due; a failed automatic compaction is logged and leaves the journal as it was.
   *
   * @throws IllegalArgumentException if the record is inconsistent with the saga's previous one, or
   *     its JSON exceeds {@value #MAX_RECORD_BYTES} bytes
   * @throws IllegalStateException if the saga is terminal or the journal is closed
   * @throws ProvisioningJournalException if the write fails; the partial record is cut off again,
   *     and if even that fails the journal refuses further writes until reopened
   */
  @Override
  public synchronized void record(SagaRecord record) {
    Objects.requireNonNull(record, "record");
    requireOpen();
    JournalRules.checkReplace(latest.get(record.sagaId()), record);
    byte[] payload =
        CompactingJournal.requireSize(
            SagaRecordCodec.encode(record), MAX_RECORD_BYTES, "record of saga " + record.sagaId());
    try {
      file.append(payload);
    } catch (ProvisioningJournalException e) {
      throw new ProvisioningJournalException(
          "cannot write saga " + record.sagaId() + ": " + e.getMessage(), e);
    }
    latest.put(record.sagaId(), record);
    file.compactIfDue(this::compact);
  }

  /**
   * Rewrites the file to hold only what the journal still answers for (see the class comment).
   *
   * @return how many bytes the file shrank by
   * @throws IllegalStateException if the journal is closed
   * @throws ProvisioningJournalException if the new file cannot be written (the journal is
   *     unchanged) or reopened (the journal then refuses writes until reopened)
   */
  public synchronized long compact() {
    return file.compact(
        latest.values(),
        r -> r.state().isTerminal(),
        SagaRecord::updatedAt,
        SagaRecordCodec::encode,
        kept -> latest.keySet().retainAll(kept.stream().map(SagaRecord::sagaId).toList()));
  }

  @Override
  public synchronized Optional<SagaRecord> find(String sagaId) {
    Objects.requireNonNull(sagaId, "sagaId");
    requireOpen();
    return Optional.ofNullable(latest.get(sagaId));
  }

  @Override
  public synchronized List<SagaRecord> incomplete() {
    requireOpen();
    return JournalRules.incomplete(latest.values());
  }

  @Override
  public synchronized List<SagaRecord> forTenant(TenantId tenantId) {
    requireOpen();
    return JournalRules.forTenant(latest.values(), tenantId);
  }

  /** Closes the file and releases its lock; later calls other than {@code close} throw. */
  @Override
  public synchronized void close() {
    file.close();
  }

  @Override
  public String toString() {
    return "FileProvisioningJournal[" + file.path() + "]";
  }

  private void requireOpen() {
    file.requireOpen();
  }
}
