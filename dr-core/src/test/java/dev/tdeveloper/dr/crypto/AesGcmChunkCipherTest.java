package dev.tdeveloper.dr.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** What the AES-GCM cipher adds to the contract: its format, key derivation and messages. */
class AesGcmChunkCipherTest {
  private static final BackupScope ACME = BackupScope.of(TenantId.of("acme"));
  private static final String ID = "ab".repeat(32);
  private static final byte[] PLAIN = "plaintext".getBytes(StandardCharsets.UTF_8);
  private static final byte[] KEY = HexFormat.of().parseHex("00".repeat(31) + "01");

  private final AesGcmChunkCipher cipher = AesGcmChunkCipher.create(MasterKey.of(KEY));

  @Test
  void sealsInTheDocumentedFormat() {
    byte[] sealed = cipher.seal(ACME, ID, PLAIN);
    assertThat(sealed).hasSize(PLAIN.length + AesGcmChunkCipher.OVERHEAD);
    assertThat(sealed[0]).isEqualTo(AesGcmChunkCipher.FORMAT_VERSION);
    byte[] other = cipher.seal(ACME, ID, PLAIN);
    assertThat(Arrays.copyOfRange(sealed, 1, 13)).isNotEqualTo(Arrays.copyOfRange(other, 1, 13));
  }

  @Test
  void theSameMasterKeyOpensWhatAnotherCipherInstanceSealed() {
    byte[] sealed = cipher.seal(ACME, ID, PLAIN);
    assertThat(AesGcmChunkCipher.create(MasterKey.of(KEY)).open(ACME, ID, sealed)).isEqualTo(PLAIN);
  }

  @Test
  void aCorruptChunkNamesScopeChunkAndReasonButNeverThePlaintext() {
    byte[] sealed = cipher.seal(ACME, ID, PLAIN);
    sealed[sealed.length - 1] ^= 1;
    assertThatThrownBy(() -> cipher.open(ACME, ID, sealed))
        .isInstanceOfSatisfying(
            ChunkCorruptException.class,
            e -> {
              assertThat(e.scope()).isEqualTo(ACME);
              assertThat(e.chunkId()).isEqualTo(ID);
            })
        .hasMessage(
            "chunk "
                + ID
                + " of scope tenant-acme is corrupt: authentication failed (damaged, moved, or"
                + " sealed with another key)")
        .hasMessageNotContaining("plaintext");
  }

  @Test
  void anUnknownFormatVersionIsNamed() {
    byte[] sealed = cipher.seal(ACME, ID, PLAIN);
    sealed[0] = 9;
    assertThatThrownBy(() -> cipher.open(ACME, ID, sealed))
        .isInstanceOf(ChunkCorruptException.class)
        .hasMessageContaining("unknown format version 9");
    assertThatThrownBy(() -> cipher.open(ACME, ID, new byte[5]))
        .isInstanceOf(ChunkCorruptException.class)
        .hasMessageContaining("5 bytes long");
  }

  @Test
  void badChunkIdsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> cipher.seal(ACME, "", PLAIN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chunkId")
        .hasMessageContaining("1 to 256");
    assertThatThrownBy(() -> cipher.open(ACME, "x".repeat(257), new byte[40]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("257 characters");
    assertThat(cipher.open(ACME, "manifest-1", cipher.seal(ACME, "manifest-1", PLAIN)))
        .isEqualTo(PLAIN);
  }

  @Test
  void neverPrintsTheKey() {
    assertThat(cipher.toString())
        .isEqualTo("AesGcmChunkCipher[key=" + cipher.keyId() + "]")
        .doesNotContain(HexFormat.of().formatHex(KEY));
  }
}
