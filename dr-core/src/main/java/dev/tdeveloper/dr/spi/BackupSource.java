package dev.tdeveloper.dr.spi;

import java.io.IOException;
import java.io.InputStream;

/**
 * What is backed up: a directory tree, a tenant's data-store export, the output of a dump command.
 * A source hands its files over one at a time in a stable order (sorted by path), each with its
 * content as a stream read once. Implementations need not be thread-safe; one backup reads a source
 * at a time.
 */
public interface BackupSource {
  /**
   * Returns the source's name, unique within its scope: 1 to 64 characters of lower-case letters,
   * digits, '.', '_' or '-' (such as {@code notes}).
   */
  String name();

  /** Returns whose data this is. */
  BackupScope scope();

  /**
   * Hands every file to {@code consumer}, sorted by path. The stream is valid only during the call
   * and holds exactly {@link SourceEntry#size()} bytes; a source whose file changes while it is
   * read must fail rather than hand over a mixture.
   *
   * @throws IOException if the source cannot be read
   */
  void read(EntryConsumer consumer) throws IOException;

  /** Receives the files of a source. */
  @FunctionalInterface
  interface EntryConsumer {
    /** Receives one file and its content. */
    void accept(SourceEntry entry, InputStream content) throws IOException;
  }
}
