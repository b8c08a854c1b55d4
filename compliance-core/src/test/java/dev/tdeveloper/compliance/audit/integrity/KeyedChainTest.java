package dev.tdeveloper.compliance.audit.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.testkit.Concurrently;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeyedChainTest {
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  /** The documented formula, computed with a fresh JDK MAC: HMAC(key, previous || seq || leaf). */
  private static byte[] expected(byte[] previous, long sequence, byte[] leaf) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
    mac.update(previous);
    mac.update(ByteBuffer.allocate(8).putLong(sequence).array());
    return mac.doFinal(leaf);
  }

  @Test
  void eachValueIsTheHmacOfThePreviousValueTheBigEndianSequenceAndTheLeaf() throws Exception {
    KeyedChain chain = KeyedChain.withKey(KEY);
    byte[] value = KeyedChain.start();
    for (long sequence : List.of(0L, 1L, 255L, 256L, (1L << 40) + 3, Long.MAX_VALUE)) {
      byte[] leaf = MerkleHashes.leaf(Long.toString(sequence).getBytes(StandardCharsets.UTF_8));
      byte[] next = chain.next(value, sequence, leaf);
      assertThat(next).isEqualTo(expected(value, sequence, leaf));
      assertThat(chain.matches(next, expected(value, sequence, leaf))).isTrue();
      value = next;
    }
  }

  @Test
  void threadsSharingOneChainGetTheSameValues() throws Exception {
    KeyedChain chain = KeyedChain.withKey(KEY);
    List<byte[]> leaves = MerkleTreeTest.leaves(2_000);
    byte[][] reference = new byte[leaves.size()][];
    byte[] value = KeyedChain.start();
    for (int i = 0; i < leaves.size(); i++) {
      value = expected(value, i, leaves.get(i));
      reference[i] = value;
    }
    Concurrently.run(
        4,
        thread -> {
          byte[] v = KeyedChain.start();
          for (int i = 0; i < leaves.size(); i++) {
            v = chain.next(v, i, leaves.get(i));
            assertThat(v).isEqualTo(reference[i]);
          }
        });
  }

  @Test
  void badKeysAndHashLengthsAreRefused() {
    assertThatThrownBy(() -> KeyedChain.withKey(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 bytes, got 31");
    KeyedChain chain = KeyedChain.withKey(KEY);
    assertThatThrownBy(() -> chain.next(new byte[31], 0, new byte[32]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
    assertThat(chain).hasToString("KeyedChain[key hidden]");
  }
}
