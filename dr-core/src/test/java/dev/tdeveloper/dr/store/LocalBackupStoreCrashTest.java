package dev.tdeveloper.dr.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM ({@code kill -9}) that is putting chunks and publishing manifests, several
 * times at random moments (just after it announced a write, so the kill tends to land inside one),
 * and checks after each kill that nothing torn is visible under a final name, that reopening
 * deletes the temporary files, that every acknowledged manifest is intact and that every chunk put
 * before an acknowledged publish is intact. Chunks put after the last acknowledged publish are only
 * staged and may be lost (no published manifest names them).
 */
class LocalBackupStoreCrashTest {
  @TempDir Path temp;

  /** What the child acknowledged: {@code kind scope id}. */
  private record Ack(String kind, BackupScope scope, String id) {}

  @Test
  void keepsEveryAcknowledgedWriteAndShowsNothingTornAfterKills() throws Exception {
    Path root = temp.resolve("store");
    Random random = new Random(20260315);
    List<Ack> acknowledged = new ArrayList<>();
    for (int round = 0; round < 8; round++) {
      List<String> lines = new ArrayList<>();
      try (ChildJvm child =
          ChildJvm.start(
              LocalBackupStoreCrashChild.class,
              temp.resolve("child-" + round + ".err"),
              root.toString(),
              "r" + round,
              Long.toString(random.nextLong()))) {
        assertThat(child.nextLine(60)).as(child.errorOutput()).isEqualTo("OPEN");
        if (round == 0) {
          assertThatThrownBy(() -> LocalBackupStore.open(root))
              .as("another process holds the store open")
              .isInstanceOf(DrException.class)
              .hasMessageContaining("locked");
        }
        int writes = 1 + random.nextInt(60);
        while (writes > 0) {
          String line = child.nextLine(60);
          assertThat(line).as(child.errorOutput()).isNotEqualTo(ChildJvm.EOF);
          lines.add(line);
          writes -= line.equals("BEGIN") ? 1 : 0;
        }
        lines.addAll(child.kill());
      }
      acknowledged.addAll(published(parse(lines)));
      assertNothingTornUnderAFinalName(root);
      System.err.println(
          "DIAG tmp=" + filesEndingWith(root, ".tmp").size() + " lines=" + lines.size());
      try (LocalBackupStore store = LocalBackupStore.open(root)) {
        assertThat(filesEndingWith(root, ".tmp")).as("temporary files after reopen").isEmpty();
        for (Ack ack : acknowledged) {
          if (ack.kind().equals("CHUNK")) {
            assertThat(CrashWorkload.isWhole(ack.id(), store.getChunk(ack.scope(), ack.id())))
                .as("acknowledged chunk %s", ack)
                .isTrue();
          } else {
            byte[] manifest = store.manifest(ack.scope(), ack.id()).orElseThrow();
            List<String> ids = CrashWorkload.parse(manifest).orElseThrow();
            assertThat(ids).allSatisfy(id -> assertThat(store.hasChunk(ack.scope(), id)).isTrue());
          }
        }
        for (BackupScope scope : store.scopes()) {
          for (String id : store.manifests(scope)) {
            assertThat(CrashWorkload.parse(store.manifest(scope, id).orElseThrow()))
                .as("visible manifest %s of %s", id, scope)
                .isPresent();
          }
        }
      }
    }
    assertThat(acknowledged).extracting(Ack::kind).contains("CHUNK", "MANIFEST");
  }

  /** Returns the acknowledged manifests and the chunks acknowledged before one of them. */
  private static List<Ack> published(List<Ack> acks) {
    int lastManifest = -1;
    for (int i = 0; i < acks.size(); i++) {
      lastManifest = acks.get(i).kind().equals("MANIFEST") ? i : lastManifest;
    }
    return acks.subList(0, lastManifest + 1);
  }

  private static List<Ack> parse(List<String> lines) {
    List<Ack> acks = new ArrayList<>();
    for (String line : lines) {
      String[] parts = line.split(" ");
      if (parts.length == 4 && parts[3].equals("ok")) {
        BackupScope scope = Ids.scopeOf(parts[1]).orElseThrow();
        acks.add(new Ack(parts[0], scope, parts[2]));
      }
    }
    return acks;
  }

  /** Checks the raw files before any recovery: every final name holds a whole chunk or manifest. */
  private static void assertNothingTornUnderAFinalName(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        if (Ids.isChunkId(name)) {
          assertThat(CrashWorkload.isWhole(name, Files.readAllBytes(file)))
              .as(file.toString())
              .isTrue();
        } else if (name.endsWith(LocalBackupStore.MANIFEST_SUFFIX)) {
          assertThat(CrashWorkload.parse(Files.readAllBytes(file))).as(file.toString()).isPresent();
        }
      }
    }
  }

  private static List<Path> filesEndingWith(Path root, String suffix) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(suffix)).toList();
    }
  }
}
