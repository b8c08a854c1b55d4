package dev.tdeveloper.compliance.audit.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.testkit.Concurrently;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MerkleTreeConcurrencyTest {
  @TempDir Path dir;

  @Test
  void readersBuildValidProofsWhileOneWriterAppends() throws Exception {
    readersBuildValidProofsWhileOneWriterAppendsTo(MerkleTree.inMemory());
  }

  @Test
  void readersOfAFileTreeBuildValidProofsWhileItsTailsAreWrittenAndReplaced() throws Exception {
    // Readers take the newest hashes of each level from its in-memory tail, older ones from the
    // file: a tail written out and replaced under a reader must not change what it reads.
    try (MerkleTree tree = MerkleTree.open(dir, 0, (from, to, consumer) -> {})) {
      readersBuildValidProofsWhileOneWriterAppendsTo(tree);
    }
  }

  private static void readersBuildValidProofsWhileOneWriterAppendsTo(MerkleTree tree)
      throws Exception {
    int total = 40_000;
    List<byte[]> leaves = MerkleTreeTest.leaves(total);
    MerkleTree reference = MerkleTreeTest.treeOf(leaves);
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong checks = new AtomicLong();
    Concurrently.run(
        4,
        thread -> {
          if (thread == 0) {
            leaves.forEach(tree::append);
            done.set(true);
            return;
          }
          ThreadLocalRandom random = ThreadLocalRandom.current();
          while (!done.get() || checks.get() < 300) {
            long size = tree.size();
            if (size == 0) {
              continue;
            }
            long index = random.nextLong(size);
            long old = 1 + random.nextLong(size);
            byte[] root = tree.root(size);
            assertThat(root).isEqualTo(reference.root(size));
            assertThat(
                    ProofVerifier.verifyInclusion(
                        leaves.get((int) index), tree.inclusionProof(index, size), root))
                .isTrue();
            assertThat(
                    ProofVerifier.verifyConsistency(
                        tree.root(old), root, tree.consistencyProof(old, size)))
                .isTrue();
            checks.incrementAndGet();
          }
        });
    assertThat(tree.size()).isEqualTo(total);
    assertThat(tree.root()).isEqualTo(reference.root());
    assertThat(checks.get()).isGreaterThanOrEqualTo(300);
  }

  @Test
  void concurrentWritersEachGetTheirOwnIndexAndTheTreeMatchesThatOrder() throws Exception {
    int perThread = 5_000;
    int threads = 4;
    List<byte[]> leaves = MerkleTreeTest.leaves(perThread * threads);
    MerkleTree tree = MerkleTree.inMemory();
    byte[][] byIndex = new byte[leaves.size()][];
    Concurrently.run(
        threads,
        thread -> {
          for (int i = thread * perThread; i < (thread + 1) * perThread; i++) {
            byte[] leaf = leaves.get(i);
            int index = (int) tree.append(leaf);
            assertThat(byIndex[index]).isNull();
            byIndex[index] = leaf;
          }
        });
    assertThat(tree.size()).isEqualTo(leaves.size());
    for (int i = 0; i < byIndex.length; i += 997) {
      assertThat(tree.leafHash(i)).isEqualTo(byIndex[i]);
    }
    assertThat(tree.root()).isEqualTo(NaiveMerkle.mth(List.of(byIndex)));
  }
}
