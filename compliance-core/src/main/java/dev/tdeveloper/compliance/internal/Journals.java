package dev.tdeveloper.compliance.internal;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.tenancy.internal.JournalFile;
import dev.tdeveloper.tenancy.internal.RecordFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Opens the module's one-file journals (consent ledger, pseudonym vault, checkpoint anchor) the
 * same way: the directory is created if missing, and every failure is a {@link ComplianceException}
 * naming the journal. Stateless and thread-safe.
 */
public final class Journals {
  private Journals() {}

  /**
   * Creates {@code directory} and its parents if missing.
   *
   * @param what names the journal in the message, such as {@code "consent ledger"}
   * @throws ComplianceException if the directory cannot be created
   */
  public static void createDirectory(Path directory, String what) {
    Objects.requireNonNull(directory, "directory");
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new ComplianceException("cannot create " + what + " directory " + directory, e);
    }
  }

  /**
   * Creates {@code directory} if missing, then locks and opens the journal {@code fileName} in it,
   * passing each intact record to {@code decode}. A record that is framed intact but does not
   * decode ({@code decode} throws {@link IllegalArgumentException}) fails the open, naming the
   * directory and the record's offset.
   *
   * @param what names the journal in messages, such as {@code "consent ledger"}
   * @throws ComplianceException if the directory cannot be created, the journal is open elsewhere,
   *     or its file is not such a journal, is corrupt or holds a record that does not decode
   */
  public static JournalFile open(
      Path directory,
      String fileName,
      RecordFormat format,
      String what,
      JournalFile.Replay decode) {
    createDirectory(directory, what);
    return JournalFile.open(
        directory.resolve(fileName),
        format,
        what,
        (offset, payload) -> {
          try {
            decode.accept(offset, payload);
          } catch (IllegalArgumentException e) {
            throw new ComplianceException(
                what
                    + " "
                    + directory
                    + ": record at offset "
                    + offset
                    + " cannot be read: "
                    + e.getMessage(),
                e);
          }
        },
        ComplianceException::new);
  }
}
