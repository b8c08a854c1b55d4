package dev.tdeveloper.security.crypto.internal;

import dev.tdeveloper.security.crypto.DecryptionException;
import dev.tdeveloper.tenancy.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;

/**
 * Decrypts the chunked stream format, reading one byte past each full chunk to learn whether it is
 * the last; plaintext is released only chunk by authenticated chunk. Not thread-safe.
 */
final class DecryptingStream extends InputStream {
  private final InputStream source;
  private final Chunks chunks;
  private final byte[] in;
  private int carried;
  private byte[] plain = new byte[0];
  private int position;
  private boolean finished;

  private DecryptingStream(InputStream source, Chunks chunks, int chunkSize) {
    this.source = source;
    this.chunks = chunks;
    this.in = new byte[chunkSize + Gcm.TAG_BYTES + 1];
  }

  static DecryptingStream open(
      DefaultEnvelopeEncryptor encryptor, TenantId tenant, byte[] context, InputStream source)
      throws IOException {
    byte[] fixed = new byte[Header.FIXED];
    int got = readFully(source, fixed, 0, fixed.length);
    Header header = Header.parse(fixed, got, Long.MAX_VALUE);
    if (header.format() != Header.STREAM) {
      throw new DecryptionException(
          "ciphertext has format version 0x01 (message); decrypt it with decrypt");
    }
    byte[] all = Arrays.copyOf(fixed, header.end() + Chunks.TAIL);
    int rest = all.length - Header.FIXED;
    if (readFully(source, all, Header.FIXED, rest) < rest) {
      throw new DecryptionException(
          "stream ends inside its " + all.length + "-byte header: it was truncated");
    }
    int chunkSize = ByteBuffer.wrap(all, all.length - 4, 4).getInt();
    if (chunkSize < 16 || chunkSize > 1 << 24) {
      throw new DecryptionException(
          "stream header field 'chunk size' is " + chunkSize + "; allowed: 16 to " + (1 << 24));
    }
    DataKey key = encryptor.decryptionKey(tenant, header, all);
    byte[] tail = Arrays.copyOfRange(all, header.end(), all.length);
    return new DecryptingStream(source, new Chunks(key, tail, context), chunkSize);
  }

  private static int readFully(InputStream source, byte[] bytes, int offset, int length)
      throws IOException {
    int total = 0;
    while (total < length) {
      int n = source.read(bytes, offset + total, length - total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (length == 0) {
      return 0;
    }
    while (position == plain.length) {
      if (finished) {
        return -1;
      }
      nextChunk();
    }
    int n = Math.min(length, plain.length - position);
    System.arraycopy(plain, position, bytes, offset, n);
    position += n;
    return n;
  }

  private void nextChunk() throws IOException {
    int filled = carried + readFully(source, in, carried, in.length - carried);
    boolean last = filled < in.length;
    int size = last ? filled : in.length - 1;
    if (size < Gcm.TAG_BYTES) {
      throw new DecryptionException(
          "stream ends "
              + (size == 0 ? "" : size + " bytes into ")
              + "chunk "
              + chunks.sequence()
              + " before its 16-byte tag: it was truncated");
    }
    plain = chunks.next(Cipher.DECRYPT_MODE, in, 0, size, last);
    position = 0;
    if (last) {
      finished = true;
    } else {
      in[0] = in[in.length - 1];
      carried = 1;
    }
  }

  @Override
  public void close() throws IOException {
    finished = true;
    source.close();
  }
}
