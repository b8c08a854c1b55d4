package dev.tdeveloper.demo;

import dev.tdeveloper.demo.notes.NoteStore;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupSource;
import dev.tdeveloper.dr.spi.SourceEntry;
import dev.tdeveloper.tenancy.TenantId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One tenant's notes as a backup source: a file {@code <id, 19 digits>.note} per note holding its
 * stored record (the envelope ciphertext, never plaintext), read as one snapshot taken under the
 * tenant's write lock, so every change the change journal heard before the backup claimed its
 * sequence is in it. Every file is reported as modified now: a rewrap changes a note without
 * changing its size, so an incremental backup must not skip by size and time (chunks still
 * deduplicate, so unchanged notes cost no stored bytes). Not thread-safe, as the SPI allows.
 */
final class NotesBackupSource implements BackupSource {
  /** The source's name: {@value}. */
  static final String NAME = "notes";

  private static final Pattern FILE = Pattern.compile("[0-9]{19}\\.note");

  private final NoteStore notes;
  private final TenantId tenant;
  private final InstantSource clock;

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
    SortedMap<Long, byte[]> records = notes.records(tenant);
    Instant now = clock.instant();
    for (Map.Entry<Long, byte[]> e : records.entrySet()) {
      byte[] record = e.getValue();
      consumer.accept(
          new SourceEntry(path(e.getKey()), record.length, now), new ByteArrayInputStream(record));
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
