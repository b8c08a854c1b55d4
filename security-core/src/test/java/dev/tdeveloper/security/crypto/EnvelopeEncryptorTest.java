package dev.tdeveloper.security.crypto;

import static dev.tdeveloper.security.crypto.Fixture.ACME;
import static dev.tdeveloper.security.crypto.Fixture.GLOBEX;
import static dev.tdeveloper.security.crypto.Fixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.spi.KeyState;
import dev.tdeveloper.security.spi.KeyUnavailableException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvelopeEncryptorTest {
  @TempDir Path temp;
  Fixture fx;
  EnvelopeEncryptor enc;

  @BeforeEach
  void setUp() {
    fx = new Fixture(temp);
    fx.keys.rotate(ACME);
    fx.keys.rotate(GLOBEX);
    enc = fx.encryptor().build();
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  private static long keyIdOf(byte[] ciphertext) {
    return ByteBuffer.wrap(ciphertext, 5, 8).getLong();
  }

  @Test
  void roundTripsAndLaysOutTheDocumentedHeader() {
    byte[] ct = enc.encrypt(ACME, bytes("hello"), bytes("order/1"));
    assertThat(ct[0]).as("format version").isEqualTo((byte) 1);
    assertThat(ByteBuffer.wrap(ct, 1, 4).getInt()).as("key version").isEqualTo(1);
    int wrapped = ByteBuffer.wrap(ct, 13, 2).getShort();
    assertThat(ct).hasSize(15 + wrapped + 12 + 5 + 16);
    assertThat(enc.decrypt(ACME, ct, bytes("order/1"))).isEqualTo(bytes("hello"));
    assertThat(enc.decrypt(ACME, enc.encrypt(ACME, new byte[0], new byte[0]), new byte[0]))
        .isEmpty();
  }

  @Test
  void flippingAnyByteOfACiphertextMakesDecryptionFail() {
    byte[] ct = enc.encrypt(ACME, bytes("sixteen byte msg"), bytes("ctx"));
    for (int i = 0; i < ct.length; i++) {
      for (int bit : new int[] {0x01, 0x80}) {
        byte[] altered = ct.clone();
        altered[i] ^= (byte) bit;
        assertThatThrownBy(() -> enc.decrypt(ACME, altered, bytes("ctx")))
            .as("byte %d bit %x", i, bit)
            .isInstanceOf(CryptoException.class);
      }
    }
    assertThat(enc.decrypt(ACME, ct, bytes("ctx"))).isEqualTo(bytes("sixteen byte msg"));
  }

  @Test
  void anotherTenantOrContextNeverDecrypts() {
    byte[] ct = enc.encrypt(ACME, bytes("secret"), bytes("ctx"));
    assertThatThrownBy(() -> enc.decrypt(GLOBEX, ct, bytes("ctx")))
        .isInstanceOf(DecryptionException.class);
    assertThatThrownBy(() -> enc.decrypt(ACME, ct, bytes("ctx2")))
        .isInstanceOf(DecryptionException.class)
        .hasMessageContaining("another tenant or context");
    fx.keys.rotate(GLOBEX);
    assertThatThrownBy(() -> enc.decrypt(GLOBEX, ct, bytes("ctx")))
        .as("even when the other tenant has the same key version")
        .isInstanceOf(DecryptionException.class);
  }

  @Test
  void malformedHeadersNameTheFieldTheValueAndWhatIsAllowed() {
    byte[] ct = enc.encrypt(ACME, bytes("x"), new byte[0]);
    assertThatThrownBy(() -> enc.decrypt(ACME, Arrays.copyOf(ct, 10), new byte[0]))
        .isInstanceOf(DecryptionException.class)
        .hasMessageContaining("10 bytes")
        .hasMessageContaining("at least 15");
    byte[] format = ct.clone();
    format[0] = 7;
    assertThatThrownBy(() -> enc.decrypt(ACME, format, new byte[0]))
        .hasMessageContaining("'format version' is 0x07")
        .hasMessageContaining("supported: 0x01");
    byte[] version = ct.clone();
    ByteBuffer.wrap(version, 1, 4).putInt(0);
    assertThatThrownBy(() -> enc.decrypt(ACME, version, new byte[0]))
        .hasMessageContaining("'key version' is 0");
    byte[] length = ct.clone();
    ByteBuffer.wrap(length, 13, 2).putShort((short) 5000);
    assertThatThrownBy(() -> enc.decrypt(ACME, length, new byte[0]))
        .hasMessageContaining("'wrapped key length' is 5000");
    assertThatThrownBy(() -> enc.decrypt(ACME, Arrays.copyOf(ct, ct.length - 20), new byte[0]))
        .hasMessageContaining("needs at least");
  }

  @Test
  void reusesADataKeyUntilItsUseCountThenMakesANewOne() {
    EnvelopeEncryptor limited = fx.encryptor().dataKeyMaximumUses(3).build();
    long[] ids = new long[7];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = keyIdOf(limited.encrypt(ACME, bytes("m" + i), new byte[0]));
    }
    assertThat(ids[0]).isEqualTo(ids[1]).isEqualTo(ids[2]);
    assertThat(ids[3]).isNotEqualTo(ids[2]).isEqualTo(ids[4]).isEqualTo(ids[5]);
    assertThat(ids[6]).isNotEqualTo(ids[5]);
  }

  @Test
  void replacesADataKeyOnceItIsOlderThanItsMaximumAge() {
    EnvelopeEncryptor aging = fx.encryptor().dataKeyMaximumAge(Duration.ofMinutes(10)).build();
    byte[] first = aging.encrypt(ACME, bytes("a"), new byte[0]);
    fx.clock.advance(Duration.ofMinutes(9));
    assertThat(keyIdOf(aging.encrypt(ACME, bytes("b"), new byte[0]))).isEqualTo(keyIdOf(first));
    fx.clock.advance(Duration.ofMinutes(1));
    assertThat(keyIdOf(aging.encrypt(ACME, bytes("c"), new byte[0]))).isNotEqualTo(keyIdOf(first));
    assertThat(aging.decrypt(ACME, first, new byte[0])).isEqualTo(bytes("a"));
  }

  @Test
  void newCiphertextsUseTheNewPrimaryVersionAndOldOnesStillDecrypt() {
    byte[] old = enc.encrypt(ACME, bytes("old"), new byte[0]);
    fx.keys.rotate(ACME);
    byte[] fresh = enc.encrypt(ACME, bytes("new"), new byte[0]);
    assertThat(enc.keyVersionOf(old)).isEqualTo(1);
    assertThat(enc.keyVersionOf(fresh)).isEqualTo(2);
    assertThat(enc.decrypt(ACME, old, new byte[0])).isEqualTo(bytes("old"));
  }

  @Test
  void disabledVersionsStopDecryptingAtOnceAndResumeWhenEnabled() {
    byte[] ct = enc.encrypt(ACME, bytes("data"), new byte[0]);
    fx.keys.rotate(ACME);
    fx.keys.disable(ACME, 1);
    assertThatThrownBy(() -> enc.decrypt(ACME, ct, new byte[0]))
        .isInstanceOfSatisfying(
            KeyUnavailableException.class, e -> assertThat(e.state()).contains(KeyState.DISABLED));
    fx.keys.enable(ACME, 1);
    assertThat(enc.decrypt(ACME, ct, new byte[0])).isEqualTo(bytes("data"));
  }

  @Test
  void rewrapMovesTheDataKeyToThePrimaryVersionWithoutTouchingTheData() {
    byte[] ct = enc.encrypt(ACME, bytes("payload"), bytes("ctx"));
    fx.keys.rotate(ACME);
    byte[] moved = enc.rewrap(ACME, ct);
    assertThat(enc.keyVersionOf(moved)).isEqualTo(2);
    int body = 12 + 7 + 16;
    assertThat(Arrays.copyOfRange(moved, moved.length - body, moved.length))
        .isEqualTo(Arrays.copyOfRange(ct, ct.length - body, ct.length));
    fx.keys.destroy(ACME, 1);
    EnvelopeEncryptor fresh = fx.encryptor().build();
    assertThat(fresh.decrypt(ACME, moved, bytes("ctx"))).isEqualTo(bytes("payload"));
    assertThatThrownBy(() -> fresh.decrypt(ACME, ct, bytes("ctx")))
        .isInstanceOf(KeyUnavailableException.class);
    assertThat(enc.rewrap(ACME, moved)).isEqualTo(moved);
  }

  @Test
  void encryptingWithoutAPrimaryVersionSaysWhy() {
    fx.keys.disable(ACME, 1);
    assertThatThrownBy(() -> enc.encrypt(ACME, bytes("x"), new byte[0]))
        .isInstanceOf(KeyUnavailableException.class)
        .hasMessageContaining("acme")
        .hasMessageContaining("rotate or enable");
  }

  @Test
  void builderRejectsBadSettingsNamingThem() {
    EnvelopeEncryptorBuilder b = fx.encryptor();
    assertThatThrownBy(() -> b.dataKeyMaximumUses(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dataKeyMaximumUses must be 1 to 2^31")
        .hasMessageContaining("was 0");
    assertThatThrownBy(() -> b.dataKeyMaximumUses((1L << 32)))
        .hasMessageContaining("was 4294967296");
    assertThatThrownBy(() -> b.dataKeyMaximumAge(Duration.ZERO))
        .hasMessageContaining("dataKeyMaximumAge must be at least");
    assertThatThrownBy(() -> b.chunkSize(8)).hasMessageContaining("chunkSize must be 16 to");
    assertThatThrownBy(() -> b.maximumCachedKeys(0)).hasMessageContaining("maximumCachedKeys");
    assertThatThrownBy(() -> b.ticker(fx.clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ticker was already set");
    b.dataKeyMaximumUses(5);
    assertThatThrownBy(() -> b.dataKeyMaximumUses(6))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already set to 5");
    assertThatThrownBy(() -> enc.encrypt(ACME, null, new byte[0]))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("plaintext");
  }
}
