package dev.tdeveloper.demo.notes;

import dev.tdeveloper.tenancy.internal.JournalFile;
import java.nio.file.Path;
import java.util.List;

/**
 * The file operations a {@link NoteJournal} uses, as {@link JournalFile} defines them: a journal
 * file in production ({@link #JOURNALS}); tests wrap one to make an operation fail as a full or
 * failing disk would.
 */
interface NoteFile extends AutoCloseable {
  /** Opens notes journals as {@link JournalFile}s in {@link NoteJournal#FORMAT}. */
  Opener JOURNALS =
      (path, replay) -> {
        JournalFile file =
            JournalFile.open(
                path, NoteJournal.FORMAT, "notes journal", replay, NotesException::new);
        return new NoteFile() {
          @Override
          public void append(byte[] payload) {
            file.append(payload);
          }

          @Override
          public void appendUnforced(byte[] payload) {
            file.appendUnforced(payload);
          }

          @Override
          public void force() {
            file.force();
          }

          @Override
          public void rewrite(List<byte[]> payloads) {
            file.rewrite(payloads, step -> {});
          }

          @Override
          public void close() {
            file.close();
          }
        };
      };

  /** Opens the notes journal {@code path}, passing its records to {@code replay}. */
  @FunctionalInterface
  interface Opener {
    /** Opens {@code path} as {@link JournalFile#open} does. */
    NoteFile open(Path path, JournalFile.Replay replay);
  }

  /** Appends {@code payload} and forces it ({@link JournalFile#append}). */
  void append(byte[] payload);

  /** Appends {@code payload} unforced ({@link JournalFile#appendUnforced}). */
  void appendUnforced(byte[] payload);

  /** Forces what was appended ({@link JournalFile#force}); may run concurrently with appends. */
  void force();

  /** Replaces the records crash-safely ({@link JournalFile#rewrite}). */
  void rewrite(List<byte[]> payloads);

  /** Closes the file and releases its lock. */
  @Override
  void close();
}
