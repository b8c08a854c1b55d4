package dev.tdeveloper.security.secrets.rotation;

import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretStoreException;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.JournalFile;
import dev.tdeveloper.tenancy.internal.RecordFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link RotationJournal} in one append-only file (the tenancy {@link JournalFile}: each record
 * forced to the device before the call returns, a torn tail cut off on open, locked against a
 * second journal). Records are text, {@code <kind> <tenant or -> <name> <version> [<step>]}, with
 * kinds {@code S} (started), {@code D} (step done), {@code F} (finished). When the file holds more
 * than {@value #COMPACT_AFTER} finished rotations on open, it is rewritten with the unfinished ones
 * only.
 *
 * <p>Thread-safe.
 */
final class FileRotationJournal extends InMemoryRotationJournal {
  static final int COMPACT_AFTER = 1024;
  private static final RecordFormat FORMAT =
      RecordFormat.crc32c("TDROTJ01".getBytes(StandardCharsets.US_ASCII), 4096);

  private JournalFile file;

  private FileRotationJournal() {}

  static FileRotationJournal open(Path path) {
    FileRotationJournal journal = new FileRotationJournal();
    int[] finished = {0};
    journal.file =
        JournalFile.open(
            path,
            FORMAT,
            "rotation journal",
            (offset, payload) -> {
              String[] parts = new String(payload, StandardCharsets.UTF_8).split(" ");
              try {
                SecretName name =
                    new SecretName(
                        parts[1].equals("-")
                            ? Optional.empty()
                            : Optional.of(TenantId.of(parts[1])),
                        parts[2]);
                Optional<RotationStep> step =
                    parts.length > 4
                        ? Optional.of(RotationStep.valueOf(parts[4]))
                        : Optional.empty();
                journal.replay(parts[0], name, parts[3], step);
                finished[0] += parts[0].equals("F") ? 1 : 0;
              } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw new SecretStoreException(
                    "rotation journal " + path + " has an invalid record at offset " + offset, e);
              }
            },
            SecretStoreException::new);
    if (finished[0] > COMPACT_AFTER) {
      List<byte[]> keep = new ArrayList<>();
      for (Map.Entry<SecretName, Progress> open : journal.openRotations().entrySet()) {
        keep.add(record("S", open.getKey(), open.getValue().versionId(), null));
        open.getValue()
            .lastDone()
            .ifPresent(s -> keep.add(record("D", open.getKey(), open.getValue().versionId(), s)));
      }
      journal.file.rewrite(keep, step -> {});
    }
    return journal;
  }

  @Override
  void persist(String kind, SecretName name, String versionId, RotationStep step) {
    file.append(record(kind, name, versionId, step));
  }

  private static byte[] record(String kind, SecretName name, String versionId, RotationStep step) {
    String tenant = name.tenant().map(TenantId::value).orElse("-");
    String line =
        kind
            + " "
            + tenant
            + " "
            + name.name()
            + " "
            + versionId
            + (step == null ? "" : " " + step);
    return line.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void close() {
    file.close();
  }
}
