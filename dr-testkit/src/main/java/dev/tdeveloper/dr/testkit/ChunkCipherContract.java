package dev.tdeveloper.dr.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.ChunkCipher;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ChunkCipher} must pass: what is sealed opens to the same bytes and
 * hides them, every flipped bit, truncation or extension of a sealed chunk is detected with an
 * error naming the scope and chunk, a chunk only opens under the scope, id and key it was sealed
 * with, sealing the same plaintext twice gives different sealed forms, and many threads may share
 * one cipher. A backend's test extends this class and implements {@link #create()} and {@link
 * #createWithAnotherKey()}.
 */
public abstract class ChunkCipherContract {
  /** The cipher under test, created before each test. */
  protected ChunkCipher cipher;

  private final BackupScope acme = BackupScope.of(TenantId.of("acme"));
  private final BackupScope globex = BackupScope.of(TenantId.of("globex"));

  /** Returns a cipher. */
  protected abstract ChunkCipher create();

  /** Returns a cipher of the same kind whose key differs from that of {@link #create()}. */
  protected abstract ChunkCipher createWithAnotherKey();

  @BeforeEach
  void createCipher() {
    cipher = create();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String idOf(byte[] plain) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plain));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void assertRefused(BackupScope scope, String id, byte[] sealed, String what) {
    assertThatThrownBy(() -> cipher.open(scope, id, sealed))
        .as(what)
        .isInstanceOf(DrException.class)
        .hasMessageContaining(id)
        .hasMessageContaining(scope.key());
  }

  @Test
  void opensWhatItSealedAtEverySize() {
    Random random = new Random(42);
    for (int size : new int[] {0, 1, 15, 16, 17, 4096, 1 << 20}) {
      byte[] plain = new byte[size];
      random.nextBytes(plain);
      String id = idOf(plain);
      byte[] sealed = cipher.seal(acme, id, plain);
      assertThat(cipher.open(acme, id, sealed)).as("size " + size).isEqualTo(plain);
    }
  }

  @Test
  void sealedChunksHideThePlaintext() {
    byte[] plain = bytes("customer-ledger-row ".repeat(20));
    byte[] sealed = cipher.seal(acme, idOf(plain), plain);
    assertThat(sealed.length).isGreaterThan(plain.length);
    byte[] probe = Arrays.copyOf(plain, 16);
    for (int i = 0; i + probe.length <= sealed.length; i++) {
      assertThat(Arrays.copyOfRange(sealed, i, i + probe.length)).isNotEqualTo(probe);
    }
  }

  @Test
  void detectsAFlippedBitAtEveryPosition() {
    byte[] plain = bytes("small chunk");
    String id = idOf(plain);
    byte[] sealed = cipher.seal(acme, id, plain);
    for (int i = 0; i < sealed.length; i++) {
      for (int bit : new int[] {0x01, 0x80}) {
        byte[] tampered = sealed.clone();
        tampered[i] ^= (byte) bit;
        assertRefused(acme, id, tampered, "bit " + bit + " of byte " + i);
      }
    }
    assertThat(cipher.open(acme, id, sealed)).isEqualTo(plain);
  }

  @Test
  void detectsATruncatedOrExtendedChunk() {
    byte[] plain = bytes("small chunk");
    String id = idOf(plain);
    byte[] sealed = cipher.seal(acme, id, plain);
    for (int length = 0; length < sealed.length; length++) {
      assertRefused(acme, id, Arrays.copyOf(sealed, length), "cut to " + length + " bytes");
    }
    assertRefused(acme, id, Arrays.copyOf(sealed, sealed.length + 1), "one byte appended");
  }

  @Test
  void aChunkOpensOnlyUnderTheScopeAndIdItWasSealedFor() {
    byte[] plain = bytes("bound");
    String id = idOf(plain);
    String otherId = idOf(bytes("other"));
    byte[] sealed = cipher.seal(acme, id, plain);
    assertRefused(globex, id, sealed, "another tenant");
    assertRefused(BackupScope.platform(), id, sealed, "the platform");
    assertRefused(acme, otherId, sealed, "another chunk id");
    assertThat(cipher.open(acme, id, sealed)).isEqualTo(plain);
  }

  @Test
  void anotherKeyCannotOpenAChunk() {
    byte[] plain = bytes("secret");
    String id = idOf(plain);
    assertRefused(
        acme, id, createWithAnotherKey().seal(acme, id, plain), "sealed with another key");
  }

  @Test
  void sealingTheSamePlaintextTwiceGivesDifferentSealedForms() {
    byte[] plain = bytes("same plaintext");
    String id = idOf(plain);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      byte[] sealed = cipher.seal(acme, id, plain);
      assertThat(seen.add(HexFormat.of().formatHex(sealed))).as("seal " + i + " is new").isTrue();
      assertThat(cipher.open(acme, id, sealed)).isEqualTo(plain);
    }
  }

  @Test
  void leavesItsInputsUnchanged() {
    byte[] plain = bytes("input");
    String id = idOf(plain);
    byte[] sealed = cipher.seal(acme, id, plain);
    byte[] sealedCopy = sealed.clone();
    assertThat(plain).isEqualTo(bytes("input"));
    cipher.open(acme, id, sealed);
    assertThat(sealed).isEqualTo(sealedCopy);
  }

  @Test
  void refusesNullArguments() {
    byte[] plain = bytes("x");
    String id = idOf(plain);
    assertThatThrownBy(() -> cipher.seal(null, id, plain)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> cipher.seal(acme, null, plain))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> cipher.seal(acme, id, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> cipher.open(acme, id, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void manyThreadsShareOneCipher() throws Exception {
    Concurrently.run(
        8,
        t -> {
          BackupScope scope = t % 2 == 0 ? acme : globex;
          for (int i = 0; i < 200; i++) {
            byte[] plain = bytes("thread " + t + " chunk " + i);
            String id = idOf(plain);
            assertThat(cipher.open(scope, id, cipher.seal(scope, id, plain))).isEqualTo(plain);
          }
        });
  }
}
