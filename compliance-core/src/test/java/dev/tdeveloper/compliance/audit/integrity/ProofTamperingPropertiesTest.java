package dev.tdeveloper.compliance.audit.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Any flipped bit in a proof, a root, a leaf hash, an index or a size fails verification. */
class ProofTamperingPropertiesTest {
  private static final List<byte[]> LEAVES = MerkleTreeTest.leaves(300);
  private static final MerkleTree TREE = MerkleTreeTest.treeOf(LEAVES);

  private static byte[] flip(byte[] bytes, int bit) {
    byte[] copy = bytes.clone();
    copy[(bit >>> 3) % copy.length] ^= (byte) (1 << (bit & 7));
    return copy;
  }

  /** Returns {@code hashes} with the one at {@code choice} (modulo the size) flipped, if any. */
  private static Optional<List<byte[]>> flipOne(List<byte[]> hashes, int choice, int bit) {
    if (hashes.isEmpty()) {
      return Optional.empty();
    }
    List<byte[]> tampered = new ArrayList<>(hashes);
    int which = choice % hashes.size();
    tampered.set(which, flip(hashes.get(which), bit));
    return Optional.of(tampered);
  }

  @Property(tries = 1000)
  void anyFlippedBitFailsInclusion(
      @ForAll @IntRange(min = 1, max = 300) int size,
      @ForAll @IntRange(min = 0, max = 299) int rawIndex,
      @ForAll @IntRange(min = 0, max = 255) int bit,
      @ForAll @IntRange(min = 0, max = 62) int numberBit,
      @ForAll @IntRange(min = 0, max = 63) int hashChoice) {
    long index = rawIndex % size;
    InclusionProof proof = TREE.inclusionProof(index, size);
    byte[] root = TREE.root(size);
    byte[] leaf = LEAVES.get((int) index);
    assertThat(ProofVerifier.verifyInclusion(leaf, proof, root)).isTrue();

    assertThat(ProofVerifier.verifyInclusion(flip(leaf, bit), proof, root)).isFalse();
    assertThat(ProofVerifier.verifyInclusion(leaf, proof, flip(root, bit))).isFalse();
    List<byte[]> hashes = proof.hashes();
    flipOne(hashes, hashChoice, bit)
        .ifPresent(
            tampered ->
                assertThat(
                        ProofVerifier.verifyInclusion(
                            leaf, new InclusionProof(index, size, tampered), root))
                    .isFalse());
    InclusionProof otherIndex = new InclusionProof(index ^ (1L << numberBit), size, hashes);
    assertThat(ProofVerifier.verifyInclusion(leaf, otherIndex, root)).isFalse();
    // A size is bound by its checkpoint's root, not by the proof: RFC 9162 proofs of some other
    // sizes have the same shape. So a flipped size is checked against that size's own root.
    long flipped = size ^ (1L << numberBit);
    if (flipped <= TREE.size()) {
      InclusionProof otherSize = new InclusionProof(index, flipped, hashes);
      assertThat(ProofVerifier.verifyInclusion(leaf, otherSize, TREE.root(flipped))).isFalse();
    }
  }

  @Property(tries = 1000)
  void anyFlippedBitFailsConsistency(
      @ForAll @IntRange(min = 1, max = 300) int newSize,
      @ForAll @IntRange(min = 1, max = 300) int rawOld,
      @ForAll @IntRange(min = 0, max = 255) int bit,
      @ForAll @IntRange(min = 0, max = 62) int numberBit,
      @ForAll @IntRange(min = 0, max = 63) int hashChoice) {
    long oldSize = 1 + (rawOld - 1) % newSize;
    ConsistencyProof proof = TREE.consistencyProof(oldSize, newSize);
    byte[] oldRoot = TREE.root(oldSize);
    byte[] newRoot = TREE.root(newSize);
    assertThat(ProofVerifier.verifyConsistency(oldRoot, newRoot, proof)).isTrue();

    assertThat(ProofVerifier.verifyConsistency(flip(oldRoot, bit), newRoot, proof)).isFalse();
    assertThat(ProofVerifier.verifyConsistency(oldRoot, flip(newRoot, bit), proof)).isFalse();
    List<byte[]> hashes = proof.hashes();
    flipOne(hashes, hashChoice, bit)
        .ifPresent(
            tampered ->
                assertThat(
                        ProofVerifier.verifyConsistency(
                            oldRoot, newRoot, new ConsistencyProof(oldSize, newSize, tampered)))
                    .isFalse());
    // As for inclusion, a flipped size is checked against the root of that size.
    long flippedOld = oldSize ^ (1L << numberBit);
    ConsistencyProof otherOld = new ConsistencyProof(flippedOld, newSize, hashes);
    if (flippedOld <= TREE.size() && !isGenuine(otherOld)) {
      assertThat(ProofVerifier.verifyConsistency(TREE.root(flippedOld), newRoot, otherOld))
          .isFalse();
    }
    long flippedNew = newSize ^ (1L << numberBit);
    ConsistencyProof otherNew = new ConsistencyProof(oldSize, flippedNew, hashes);
    if (flippedNew <= TREE.size() && !isGenuine(otherNew)) {
      assertThat(ProofVerifier.verifyConsistency(oldRoot, TREE.root(flippedNew), otherNew))
          .isFalse();
    }
  }

  /** Whether {@code proof} is the real proof for its sizes (a flip that lands on a valid proof). */
  private static boolean isGenuine(ConsistencyProof proof) {
    return proof.oldSize() <= proof.newSize()
        && TREE.consistencyProof(proof.oldSize(), proof.newSize()).equals(proof);
  }

  @Property(tries = 200)
  void aDroppedOrAddedHashFailsBoth(
      @ForAll @IntRange(min = 2, max = 300) int size,
      @ForAll @IntRange(min = 1, max = 299) int raw) {
    long m = 1 + (raw - 1) % (size - 1);
    InclusionProof inclusion = TREE.inclusionProof(m, size);
    List<byte[]> path = inclusion.hashes();
    byte[] root = TREE.root(size);
    List<byte[]> longer = new ArrayList<>(path);
    longer.add(new byte[32]);
    assertThat(
            ProofVerifier.verifyInclusion(
                LEAVES.get((int) m), new InclusionProof(m, size, longer), root))
        .isFalse();
    assertThat(
            ProofVerifier.verifyInclusion(
                LEAVES.get((int) m),
                new InclusionProof(m, size, path.subList(0, path.size() - 1)),
                root))
        .isFalse();
    ConsistencyProof consistency = TREE.consistencyProof(m, size);
    List<byte[]> hashes = consistency.hashes();
    List<byte[]> more = new ArrayList<>(hashes);
    more.add(new byte[32]);
    assertThat(
            ProofVerifier.verifyConsistency(
                TREE.root(m), root, new ConsistencyProof(m, size, more)))
        .isFalse();
    assertThat(
            ProofVerifier.verifyConsistency(
                TREE.root(m),
                root,
                new ConsistencyProof(m, size, hashes.subList(0, hashes.size() - 1))))
        .isFalse();
  }
}
