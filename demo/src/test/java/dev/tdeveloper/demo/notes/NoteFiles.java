package dev.tdeveloper.demo.notes;

import dev.tdeveloper.tenancy.internal.FrameReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Crash images of notes journals, for tests: what a power loss may leave of a journal. */
public final class NoteFiles {
  private NoteFiles() {}

  /**
   * Returns the shortest length a power loss may leave of the notes journal {@code file}: the end
   * of its last checkpoint (everything before it was forced), or its whole length if it has none
   * (every record was forced).
   */
  public static long forcedLength(Path file) {
    try {
      long size = Files.size(file);
      long end = size;
      boolean afterCheckpoint = false;
      try (FrameReader reader = NoteJournal.FORMAT.reader(file, size)) {
        if (reader.readHeader() != null) {
          throw new IllegalArgumentException(file + " is not a notes journal");
        }
        for (FrameReader.Step step = reader.next(); ; step = reader.next()) {
          if (afterCheckpoint) {
            end = step.offset();
            afterCheckpoint = false;
          }
          if (step.kind() != FrameReader.Kind.RECORD) {
            return end;
          }
          if (step.payload()[0] == 'C') {
            boolean voided = java.nio.ByteBuffer.wrap(step.payload(), 1, 8).getLong() < 0;
            afterCheckpoint = !voided;
            end = voided ? size : end;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Cuts {@code file} to {@code length} bytes, as a power loss may; returns the bytes cut. */
  public static long cut(Path file, long length) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      long cut = channel.size() - length;
      channel.truncate(length);
      return cut;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Cuts {@code file} to its {@link #forcedLength}; returns the bytes cut. */
  public static long loseUnforcedTail(Path file) {
    return cut(file, forcedLength(file));
  }
}
