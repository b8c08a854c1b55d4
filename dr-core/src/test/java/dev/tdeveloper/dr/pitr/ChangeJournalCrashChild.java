package dev.tdeveloper.dr.pitr;

import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Child JVM of {@link ChangeJournalCrashTest}: opens the journal in {@code args[0]}, prints {@code
 * OPEN}, then appends to two tenants' scopes until killed, printing {@code ACK <scope> <sequence>}
 * after each append returns; every 97th record of acme it announces {@code TRUNCATING acme <s>},
 * truncates and prints {@code TRUNCATED acme <s>}.
 */
public final class ChangeJournalCrashChild {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final List<BackupScope> SCOPES =
      List.of(BackupScope.of(TenantId.of("acme")), BackupScope.of(TenantId.of("globex")));

  private ChangeJournalCrashChild() {}

  /** The content every record gets, so that the parent can check it byte for byte. */
  static Optional<byte[]> content(BackupScope scope, long sequence) {
    if (sequence % 11 == 5) {
      return Optional.empty();
    }
    String text = (scope.key() + ":" + sequence + ";").repeat((int) (sequence % 40));
    return Optional.of(text.getBytes(StandardCharsets.UTF_8));
  }

  static String path(long sequence) {
    return "dir" + (sequence % 3) + "/file" + (sequence % 7);
  }

  static Instant time(long sequence) {
    return T0.plusMillis(sequence * 10);
  }

  public static void main(String[] args) {
    ChildJvm.exitWhenParentGoes();
    Random random = new Random(Long.parseLong(args[1]));
    try (FileChangeJournal journal =
        FileChangeJournal.builder(Path.of(args[0]))
            .segmentBytes(FileChangeJournal.MIN_SEGMENT_BYTES)
            .open()) {
      System.out.println("OPEN");
      while (true) {
        BackupScope scope = SCOPES.get(random.nextInt(SCOPES.size()));
        long sequence = journal.nextSequence(scope);
        journal.append(scope, time(sequence), "notes", path(sequence), content(scope, sequence));
        System.out.println("ACK " + scope.key() + " " + sequence);
        if (scope.equals(SCOPES.get(0)) && sequence % 97 == 96) {
          long before = sequence - 50;
          System.out.println("TRUNCATING acme " + before);
          journal.truncateBefore(scope, before);
          System.out.println("TRUNCATED acme " + before);
        }
      }
    }
  }
}
