package dev.tdeveloper.compliance.audit.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {
  private static final HexFormat HEX = HexFormat.of();

  /** The leaves of the Certificate Transparency reference tests (merkle_tree_test.cc). */
  private static final String[] CT_LEAVES = {
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f"
  };

  /** Their published roots for sizes 0 to 8. */
  private static final String[] CT_ROOTS = {
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
  };

  static List<byte[]> leaves(int n) {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      leaves.add(MerkleHashes.leaf(("event-" + i).getBytes(StandardCharsets.UTF_8)));
    }
    return leaves;
  }

  static MerkleTree treeOf(List<byte[]> leaves) {
    MerkleTree tree = MerkleTree.inMemory();
    leaves.forEach(tree::append);
    return tree;
  }

  private static MerkleTree ctTree() {
    MerkleTree tree = MerkleTree.inMemory();
    for (String leaf : CT_LEAVES) {
      tree.append(MerkleHashes.leaf(HEX.parseHex(leaf)));
    }
    return tree;
  }

  private static List<String> hex(List<byte[]> hashes) {
    return hashes.stream().map(HEX::formatHex).toList();
  }

  @Test
  void rootsMatchTheCertificateTransparencyReferenceVectors() {
    MerkleTree tree = ctTree();
    for (int size = 0; size <= 8; size++) {
      assertThat(HEX.formatHex(tree.root(size)))
          .as("root of size %d", size)
          .isEqualTo(CT_ROOTS[size]);
    }
    assertThat(HEX.formatHex(tree.root())).isEqualTo(CT_ROOTS[8]);
  }

  @Test
  void proofsMatchTheCertificateTransparencyReferenceVectors() {
    MerkleTree tree = ctTree();
    assertThat(hex(tree.inclusionProof(0, 8).hashes()))
        .containsExactly(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    assertThat(hex(tree.inclusionProof(5, 8).hashes()))
        .containsExactly(
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    assertThat(hex(tree.consistencyProof(2, 8).hashes()))
        .containsExactly(
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    assertThat(hex(tree.consistencyProof(6, 8).hashes()))
        .containsExactly(
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    assertThat(
            ProofVerifier.verifyConsistency(
                HEX.parseHex(CT_ROOTS[6]), HEX.parseHex(CT_ROOTS[8]), tree.consistencyProof(6, 8)))
        .isTrue();
  }

  @Test
  void everyRootAndProofOfTreesUpTo70LeavesEqualsTheRfcDefinitionAndVerifies() {
    List<byte[]> all = leaves(70);
    MerkleTree tree = treeOf(all);
    byte[][] roots = new byte[71][];
    for (int n = 0; n <= 70; n++) {
      roots[n] = NaiveMerkle.mth(all.subList(0, n));
      assertThat(tree.root(n)).as("root %d", n).isEqualTo(roots[n]);
    }
    int checked = 0;
    for (int n = 1; n <= 70; n++) {
      List<byte[]> prefix = all.subList(0, n);
      for (int m = 0; m < n; m++) {
        InclusionProof proof = tree.inclusionProof(m, n);
        assertThat(hex(proof.hashes()))
            .as("PATH(%d, %d)", m, n)
            .isEqualTo(hex(NaiveMerkle.path(m, prefix)));
        assertThat(ProofVerifier.verifyInclusion(all.get(m), proof, roots[n])).isTrue();
        checked++;
      }
      for (int m = 0; m <= n; m++) {
        ConsistencyProof proof = tree.consistencyProof(m, n);
        List<String> expected = m == 0 || m == n ? List.of() : hex(NaiveMerkle.proof(m, prefix));
        assertThat(hex(proof.hashes())).as("PROOF(%d, %d)", m, n).isEqualTo(expected);
        assertThat(ProofVerifier.verifyConsistency(roots[m], roots[n], proof)).isTrue();
        checked++;
      }
    }
    // sum of n inclusion proofs and n + 1 consistency proofs for n = 1..70
    assertThat(checked).isEqualTo(2485 + 2555);
  }

  @Test
  void rejectsBadArgumentsNamingTheValues() {
    MerkleTree tree = treeOf(leaves(5));
    assertThatThrownBy(() -> tree.inclusionProof(5, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("treeSize 5")
        .hasMessageContaining("got 5");
    assertThatThrownBy(() -> tree.inclusionProof(-1, 3)).hasMessageContaining("got -1");
    assertThatThrownBy(() -> tree.inclusionProof(0, 6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[0, 5]")
        .hasMessageContaining("got 6");
    assertThatThrownBy(() -> tree.consistencyProof(4, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("newSize 3")
        .hasMessageContaining("got 4");
    assertThatThrownBy(() -> tree.consistencyProof(-1, 3)).hasMessageContaining("got -1");
    assertThatThrownBy(() -> tree.consistencyProof(1, 9)).hasMessageContaining("got 9");
    assertThatThrownBy(() -> tree.root(6)).hasMessageContaining("got 6");
    assertThatThrownBy(() -> tree.root(-2)).hasMessageContaining("got -2");
    assertThatThrownBy(() -> tree.leafHash(5)).hasMessageContaining("got 5");
    assertThatThrownBy(() -> tree.append(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 31");
    assertThat(tree.size()).as("a refused append changes nothing").isEqualTo(5);
  }

  @Test
  void returnsTheLeafHashesItWasGiven() {
    List<byte[]> all = leaves(40);
    MerkleTree tree = treeOf(all);
    for (int i = 0; i < all.size(); i++) {
      assertThat(tree.leafHash(i)).isEqualTo(all.get(i));
    }
    assertThat(tree.append(all.get(0))).isEqualTo(40);
  }

  @Test
  void growsPastOneStorageChunk() {
    int n = MemoryHashStorage.CHUNK_ENTRIES * 2 + 3;
    List<byte[]> all = leaves(n);
    MerkleTree tree = treeOf(all);
    InclusionProof proof = tree.inclusionProof(MemoryHashStorage.CHUNK_ENTRIES + 1, n);
    assertThat(
            ProofVerifier.verifyInclusion(
                all.get(MemoryHashStorage.CHUNK_ENTRIES + 1), proof, tree.root()))
        .isTrue();
    assertThat(tree.root(1000)).isEqualTo(NaiveMerkle.mth(all.subList(0, 1000)));
    assertThat(tree.leafHash(n - 1)).isEqualTo(all.get(n - 1));
  }
}
