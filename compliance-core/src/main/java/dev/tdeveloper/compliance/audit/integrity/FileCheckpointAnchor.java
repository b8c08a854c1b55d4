package dev.tdeveloper.compliance.audit.integrity;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.audit.integrity.CheckpointException.Problem;
import dev.tdeveloper.compliance.internal.Journals;
import dev.tdeveloper.compliance.spi.CheckpointAnchor;
import dev.tdeveloper.tenancy.internal.JournalFile;
import dev.tdeveloper.tenancy.internal.RecordFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The local {@link CheckpointAnchor}: appends signed checkpoints to {@value #FILE_NAME} in a
 * directory you put outside the log's reach (another disk or mount, ideally another machine's
 * share). Each publish is forced to the device before it returns; a torn last record from a crash
 * is cut off on open; the directory is locked while open. Thread-safe.
 */
public final class FileCheckpointAnchor implements CheckpointAnchor {
  /** The anchor file's name in its directory: {@value}. */
  public static final String FILE_NAME = "checkpoints.anchor";

  private static final RecordFormat FORMAT =
      RecordFormat.crc32c("TDANCH01".getBytes(StandardCharsets.US_ASCII), 64 * 1024);

  private final JournalFile journal;
  private String latest;
  private Checkpoint latestCheckpoint;

  private FileCheckpointAnchor(Path directory) {
    this.journal =
        JournalFile.open(
            directory.resolve(FILE_NAME),
            FORMAT,
            "checkpoint anchor",
            (offset, payload) -> {
              String note = new String(payload, StandardCharsets.UTF_8);
              latestCheckpoint = Checkpoint.parseUnverified(note);
              latest = note;
            },
            ComplianceException::new);
  }

  /**
   * Opens the anchor in {@code directory}, creating the directory and file if missing.
   *
   * @throws ComplianceException if the directory is locked by another anchor, or the file is
   *     damaged before its last record, or cannot be used
   */
  public static FileCheckpointAnchor open(Path directory) {
    Journals.createDirectory(directory, "checkpoint anchor");
    return new FileCheckpointAnchor(directory);
  }

  @Override
  public synchronized void publish(String signedNote) {
    Checkpoint checkpoint =
        Checkpoint.parseUnverified(Objects.requireNonNull(signedNote, "signedNote"));
    if (latestCheckpoint != null) {
      if (checkpoint.size() < latestCheckpoint.size()) {
        throw new CheckpointException(
            Problem.ROLLBACK,
            "refusing checkpoint of size "
                + checkpoint.size()
                + ": the anchor already holds size "
                + latestCheckpoint.size()
                + " and never goes backwards");
      }
      if (checkpoint.size() == latestCheckpoint.size()
          && !Arrays.equals(checkpoint.rootHash(), latestCheckpoint.rootHash())) {
        throw new CheckpointException(
            Problem.FORK,
            "refusing checkpoint of size "
                + checkpoint.size()
                + ": the anchor holds another root for that size (a fork)");
      }
    }
    journal.append(signedNote.getBytes(StandardCharsets.UTF_8));
    latest = signedNote;
    latestCheckpoint = checkpoint;
  }

  @Override
  public synchronized Optional<String> latest() {
    return Optional.ofNullable(latest);
  }

  @Override
  public synchronized void close() {
    journal.close();
  }

  @Override
  public String toString() {
    return "FileCheckpointAnchor[" + journal.file() + "]";
  }
}
