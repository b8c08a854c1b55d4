package dev.tdeveloper.tenancy.spi;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * One keyed record of a tenant's data, as a {@link TenantDataStore} exports and imports it. The key
 * is a string of 1 to {@value #MAX_KEY_LENGTH} characters that is valid Unicode (no unpaired
 * surrogate) and has no NUL character, so every backend (PostgreSQL text, Redis, S3 keys) can hold
 * it; the value is any bytes, possibly none.
 *
 * <p>Immutable and thread-safe: the value is copied in and out. Records are equal when their keys
 * and value bytes are equal. {@link #toString()} shows the key and the value's length, never the
 * value, which may be sensitive.
 *
 * @param key the record's key within its tenant
 * @param value the record's bytes; the array is copied
 */
public record DataRecord(String key, byte[] value) {
  /** The longest key allowed, in UTF-16 characters: {@value}. */
  public static final int MAX_KEY_LENGTH = 1024;

  /**
   * The order stores export records in: by Unicode code point, which is also the unsigned byte
   * order of the keys' UTF-8 encoding (PostgreSQL's {@code COLLATE "C"}, Redis lexicographic
   * order).
   */
  public static final Comparator<String> KEY_ORDER = DataRecord::compareKeys;

  /**
   * Validates the key and copies the value.
   *
   * @throws NullPointerException if {@code key} or {@code value} is null
   * @throws IllegalArgumentException if the key is empty, too long, has a NUL character or an
   *     unpaired surrogate
   */
  public DataRecord {
    requireValidKey(key);
    value = Objects.requireNonNull(value, "value").clone();
  }

  /**
   * Returns {@code key} if it is a valid record key.
   *
   * @throws NullPointerException if {@code key} is null
   * @throws IllegalArgumentException naming what is wrong with the key
   */
  public static String requireValidKey(String key) {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "key must be 1-" + MAX_KEY_LENGTH + " characters, was " + key.length());
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '\u0000') {
        throw new IllegalArgumentException("key has a NUL character at index " + i);
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < key.length()
          && Character.isLowSurrogate(key.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException("key has an unpaired surrogate at index " + i);
      }
    }
    return key;
  }

  /** Returns a copy of the value. */
  @Override
  public byte[] value() {
    return value.clone();
  }

  /** Returns a read-only view of the value, without copying it. */
  public ByteBuffer valueView() {
    return ByteBuffer.wrap(value).asReadOnlyBuffer();
  }

  /** Returns the value's length in bytes. */
  public int valueLength() {
    return value.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DataRecord that
        && key.equals(that.key)
        && Arrays.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return 31 * key.hashCode() + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "DataRecord[key=" + key + ", value=" + value.length + " bytes]";
  }

  private static int compareKeys(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
