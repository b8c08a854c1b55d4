package dev.tdeveloper.compliance.audit.file;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.tenancy.internal.FrameReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The {@link VerifiedLog} a verifier run hands to its added checks. */
final class VerifiedLogView implements VerifiedLog {
  private final Path directory;
  private final LeavesFile leaves;
  private final long size;
  private final long firstRetained;
  private List<String> checkpoints;

  VerifiedLogView(Path directory, LeavesFile leaves, long size, long firstRetained) {
    this.directory = directory;
    this.leaves = leaves;
    this.size = size;
    this.firstRetained = firstRetained;
  }

  @Override
  public Path directory() {
    return directory;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public long firstRetained() {
    return firstRetained;
  }

  @Override
  public void readLeafHashes(long from, long to, Consumer<byte[]> consumer) {
    if (from < 0 || from > to || to > size) {
      throw new IllegalArgumentException(
          "cannot read leaf hashes [" + from + ", " + to + "): the log has [0, " + size + ")");
    }
    leaves.read(from, to, consumer);
  }

  @Override
  public List<String> checkpoints() {
    if (checkpoints == null) {
      checkpoints = readCheckpoints(directory.resolve(FileAuditSink.CHECKPOINTS));
    }
    return checkpoints;
  }

  /** Reads the intact notes of a checkpoint log, up to a torn tail or the first damage. */
  static List<String> readCheckpoints(Path file) {
    List<String> notes = new ArrayList<>();
    try {
      if (!Files.exists(file)) {
        return List.of();
      }
      try (FrameReader reader = CheckpointFormat.FORMAT.reader(file, Files.size(file))) {
        if (reader.readHeader() != null) {
          return List.of();
        }
        for (FrameReader.Step step = reader.next();
            step.kind() == FrameReader.Kind.RECORD;
            step = reader.next()) {
          notes.add(new String(step.payload(), StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new ComplianceException("cannot read audit checkpoints " + file + ": " + e, e);
    }
    return List.copyOf(notes);
  }
}
