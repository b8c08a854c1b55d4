package dev.tdeveloper.tenancy.spi;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChecksumTest {
  private static final DataRecord A = new DataRecord("a", new byte[] {1});
  private static final DataRecord B = new DataRecord("b\u00e9", new byte[] {2, 3});

  /** The documented digest, computed with the JDK's SHA-256 rather than Guava. */
  private static byte[] jdkDigest(DataRecord record) throws Exception {
    byte[] key = record.key().getBytes(UTF_8);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(new byte[] {(byte) key.length, (byte) (key.length >>> 8), 0, 0});
    sha.update(key);
    sha.update(record.value());
    return sha.digest();
  }

  @Test
  void matchesTheDocumentedEncoding() throws Exception {
    assertThat(Checksum.of(List.of(A)))
        .isEqualTo(new Checksum(1, HexFormat.of().formatHex(jdkDigest(A))));

    byte[] a = jdkDigest(A);
    byte[] b = jdkDigest(B);
    byte[] sum = new byte[32];
    for (int i = 0; i < 32; i++) {
      sum[i] = (byte) (a[i] + b[i]);
    }
    assertThat(Checksum.of(List.of(A, B)))
        .isEqualTo(new Checksum(2, HexFormat.of().formatHex(sum)));
  }

  @Test
  void doesNotDependOnOrderOrBatching() {
    List<DataRecord> records = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      records.add(new DataRecord("key-" + i, ("value-" + i).getBytes(UTF_8)));
    }
    Checksum inOrder = Checksum.of(records);
    List<DataRecord> shuffled = new ArrayList<>(records);
    Collections.shuffle(shuffled, new Random(7));
    assertThat(Checksum.of(shuffled)).isEqualTo(inOrder);

    Checksum.Accumulator first = Checksum.accumulator();
    Checksum.Accumulator second = Checksum.accumulator();
    shuffled.subList(0, 1_234).forEach(first::add);
    shuffled.subList(1_234, shuffled.size()).forEach(second::add);
    assertThat(first.add(second).result()).isEqualTo(inOrder);
    assertThat(inOrder.count()).isEqualTo(3_000);
  }

  @Test
  void changesWithOneByteAKeyOrARecordBoundary() {
    Checksum base = Checksum.of(List.of(A, B));
    assertThat(Checksum.of(List.of(A, new DataRecord("b\u00e9", new byte[] {2, 4}))))
        .isNotEqualTo(base);
    assertThat(Checksum.of(List.of(A, new DataRecord("c", new byte[] {2, 3})))).isNotEqualTo(base);
    assertThat(Checksum.of(List.of(new DataRecord("ab", new byte[] {1}))))
        .isNotEqualTo(Checksum.of(List.of(new DataRecord("a", "b\u0001".getBytes(UTF_8)))));
    assertThat(Checksum.of(List.of(A, A)).count()).isEqualTo(2);
  }

  @Test
  void emptyIsZeroRecordsAndZeroDigest() {
    assertThat(Checksum.of(List.of())).isEqualTo(Checksum.EMPTY);
    assertThat(Checksum.EMPTY).isEqualTo(new Checksum(0, "0".repeat(64)));
  }

  @Test
  void validatesFields() {
    assertThatThrownBy(() -> new Checksum(-1, "0".repeat(64)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("count must be at least 0, was -1");
    assertThatThrownBy(() -> new Checksum(1, "ABC"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("64 lowercase hex digits, was 'ABC'");
    assertThatThrownBy(() -> new Checksum(1, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("sha256");
  }
}
