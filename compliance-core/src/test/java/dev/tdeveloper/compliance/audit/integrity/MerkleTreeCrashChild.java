package dev.tdeveloper.compliance.audit.integrity;

import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.List;

/**
 * Child JVM of {@code MerkleTreeCrashTest}: opens the file-backed tree in {@code args[0]} at {@code
 * args[1]} leaves (of {@link MerkleTreeTest#leaves}), appends the following ones, forces every
 * {@code args[2]} leaves and prints {@code FORCED <size>} after each force and {@code APPENDED
 * <size>} after every 50th leaf, until it is killed or runs out of leaves.
 */
public final class MerkleTreeCrashChild {
  static final int LEAVES = 200_000;

  private MerkleTreeCrashChild() {}

  public static void main(String[] args) {
    ChildJvm.exitWhenParentGoes();
    long start = Long.parseLong(args[1]);
    int forceEvery = Integer.parseInt(args[2]);
    List<byte[]> leaves = MerkleTreeTest.leaves(LEAVES);
    MerkleTree tree =
        MerkleTree.open(
            Path.of(args[0]),
            start,
            (from, to, consumer) -> {
              for (long i = from; i < to; i++) {
                consumer.accept(leaves.get((int) i));
              }
            });
    System.out.println("OPEN " + tree.size());
    for (int i = (int) start; i < LEAVES; i++) {
      tree.append(leaves.get(i));
      long size = i + 1L;
      if (size % forceEvery == 0) {
        tree.force();
        System.out.println("FORCED " + size);
      }
      if (size % 50 == 0) {
        System.out.println("APPENDED " + size);
      }
    }
    System.out.flush();
  }
}
