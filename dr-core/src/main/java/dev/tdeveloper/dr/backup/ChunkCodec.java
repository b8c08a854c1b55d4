package dev.tdeveloper.dr.backup;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.ChunkCipher;
import java.util.Arrays;

/**
 * Turns a chunk's plaintext into what the store keeps and back: a one-byte header (stored as is, or
 * zstd with the plaintext length in four more bytes; compression is skipped when it does not make
 * the chunk smaller, or when a sample of the chunk does not compress), then sealed by the {@link
 * ChunkCipher}. Opening checks everything: the seal authenticates, the header is known, the payload
 * decompresses to the recorded length and hashes to the chunk id. Immutable and thread-safe.
 */
final class ChunkCodec {
  private static final byte STORED = 0;
  private static final byte ZSTD = 1;
  private static final int SAMPLE = 4096;

  private final ChunkCipher cipher;
  private final int level;

  ChunkCodec(ChunkCipher cipher, int level) {
    this.cipher = cipher;
    this.level = level;
  }

  /** Returns the sealed form of {@code length} bytes of {@code plain} from {@code offset}. */
  byte[] seal(BackupScope scope, String chunkId, byte[] plain, int offset, int length) {
    return cipher.seal(scope, chunkId, frame(chunkId, plain, offset, length));
  }

  private byte[] frame(String chunkId, byte[] plain, int offset, int length) {
    if (looksIncompressible(plain, offset, length)) {
      return stored(plain, offset, length);
    }
    byte[] compressed = new byte[5 + (int) Zstd.compressBound(length)];
    long size =
        Zstd.compressByteArray(compressed, 5, compressed.length - 5, plain, offset, length, level);
    if (Zstd.isError(size)) {
      throw new DrException(
          "zstd cannot compress chunk " + chunkId + ": " + Zstd.getErrorName(size));
    }
    if (size + 4 >= length) {
      return stored(plain, offset, length);
    }
    compressed[0] = ZSTD;
    compressed[1] = (byte) (length >>> 24);
    compressed[2] = (byte) (length >>> 16);
    compressed[3] = (byte) (length >>> 8);
    compressed[4] = (byte) length;
    return Arrays.copyOf(compressed, 5 + (int) size);
  }

  private static byte[] stored(byte[] plain, int offset, int length) {
    byte[] framed = new byte[1 + length];
    framed[0] = STORED;
    System.arraycopy(plain, offset, framed, 1, length);
    return framed;
  }

  /**
   * Returns whether a chunk of at least {@code 4 x} {@value #SAMPLE} bytes is not worth
   * compressing: zstd level 1 saves less than 1/32 of a {@value #SAMPLE}-byte sample from its
   * middle (already compressed or encrypted data). Costs about a sixteenth of compressing a 64 KiB
   * chunk.
   */
  private static boolean looksIncompressible(byte[] plain, int offset, int length) {
    if (length < 4 * SAMPLE) {
      return false;
    }
    byte[] out = new byte[(int) Zstd.compressBound(SAMPLE)];
    long size = Zstd.compressByteArray(out, 0, out.length, plain, offset + length / 2, SAMPLE, 1);
    return !Zstd.isError(size) && size > SAMPLE - SAMPLE / 32;
  }

  /**
   * Returns the verified plaintext of a sealed chunk.
   *
   * @throws DrException naming the chunk if it does not authenticate, decode or match its id
   */
  byte[] open(BackupScope scope, String chunkId, byte[] sealed) {
    byte[] framed = cipher.open(scope, chunkId, sealed);
    byte[] plain;
    if (framed.length >= 1 && framed[0] == STORED) {
      plain = Arrays.copyOfRange(framed, 1, framed.length);
    } else if (framed.length >= 5 && framed[0] == ZSTD) {
      int length =
          ((framed[1] & 0xff) << 24)
              | ((framed[2] & 0xff) << 16)
              | ((framed[3] & 0xff) << 8)
              | (framed[4] & 0xff);
      if (length < 1 || length > ChunkerSettings.MAX_CHUNK) {
        throw new DrException("chunk " + chunkId + " records an impossible length " + length);
      }
      plain = new byte[length];
      long size;
      try {
        size = Zstd.decompressByteArray(plain, 0, length, framed, 5, framed.length - 5);
      } catch (ZstdException e) {
        throw new DrException("chunk " + chunkId + " does not decompress: " + e.getMessage(), e);
      }
      if (Zstd.isError(size) || size != length) {
        throw new DrException("chunk " + chunkId + " does not decompress to " + length + " bytes");
      }
    } else {
      throw new DrException("chunk " + chunkId + " has an unknown header");
    }
    String actual = Sha256.hex(plain, 0, plain.length);
    if (!actual.equals(chunkId)) {
      throw new DrException("chunk " + chunkId + " holds content hashing to " + actual);
    }
    return plain;
  }
}
