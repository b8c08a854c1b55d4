package dev.tdeveloper.demo.notes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.crypto.EnvelopeEncryptor;
import dev.tdeveloper.security.crypto.local.LocalKeyManager;
import dev.tdeveloper.security.crypto.local.MasterKey;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills ({@code kill -9}) a child JVM creating and deleting notes as fast as it can, then checks
 * that every acknowledged note is there with its text, every acknowledged delete held, and the
 * store goes on with the next id.
 */
class NoteStoreCrashTest {
  private static final TenantId ACME = TenantId.of("acme");

  @TempDir Path dir;

  @Test
  void aKillMidWriteLosesNoAcknowledgedNoteOrDelete() throws Exception {
    MasterKey.generateFile(dir.resolve("master.key"));
    Map<Long, Long> acked = new TreeMap<>();
    Set<Long> deleted = new HashSet<>();
    for (int round = 0; round < 2; round++) {
      List<String> lines =
          CrashRound.linesUntilKilled(
              NoteStoreCrashChild.class, dir.resolve("child.err"), 200, dir.toString());
      for (String line : lines) {
        String[] parts = line.split(" ");
        if (parts.length == 3 && parts[0].equals("ACK")) {
          acked.put(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } else if (parts.length == 2 && parts[0].equals("DEL")) {
          deleted.add(Long.parseLong(parts[1]));
        }
      }
    }
    assertThat(acked).hasSizeGreaterThanOrEqualTo(400);

    try (LocalKeyManager keys =
            LocalKeyManager.builder(
                    dir.resolve("keys"), MasterKey.fromFile(dir.resolve("master.key")))
                .open();
        NoteStore store =
            new NoteStore(
                dir.resolve("notes"),
                EnvelopeEncryptor.builder(keys).build(),
                InstantSource.system())) {
      store.createSpace(ACME);
      Map<Long, String> found =
          TenantContext.get(ACME, store::list).stream()
              .collect(Collectors.toMap(Note::id, Note::text));
      for (Map.Entry<Long, Long> ack : acked.entrySet()) {
        if (deleted.contains(ack.getKey())) {
          assertThat(found).as("deleted note %d", ack.getKey()).doesNotContainKey(ack.getKey());
        } else {
          assertThat(found.get(ack.getKey()))
              .as("note %d", ack.getKey())
              .isEqualTo(NoteStoreCrashChild.text(ack.getValue()));
        }
      }
      long highest = acked.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
      assertThat(TenantContext.get(ACME, () -> store.create("after the crash")).id())
          .isGreaterThan(highest);
    }
  }
}
