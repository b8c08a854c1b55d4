package dev.tdeveloper.compliance.audit.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.compliance.ComplianceException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMerkleTreeTest {
  @TempDir Path dir;

  private static MerkleTree.LeafHashes source(List<byte[]> leaves) {
    return (from, to, consumer) -> {
      for (long i = from; i < to; i++) {
        consumer.accept(leaves.get((int) i));
      }
    };
  }

  @Test
  void reopensWithoutRebuildingAndKeepsGrowing() {
    List<byte[]> leaves = MerkleTreeTest.leaves(10_000);
    MerkleTree reference = MerkleTreeTest.treeOf(leaves);
    try (MerkleTree tree = MerkleTree.open(dir, 0, source(leaves))) {
      leaves.subList(0, 6_000).forEach(tree::append);
      tree.force();
    }
    try (MerkleTree tree = MerkleTree.open(dir, 6_000, source(leaves))) {
      assertThat(tree.root()).isEqualTo(reference.root(6_000));
      leaves.subList(6_000, 10_000).forEach(tree::append);
      assertThat(tree.root()).isEqualTo(reference.root());
      assertThat(tree.inclusionProof(4321, 9000)).isEqualTo(reference.inclusionProof(4321, 9000));
      assertThat(tree.consistencyProof(777, 9999)).isEqualTo(reference.consistencyProof(777, 9999));
    }
  }

  @Test
  void appendsAfterReopeningAtEverySizeUpTo70BuildTheRfcRoots() {
    // Reopened, a tree finds the left siblings in storage until it has appended at each level
    // itself; from then on it keeps them in memory. Both must give the RFC 6962 roots.
    List<byte[]> all = MerkleTreeTest.leaves(70);
    for (int reopenAt = 0; reopenAt <= 70; reopenAt += 1) {
      Path tree = dir.resolve("tree-" + reopenAt);
      try (MerkleTree first = MerkleTree.open(tree, 0, source(all))) {
        all.subList(0, reopenAt).forEach(first::append);
        first.force();
      }
      try (MerkleTree reopened = MerkleTree.open(tree, reopenAt, source(all))) {
        for (int n = reopenAt + 1; n <= 70; n++) {
          reopened.append(all.get(n - 1));
          assertThat(reopened.root())
              .as("reopened at %d, root %d", reopenAt, n)
              .isEqualTo(NaiveMerkle.mth(all.subList(0, n)));
        }
      }
    }
  }

  @Test
  void dropsAnUnacknowledgedTailOnOpen() {
    List<byte[]> leaves = MerkleTreeTest.leaves(5_000);
    try (MerkleTree tree = MerkleTree.open(dir, 0, source(leaves))) {
      leaves.forEach(tree::append);
    }
    try (MerkleTree tree = MerkleTree.open(dir, 3_333, source(leaves))) {
      assertThat(tree.size()).isEqualTo(3_333);
      assertThat(tree.root()).isEqualTo(MerkleTreeTest.treeOf(leaves.subList(0, 3_333)).root());
    }
  }

  @Test
  void rootsEqualTheInMemoryTreeAfterTornWritesAtRandomLengths() throws IOException {
    List<byte[]> leaves = MerkleTreeTest.leaves(9_000);
    MerkleTree reference = MerkleTreeTest.treeOf(leaves);
    Random random = new Random(6962);
    long count = 0;
    for (int round = 0; round < 12; round++) {
      long target = Math.min(leaves.size(), count + 1 + random.nextInt(1500));
      try (MerkleTree tree = MerkleTree.open(dir, count, source(leaves))) {
        assertThat(tree.root()).as("round %d", round).isEqualTo(reference.root(count));
        for (long i = count; i < target; i++) {
          tree.append(leaves.get((int) i));
        }
      }
      // A power loss tears every level file at a random length after what the last force (at the
      // open's recovery, of `count` leaves) made durable, possibly zero-filling a tail.
      for (int level = 0; level < HashStorage.MAX_LEVELS; level++) {
        Path file = dir.resolve(String.format("level-%02d.hashes", level));
        if (Files.exists(file)) {
          try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long forced = (count >>> level) * 32;
            channel.truncate(size - random.nextInt((int) Math.min(size - forced, 5_000) + 1));
            if (random.nextBoolean() && channel.size() - 40 >= forced) {
              channel.write(java.nio.ByteBuffer.allocate(40), channel.size() - 40);
            }
          }
        }
      }
      count = target - random.nextInt(10);
    }
    try (MerkleTree tree = MerkleTree.open(dir, count, source(leaves))) {
      assertThat(tree.root()).isEqualTo(reference.root(count));
      for (long size = 1; size <= count; size += 97) {
        assertThat(tree.root(size)).isEqualTo(reference.root(size));
      }
    }
  }

  @Test
  void refusesASecondOpenAndABadLeafSource() {
    List<byte[]> leaves = MerkleTreeTest.leaves(10);
    try (MerkleTree tree = MerkleTree.open(dir, 0, source(leaves))) {
      assertThatThrownBy(() -> MerkleTree.open(dir, 0, source(leaves)))
          .isInstanceOf(ComplianceException.class)
          .hasMessageContaining("locked");
    }
    assertThatThrownBy(
            () -> MerkleTree.open(dir, 11, source(MerkleTreeTest.leaves(11).subList(0, 10))))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> MerkleTree.open(dir, 5, (from, to, consumer) -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 5");
    assertThatThrownBy(() -> MerkleTree.open(dir, -1, source(leaves)))
        .hasMessageContaining("got -1");
  }
}
