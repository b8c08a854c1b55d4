package dev.tdeveloper.demo;

import dev.tdeveloper.demo.notes.NoteStore;
import dev.tdeveloper.demo.notes.StoredRecord;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupSource;
import dev.tdeveloper.dr.spi.FileStamp;
import dev.tdeveloper.dr.spi.SourceEntry;
import dev.tdeveloper.tenancy.TenantId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One tenant's notes as a backup source: a file {@code <id, 19 digits>.note} per note holding its
 * stored record (the envelope ciphertext, never plaintext), read as one snapshot taken under the
 * tenant's write lock, so every change the change journal heard before the backup claimed its
 * sequence is in it.
 *
 * <p>A note is reported with the time this source first saw its current version ({@link
 * StoredRecord#sameVersionAs}) as modification time, and with a {@link FileStamp} whose "inode" is
 * a number this source gives that version alone (counted up from a random start, so no other
 * process's numbers match). An incremental backup skips a note only when its parent recorded the
 * same size, time and stamp, that is when the parent stored this very version, and then does not
 * read its record at all; any change, a rewrap that keeps the size included, is a new version and
 * is read. Not thread-safe, as the SPI allows.
 */
final class NotesBackupSource implements BackupSource {
  /** The source's name: {@value}. */
  static final String NAME = "notes";

  private static final Pattern FILE = Pattern.compile("[0-9]{19}\\.note");

  private final NoteStore notes;
  private final TenantId tenant;
  private final InstantSource clock;
  private Map<Long, Version> versions = new HashMap<>();
  private long nextVersion = new SecureRandom().nextLong();

  NotesBackupSource(NoteStore notes, TenantId tenant, InstantSource clock) {
    this.notes = notes;
    this.tenant = tenant;
    this.clock = clock;
  }

  /**
   * Returns the path of note {@code id}'s file (the id zero-padded to 19 digits); called on every
   * note change, so it pads by hand instead of through {@code String.format}.
   *
   * @throws IllegalArgumentException if {@code id} is negative
   */
  static String path(long id) {
    if (id < 0) {
      throw new IllegalArgumentException("a note id is 0 or more, was " + id);
    }
    String digits = Long.toString(id);
    StringBuilder path = new StringBuilder(24);
    for (int i = digits.length(); i < 19; i++) {
      path.append('0');
    }
    return path.append(digits).append(".note").toString();
  }

  /**
   * Returns the id of the note whose file is {@code path} (as {@link #path} names it).
   *
   * @throws IllegalArgumentException if {@code path} is not a note's file
   */
  static long idOf(String path) {
    if (!FILE.matcher(path).matches()) {
      throw new IllegalArgumentException("not a note's file: " + path);
    }
    return Long.parseLong(path.substring(0, 19));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public BackupScope scope() {
    return BackupScope.of(tenant);
  }

  @Override
  public void read(EntryConsumer consumer) throws IOException {
    SortedMap<Long, StoredRecord> snapshot = notes.snapshot(tenant);
    Instant now = clock.instant();
    Map<Long, Version> seen = new HashMap<>(Math.max(16, snapshot.size() * 4 / 3 + 1));
    for (StoredRecord record : snapshot.values()) {
      Version version = versions.get(record.id());
      if (version == null || !version.record.sameVersionAs(record)) {
        FileStamp stamp = new FileStamp(nextVersion++, now);
        version =
            new Version(
                record, new SourceEntry(path(record.id()), record.size(), now, Optional.of(stamp)));
      }
      seen.put(record.id(), version);
      consumer.accept(version.entry, new RecordStream(record));
    }
    versions = seen; // deleted notes are forgotten
  }

  /** A version of a note this source handed over, and the entry it was handed over with. */
  private record Version(StoredRecord record, SourceEntry entry) {}

  /** A note's record, written out only if the backup reads it (it skips unchanged notes). */
  private static final class RecordStream extends InputStream {
    private final StoredRecord record;
    private ByteArrayInputStream bytes;

    RecordStream(StoredRecord record) {
      this.record = record;
    }

    private ByteArrayInputStream bytes() {
      if (bytes == null) {
        bytes = new ByteArrayInputStream(record.bytes());
      }
      return bytes;
    }

    @Override
    public int read() {
      return bytes().read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      return bytes().read(b, off, len);
    }

    @Override
    public int available() {
      return bytes == null ? record.size() : bytes.available();
    }
  }

  /**
   * Reads the note records of a restored directory, in id order.
   *
   * @throws IOException if it holds anything but note files, or cannot be read
   */
  static List<byte[]> readRecords(Path directory) throws IOException {
    List<byte[]> records = new ArrayList<>();
    if (!Files.exists(directory)) {
      return records; // nothing was left to recover
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.sorted().toList()) {
        if (!Files.isRegularFile(file) || !FILE.matcher(file.getFileName().toString()).matches()) {
          throw new IOException("restored notes hold an unexpected entry: " + file.getFileName());
        }
        records.add(Files.readAllBytes(file));
      }
    }
    return records;
  }
}
