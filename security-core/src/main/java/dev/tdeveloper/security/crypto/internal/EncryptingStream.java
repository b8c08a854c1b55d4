package dev.tdeveloper.security.crypto.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import javax.crypto.Cipher;

/**
 * Encrypts into the chunked stream format. A full chunk is sealed only once more data arrives, so
 * that {@link #close} can mark the real last chunk (possibly empty). Not thread-safe.
 */
final class EncryptingStream extends OutputStream {
  private final OutputStream sink;
  private final Chunks chunks;
  private final byte[] buffer;
  private int filled;
  private boolean closed;

  EncryptingStream(DataKey key, byte[] context, OutputStream sink, int chunkSize)
      throws IOException {
    this.sink = sink;
    byte[] tail = Chunks.newTail(chunkSize);
    this.chunks = new Chunks(key, tail, context);
    this.buffer = new byte[chunkSize];
    byte[] header = Header.write(Header.STREAM, key.keyVersion, key.id, key.wrapped, Chunks.TAIL);
    System.arraycopy(tail, 0, header, header.length - Chunks.TAIL, Chunks.TAIL);
    sink.write(header);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (closed) {
      throw new IOException("encrypting stream is closed");
    }
    while (length > 0) {
      if (filled == buffer.length) {
        sink.write(chunks.next(Cipher.ENCRYPT_MODE, buffer, 0, filled, false));
        filled = 0;
      }
      int n = Math.min(length, buffer.length - filled);
      System.arraycopy(bytes, offset, buffer, filled, n);
      filled += n;
      offset += n;
      length -= n;
    }
  }

  /** Writes the last chunk and closes the sink; idempotent. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try (OutputStream out = sink) {
      out.write(chunks.next(Cipher.ENCRYPT_MODE, buffer, 0, filled, true));
    }
  }
}
