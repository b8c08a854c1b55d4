package dev.tdeveloper.compliance.audit.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file-backed tree keeps the newest hashes of each level in memory between writes; a process
 * killed with them unwritten must still reopen, at any leaf count its log may report from the last
 * force on, to exactly the RFC 6962 tree of that many leaves.
 */
class MerkleTreeCrashTest {
  @TempDir Path temp;

  @Test
  void killedWithHashesStillInMemoryReopensToTheExactTreeOfTheLogsCount() throws Exception {
    Path directory = temp.resolve("tree");
    List<byte[]> leaves = MerkleTreeTest.leaves(MerkleTreeCrashChild.LEAVES);
    MerkleTree reference = MerkleTreeTest.treeOf(leaves);
    Random random = new Random(9162);
    long size = 0;
    for (int round = 0; round < 4; round++) {
      long forced = size;
      long appended = size;
      int forceEvery = 700 + random.nextInt(900); // never a multiple of the 128-entry tails
      try (ChildJvm child =
          ChildJvm.start(
              MerkleTreeCrashChild.class,
              temp.resolve("child-" + round + ".err"),
              directory.toString(),
              Long.toString(size),
              Integer.toString(forceEvery))) {
        assertThat(child.nextLine(60)).as(child.errorOutput()).isEqualTo("OPEN " + size);
        int lines = 40 + random.nextInt(120);
        for (int i = 0; i < lines; i++) {
          String line = child.nextLine(60);
          assertThat(line).as(child.errorOutput()).isNotEqualTo(ChildJvm.EOF);
          if (line.startsWith("FORCED ")) {
            forced = Long.parseLong(line.substring(7));
          } else if (line.startsWith("APPENDED ")) {
            appended = Long.parseLong(line.substring(9));
          }
        }
        child.kill();
      }
      // The log may hold any count the tree reached from the last force on; the child ran ahead
      // of what was read, so the files hold whole tails written past both.
      size = forced + random.nextLong(Math.max(appended, forced) - forced + 1);
      try (MerkleTree tree = MerkleTree.open(directory, size, source(leaves))) {
        assertThat(tree.root())
            .as("round %d, size %d", round, size)
            .isEqualTo(reference.root(size));
        for (long old = 1; old < size; old += 1 + old / 3) {
          assertThat(tree.root(old)).isEqualTo(reference.root(old));
        }
        long index = random.nextLong(size);
        assertThat(tree.inclusionProof(index, size))
            .isEqualTo(reference.inclusionProof(index, size));
      }
    }
  }

  private static MerkleTree.LeafHashes source(List<byte[]> leaves) {
    return (from, to, consumer) -> {
      for (long i = from; i < to; i++) {
        consumer.accept(leaves.get((int) i));
      }
    };
  }
}
