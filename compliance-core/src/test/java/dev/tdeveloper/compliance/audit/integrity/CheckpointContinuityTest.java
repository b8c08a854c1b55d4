package dev.tdeveloper.compliance.audit.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointContinuityTest {
  private static final CheckpointSigner SIGNER = CheckpointSigner.generate("log.example");
  private static final CheckpointVerifier VERIFIER = CheckpointVerifier.of(SIGNER.verifierKey());

  private static String anchor(MerkleTree tree) {
    return SIGNER.sign(Checkpoint.of("log.example", tree.size(), tree.root()));
  }

  @Test
  void aLogThatGrewExtendsTheAnchoredCheckpoint() {
    List<byte[]> leaves = MerkleTreeTest.leaves(30);
    MerkleTree tree = MerkleTreeTest.treeOf(leaves.subList(0, 20));
    String anchored = anchor(tree);
    leaves.subList(20, 30).forEach(tree::append);

    CheckpointContinuity result = CheckpointContinuity.check(tree, anchored, VERIFIER);

    assertThat(result).isInstanceOf(CheckpointContinuity.Extends.class);
    assertThat(result.holds()).isTrue();
    assertThat(result.describe()).contains("30 entries").contains("size 20");
  }

  @Test
  void detectsADeletedTail() {
    List<byte[]> leaves = MerkleTreeTest.leaves(30);
    String anchored = anchor(MerkleTreeTest.treeOf(leaves));
    MerkleTree truncated = MerkleTreeTest.treeOf(leaves.subList(0, 27));

    CheckpointContinuity result = CheckpointContinuity.check(truncated, anchored, VERIFIER);

    assertThat(result).isEqualTo(new CheckpointContinuity.TailDeleted(result.anchored(), 27));
    assertThat(result.holds()).isFalse();
    assertThat(result.describe()).contains("tail deleted").contains("entries 27 to 29");
  }

  @Test
  void detectsARewrittenEntryBeforeTheAnchoredSizeAsAFork() {
    List<byte[]> leaves = MerkleTreeTest.leaves(30);
    String anchored = anchor(MerkleTreeTest.treeOf(leaves.subList(0, 20)));
    List<byte[]> rewritten = new java.util.ArrayList<>(leaves);
    rewritten.set(11, MerkleHashes.leaf(new byte[] {9}));

    CheckpointContinuity result =
        CheckpointContinuity.check(MerkleTreeTest.treeOf(rewritten), anchored, VERIFIER);

    assertThat(result).isInstanceOf(CheckpointContinuity.Forked.class);
    assertThat(result.holds()).isFalse();
    assertThat(result.describe()).startsWith("fork: at size 20");
  }

  @Test
  void refusesAForgedAnchor() {
    MerkleTree tree = MerkleTreeTest.treeOf(MerkleTreeTest.leaves(5));
    String forged =
        CheckpointSigner.generate("log.example").sign(Checkpoint.of("log.example", 5, tree.root()));
    assertThatThrownBy(() -> CheckpointContinuity.check(tree, forged, VERIFIER))
        .isInstanceOf(CheckpointException.class);
  }
}
