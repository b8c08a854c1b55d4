package dev.tdeveloper.security.crypto.internal;

import dev.tdeveloper.security.crypto.DecryptionException;
import dev.tdeveloper.security.spi.KeyManager;
import java.nio.ByteBuffer;

/**
 * The common start of every envelope ciphertext (see {@code EnvelopeEncryptor} for the layout):
 * {@code u8 format | i32 key version | i64 key id | u16 wrapped length | wrapped key}. Parsing
 * names the bad field, the value found and what is allowed. Immutable.
 *
 * @param format the format version ({@link #MESSAGE} or {@link #STREAM})
 * @param keyVersion the KEK version that wrapped the data key
 * @param keyId the data key's id
 * @param wrappedLength the wrapped key's length; it starts at {@link #FIXED}
 */
public record Header(byte format, int keyVersion, long keyId, int wrappedLength) {
  /** Format version of a one-shot message: {@value}. */
  public static final byte MESSAGE = 1;

  /** Format version of a chunked stream: {@value}. */
  public static final byte STREAM = 2;

  /** Bytes before the wrapped key: {@value}. */
  public static final int FIXED = 15;

  /** Returns the offset just past the wrapped key. */
  public int end() {
    return FIXED + wrappedLength;
  }

  /** Writes the header with {@code wrapped} into a new array with {@code extra} bytes after it. */
  public static byte[] write(byte format, int keyVersion, long keyId, byte[] wrapped, int extra) {
    return ByteBuffer.allocate(FIXED + wrapped.length + extra)
        .put(format)
        .putInt(keyVersion)
        .putLong(keyId)
        .putShort((short) wrapped.length)
        .put(wrapped)
        .array();
  }

  /**
   * Parses the fixed part of {@code bytes} (of which {@code length} are valid), checking the
   * wrapped key fits in {@code available} bytes.
   *
   * @throws DecryptionException naming the field, value and allowed range
   */
  public static Header parse(byte[] bytes, int length, long available) {
    if (length < FIXED) {
      throw new DecryptionException(
          "ciphertext is "
              + length
              + " bytes; its header needs at least "
              + FIXED
              + " (format version, key version, key id, wrapped key length)");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
    byte format = in.get();
    if (format != MESSAGE && format != STREAM) {
      throw new DecryptionException(
          String.format(
              "ciphertext header field 'format version' is 0x%02x; supported: 0x01 (message),"
                  + " 0x02 (stream)",
              format & 0xff));
    }
    int keyVersion = in.getInt();
    if (keyVersion < 1) {
      throw new DecryptionException(
          "ciphertext header field 'key version' is " + keyVersion + "; allowed: 1 to 2^31-1");
    }
    long keyId = in.getLong();
    int wrappedLength = in.getShort() & 0xffff;
    long room = Math.min(KeyManager.MAX_WRAPPED_LENGTH, available - FIXED);
    if (wrappedLength < 1 || wrappedLength > room) {
      throw new DecryptionException(
          "ciphertext header field 'wrapped key length' is "
              + wrappedLength
              + "; allowed: 1 to "
              + room
              + " (at most "
              + KeyManager.MAX_WRAPPED_LENGTH
              + " and what the ciphertext holds)");
    }
    return new Header(format, keyVersion, keyId, wrappedLength);
  }
}
