package dev.tdeveloper.security.crypto;

import static dev.tdeveloper.security.crypto.Fixture.ACME;
import static dev.tdeveloper.security.crypto.Fixture.GLOBEX;
import static dev.tdeveloper.security.crypto.Fixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamingEncryptionTest {
  private static final int CHUNK = 64;
  private static final int SEALED = CHUNK + 16;

  @TempDir Path temp;
  Fixture fx;
  EnvelopeEncryptor enc;

  @BeforeEach
  void setUp() {
    fx = new Fixture(temp);
    fx.keys.rotate(ACME);
    fx.keys.rotate(GLOBEX);
    enc = fx.encryptor().chunkSize(CHUNK).build();
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  private byte[] encrypt(byte[] plaintext) throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (OutputStream out = enc.encryptingStream(ACME, bytes("file"), sink)) {
      for (int i = 0; i < plaintext.length; i += 7) {
        out.write(plaintext, i, Math.min(7, plaintext.length - i));
      }
    }
    return sink.toByteArray();
  }

  private byte[] decrypt(byte[] ciphertext) throws IOException {
    try (InputStream in =
        enc.decryptingStream(ACME, bytes("file"), new ByteArrayInputStream(ciphertext))) {
      return in.readAllBytes();
    }
  }

  private static int headerLength(byte[] ciphertext) {
    return 15 + ByteBuffer.wrap(ciphertext, 13, 2).getShort() + 27;
  }

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 10 * CHUNK + 5, 100_000})
  void roundTripsAnySize(int size) throws IOException {
    byte[] plaintext = random(size);
    byte[] ciphertext = encrypt(plaintext);
    int chunks = Math.max(1, (size + CHUNK - 1) / CHUNK); // a full last chunk is the final one
    assertThat(ciphertext).hasSize(headerLength(ciphertext) + size + 16 * chunks);
    assertThat(ciphertext[0]).as("stream format version").isEqualTo((byte) 2);
    assertThat(decrypt(ciphertext)).isEqualTo(plaintext);
  }

  @Test
  void truncationAtAChunkBoundaryIsDetected() throws IOException {
    byte[] ciphertext = encrypt(random(3 * CHUNK + 10));
    int h = headerLength(ciphertext);
    for (int chunks = 0; chunks <= 3; chunks++) {
      byte[] cut = Arrays.copyOf(ciphertext, h + chunks * SEALED);
      assertThatThrownBy(() -> decrypt(cut))
          .as("cut after %d chunks", chunks)
          .isInstanceOf(DecryptionException.class);
    }
    byte[] midChunk = Arrays.copyOf(ciphertext, h + SEALED + 20);
    assertThatThrownBy(() -> decrypt(midChunk)).isInstanceOf(DecryptionException.class);
  }

  @Test
  void reorderedDroppedOrDuplicatedChunksAreDetected() throws IOException {
    byte[] ciphertext = encrypt(random(4 * CHUNK));
    int h = headerLength(ciphertext);
    byte[] swapped = ciphertext.clone();
    System.arraycopy(ciphertext, h, swapped, h + SEALED, SEALED);
    System.arraycopy(ciphertext, h + SEALED, swapped, h, SEALED);
    assertThatThrownBy(() -> decrypt(swapped))
        .isInstanceOf(DecryptionException.class)
        .hasMessageContaining("stream chunk 0");
    ByteArrayOutputStream dropped = new ByteArrayOutputStream();
    dropped.write(ciphertext, 0, h + SEALED);
    dropped.write(ciphertext, h + 2 * SEALED, ciphertext.length - h - 2 * SEALED);
    assertThatThrownBy(() -> decrypt(dropped.toByteArray()))
        .isInstanceOf(DecryptionException.class)
        .hasMessageContaining("stream chunk 1");
    ByteArrayOutputStream duplicated = new ByteArrayOutputStream();
    duplicated.write(ciphertext, 0, h + SEALED);
    duplicated.write(ciphertext, h, ciphertext.length - h);
    assertThatThrownBy(() -> decrypt(duplicated.toByteArray()))
        .isInstanceOf(DecryptionException.class);
  }

  @Test
  void flippingAnyByteIsDetected() throws IOException {
    byte[] ciphertext = encrypt(random(2 * CHUNK + 3));
    for (int i = 0; i < ciphertext.length; i++) {
      byte[] altered = ciphertext.clone();
      altered[i] ^= 0x01;
      assertThatThrownBy(() -> decrypt(altered))
          .as("byte %d", i)
          .isInstanceOf(CryptoException.class);
    }
  }

  @Test
  void anotherTenantOrContextCannotReadTheStream() throws IOException {
    byte[] ciphertext = encrypt(random(100));
    assertThatThrownBy(
            () ->
                enc.decryptingStream(GLOBEX, bytes("file"), new ByteArrayInputStream(ciphertext))
                    .readAllBytes())
        .isInstanceOf(DecryptionException.class);
    assertThatThrownBy(
            () ->
                enc.decryptingStream(ACME, bytes("other"), new ByteArrayInputStream(ciphertext))
                    .readAllBytes())
        .isInstanceOf(DecryptionException.class);
  }

  @Test
  void formatsAreNotMixedUp() throws IOException {
    byte[] stream = encrypt(random(10));
    assertThatThrownBy(() -> enc.decrypt(ACME, stream, bytes("file")))
        .hasMessageContaining("decryptingStream");
    byte[] message = enc.encrypt(ACME, random(10), bytes("file"));
    assertThatThrownBy(() -> decrypt(message)).hasMessageContaining("(message)");
    fx.keys.rotate(ACME);
    assertThat(decrypt(enc.rewrap(ACME, stream))).isEqualTo(random(10));
  }
}
