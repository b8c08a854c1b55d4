package dev.tdeveloper.dr.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a child JVM at each step of a chunk put and a manifest publish ({@link StepCrashChild}): a
 * staged chunk lives in a temporary file until the publish renames it, so a kill before that rename
 * loses it (harmless: no manifest names it) and leaves only temporary files, which reopening
 * deletes; after the rename it is whole; what an earlier publish covered is always intact.
 */
class LocalBackupStoreStepCrashTest {
  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "chunk partial",
        "chunk staged",
        "flush synced",
        "flush renamed",
        "manifest partial",
        "manifest forced",
        "manifest renamed"
      })
  void aKillAtAnyStepLeavesTheWriteWholeOrInvisible(String step) throws Exception {
    Path root = temp.resolve("store");
    try (ChildJvm child =
        ChildJvm.start(StepCrashChild.class, temp.resolve("child.err"), root.toString(), step)) {
      child.awaitLine("AT " + step, 60);
      child.kill();
    }
    boolean renamed = step.endsWith("renamed");
    assertThat(files(root, ".tmp")).as("temporary files left by the kill").hasSize(renamed ? 0 : 1);
    String a = CrashWorkload.idOf(StepCrashChild.chunk(1));
    String b = CrashWorkload.idOf(StepCrashChild.chunk(2));
    boolean chunkWritten = step.startsWith("manifest") || step.equals("flush renamed");
    boolean manifestWritten = step.equals("manifest renamed");
    try (LocalBackupStore store = LocalBackupStore.open(root)) {
      assertThat(files(root, ".tmp")).as("temporary files after reopening").isEmpty();
      assertThat(CrashWorkload.isWhole(a, store.getChunk(StepCrashChild.SCOPE, a))).isTrue();
      assertThat(store.hasChunk(StepCrashChild.SCOPE, b)).isEqualTo(chunkWritten);
      if (chunkWritten) {
        assertThat(CrashWorkload.isWhole(b, store.getChunk(StepCrashChild.SCOPE, b))).isTrue();
      }
      assertThat(store.manifests(StepCrashChild.SCOPE))
          .isEqualTo(manifestWritten ? List.of("after", "before") : List.of("before"));
      for (String id : store.manifests(StepCrashChild.SCOPE)) {
        assertThat(CrashWorkload.parse(store.manifest(StepCrashChild.SCOPE, id).orElseThrow()))
            .isPresent();
      }
      List<String> chunks = new java.util.ArrayList<>();
      store.listChunks(StepCrashChild.SCOPE, chunks::add);
      assertThat(chunks).hasSize(chunkWritten ? 2 : 1);
    }
  }

  private static List<Path> files(Path root, String suffix) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(suffix)).toList();
    }
  }
}
