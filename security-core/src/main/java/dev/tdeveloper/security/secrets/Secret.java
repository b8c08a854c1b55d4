package dev.tdeveloper.security.secrets;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * A secret value (a password, an API key, a signing key): 1 or more bytes, text as UTF-8. It never
 * shows itself: {@link #toString()} prints {@code Secret[redacted]}, and equality is by identity
 * (compare values with {@link #sameValueAs}, in constant time). Every accessor returns a copy, and
 * {@link #destroy()} wipes the held bytes; a destroyed secret throws {@link IllegalStateException}
 * from every accessor.
 *
 * <p>Thread-safe. Prefer {@link #bytes()} or {@link #chars()}, which the caller can wipe, over
 * {@link #stringValue()}, whose {@link String} lingers until garbage collected.
 */
public final class Secret implements Destroyable {
  private byte[] value;

  private Secret(byte[] value) {
    if (value.length == 0) {
      throw new IllegalArgumentException("a secret must not be empty");
    }
    this.value = value;
  }

  /**
   * Returns a secret holding a copy of {@code bytes}.
   *
   * @throws IllegalArgumentException if {@code bytes} is empty
   */
  public static Secret of(byte[] bytes) {
    return new Secret(Objects.requireNonNull(bytes, "bytes").clone());
  }

  /**
   * Returns a secret holding {@code chars} encoded as UTF-8; the caller may wipe {@code chars}.
   *
   * @throws IllegalArgumentException if {@code chars} is empty or not valid UTF-16
   */
  public static Secret ofChars(char[] chars) {
    Objects.requireNonNull(chars, "chars");
    ByteBuffer encoded;
    try {
      encoded =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(chars));
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("a secret's characters must be valid UTF-16", e);
    }
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    wipe(encoded);
    return new Secret(bytes);
  }

  /**
   * Returns a secret holding {@code text} as UTF-8.
   *
   * @throws IllegalArgumentException if {@code text} is empty or not valid UTF-16
   */
  public static Secret ofString(String text) {
    char[] chars = Objects.requireNonNull(text, "text").toCharArray();
    try {
      return ofChars(chars);
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  /**
   * Returns a copy of the bytes; wipe it when done.
   *
   * @throws IllegalStateException if destroyed
   */
  public synchronized byte[] bytes() {
    return held().clone();
  }

  /**
   * Returns the value decoded from UTF-8 (malformed bytes replaced); wipe it when done.
   *
   * @throws IllegalStateException if destroyed
   */
  public synchronized char[] chars() {
    CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(held()));
    char[] chars = new char[decoded.remaining()];
    decoded.get(chars);
    decoded.clear();
    while (decoded.hasRemaining()) {
      decoded.put('\0');
    }
    return chars;
  }

  /**
   * Returns the value decoded from UTF-8 as a {@link String}, which cannot be wiped.
   *
   * @throws IllegalStateException if destroyed
   */
  public synchronized String stringValue() {
    return new String(held(), StandardCharsets.UTF_8);
  }

  /**
   * Returns the length in bytes.
   *
   * @throws IllegalStateException if destroyed
   */
  public synchronized int length() {
    return held().length;
  }

  /**
   * Returns an independent copy (destroying one does not destroy the other).
   *
   * @throws IllegalStateException if destroyed
   */
  public Secret copy() {
    return new Secret(bytes());
  }

  /**
   * Returns whether {@code other} holds the same bytes, comparing in time independent of where they
   * differ.
   *
   * @throws IllegalStateException if either is destroyed
   */
  public boolean sameValueAs(Secret other) {
    byte[] theirs = Objects.requireNonNull(other, "other").bytes();
    try {
      synchronized (this) {
        return MessageDigest.isEqual(held(), theirs);
      }
    } finally {
      Arrays.fill(theirs, (byte) 0);
    }
  }

  /** Overwrites the held bytes with zeros and drops them; idempotent. */
  @Override
  public synchronized void destroy() {
    if (value != null) {
      Arrays.fill(value, (byte) 0);
      value = null;
    }
  }

  @Override
  public synchronized boolean isDestroyed() {
    return value == null;
  }

  /** Returns {@code Secret[redacted]} (or {@code Secret[destroyed]}), never the value. */
  @Override
  public synchronized String toString() {
    return value == null ? "Secret[destroyed]" : "Secret[redacted]";
  }

  private byte[] held() {
    if (value == null) {
      throw new IllegalStateException("the secret was destroyed");
    }
    return value;
  }

  private static void wipe(ByteBuffer buffer) {
    if (buffer.hasArray()) {
      Arrays.fill(buffer.array(), (byte) 0);
    }
  }
}
