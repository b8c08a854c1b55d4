package dev.tdeveloper.distribution.crdt;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Encodes the elements, keys and values a CRDT holds, in binary and in JSON, for {@link CrdtCodec}.
 * Built-ins cover {@link #string() String}, {@link #int64() Long} and {@link #bytes() byte[]}; an
 * application supplies its own for other types.
 *
 * <p>Implementations must be thread-safe and must round-trip: {@code fromBytes(toBytes(v))} and
 * {@code fromJson(toJson(v))} equal {@code v}.
 *
 * @param <T> the value type
 */
public interface ValueCodec<T> {
  /**
   * Encodes a value.
   *
   * @param value the value, not null
   * @return its bytes
   */
  byte[] toBytes(T value);

  /**
   * Decodes a value.
   *
   * @param bytes what {@link #toBytes} produced
   * @return the value
   * @throws IllegalArgumentException if the bytes are not a valid value
   */
  T fromBytes(byte[] bytes);

  /**
   * Encodes a value as JSON.
   *
   * @param value the value, not null
   * @return its JSON tree
   */
  JsonNode toJson(T value);

  /**
   * Decodes a value from JSON.
   *
   * @param json what {@link #toJson} produced
   * @return the value
   * @throws IllegalArgumentException if the JSON is not a valid value
   */
  T fromJson(JsonNode json);

  /** Returns the codec of strings: strict UTF-8 bytes, a JSON string. */
  static ValueCodec<String> string() {
    return ValueCodecs.STRING;
  }

  /** Returns the codec of longs: 8 big-endian bytes, a JSON number. */
  static ValueCodec<Long> int64() {
    return ValueCodecs.INT64;
  }

  /** Returns the codec of byte arrays: the bytes themselves, a base64 JSON string. */
  static ValueCodec<byte[]> bytes() {
    return ValueCodecs.BYTES;
  }
}
