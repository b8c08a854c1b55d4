package dev.tdeveloper.dr.backup;

import dev.tdeveloper.dr.internal.Names;
import dev.tdeveloper.dr.spi.BackupScope;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one published backup holds: which source and scope it came from, its type and parent, when
 * it ran, the change-journal sequence it covers (point-in-time recovery replays the journal after
 * it), and every file with its chunks. Stored as JSON in a canonical field order with a SHA-256
 * over that content, which {@link #fromJson} checks so a tampered or damaged manifest is refused.
 * Immutable and thread-safe.
 *
 * @param formatVersion the manifest format, {@value #FORMAT_VERSION}
 * @param backupId the backup's id: a UTC timestamp and a random suffix, so ids sort by time
 * @param scope whose data it is
 * @param source the name of the source backed up
 * @param type full or incremental
 * @param parent the backup an incremental one reused unchanged files from
 * @param startedAt when the backup started
 * @param finishedAt when its last chunk was stored
 * @param journalSequence the change-journal sequence the backup starts after, if the caller gave
 *     one: the scope's {@code nextSequence()} taken before the source was read, so records from it
 *     on are not in the backup and point-in-time recovery replays them
 * @param files every file, sorted by path
 * @param totals what the backup read and wrote
 */
public record BackupManifest(
    int formatVersion,
    String backupId,
    BackupScope scope,
    String source,
    BackupType type,
    Optional<String> parent,
    Instant startedAt,
    Instant finishedAt,
    OptionalLong journalSequence,
    List<BackupFile> files,
    BackupTotals totals) {
  /** The manifest format this version writes and reads: {@value}. */
  public static final int FORMAT_VERSION = 1;

  /** Checks every field; see the parameters for the rules. */
  public BackupManifest {
    if (formatVersion != FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "BackupManifest.formatVersion must be " + FORMAT_VERSION + ", got " + formatVersion);
    }
    requireBackupId(backupId);
    Objects.requireNonNull(scope, "scope");
    requireSourceName(source);
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(parent, "parent");
    parent.ifPresent(BackupManifest::requireBackupId);
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    if (finishedAt.isBefore(startedAt)) {
      throw new IllegalArgumentException(
          "BackupManifest.finishedAt " + finishedAt + " is before startedAt " + startedAt);
    }
    Objects.requireNonNull(journalSequence, "journalSequence");
    if (journalSequence.isPresent() && journalSequence.getAsLong() < 0) {
      throw new IllegalArgumentException(
          "BackupManifest.journalSequence must be >= 0, got " + journalSequence.getAsLong());
    }
    files = List.copyOf(Objects.requireNonNull(files, "files"));
    for (int i = 1; i < files.size(); i++) {
      if (files.get(i - 1).path().compareTo(files.get(i).path()) >= 0) {
        throw new IllegalArgumentException(
            "BackupManifest.files must be sorted by path without duplicates, but '"
                + files.get(i).path()
                + "' follows '"
                + files.get(i - 1).path()
                + "'");
      }
    }
    Objects.requireNonNull(totals, "totals");
  }

  /** Returns the file at {@code path}, if the backup has it. */
  public Optional<BackupFile> file(String path) {
    Objects.requireNonNull(path, "path");
    return files.stream().filter(f -> f.path().equals(path)).findFirst();
  }

  /** Returns the sum of the file sizes: what a restore writes. */
  public long totalSize() {
    return files.stream().mapToLong(BackupFile::size).sum();
  }

  /** Returns the canonical JSON form, ending with the SHA-256 of the content before it. */
  public byte[] toJson() {
    return ManifestJson.write(this);
  }

  /**
   * Returns the lower-case hex SHA-256 of the canonical content (what {@link #toJson} ends with).
   */
  public String sha256() {
    return ManifestJson.contentHash(this);
  }

  /**
   * Reads a stored manifest, checking its hash, its fields, and that it is the manifest of {@code
   * backupId} in {@code scope}.
   *
   * @throws CorruptManifestException naming the backup and the problem if any check fails
   */
  public static BackupManifest fromJson(BackupScope scope, String backupId, byte[] json) {
    return ManifestJson.read(scope, backupId, json);
  }

  /**
   * Returns {@code backupId} if it is 1 to 128 letters, digits, '.', '_' or '-'.
   *
   * @throws IllegalArgumentException quoting it otherwise
   */
  public static String requireBackupId(String backupId) {
    Objects.requireNonNull(backupId, "backupId");
    if (!Names.isBackupId(backupId)) {
      throw new IllegalArgumentException(
          "backup id must be 1 to 128 letters, digits, '.', '_' or '-', got '" + backupId + "'");
    }
    return backupId;
  }

  /**
   * Returns {@code source} if it is a valid source name: 1 to 64 lower-case letters, digits, '.',
   * '_' or '-'.
   *
   * @throws IllegalArgumentException quoting it otherwise
   */
  public static String requireSourceName(String source) {
    Objects.requireNonNull(source, "source");
    if (!Names.isSourceName(source)) {
      throw new IllegalArgumentException(
          "source name must be 1 to 64 lower-case letters, digits, '.', '_' or '-', got '"
              + source
              + "'");
    }
    return source;
  }

  /**
   * Returns a short description (id, scope, source, type, times, totals) without the file list,
   * which may hold many thousands of entries.
   */
  @Override
  public String toString() {
    return "BackupManifest["
        + backupId
        + ", "
        + scope
        + "/"
        + source
        + ", "
        + type
        + ", "
        + startedAt
        + " to "
        + finishedAt
        + ", "
        + files.size()
        + " files, "
        + totals
        + "]";
  }
}
