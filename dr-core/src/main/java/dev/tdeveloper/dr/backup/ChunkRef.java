package dev.tdeveloper.dr.backup;

import java.util.Objects;

/**
 * One chunk of a backed-up file: its id (the lower-case hex SHA-256 of its plaintext) and its
 * plaintext size. Immutable.
 *
 * @param id the chunk id, 64 lower-case hex digits
 * @param size the plaintext size in bytes, at least 1
 */
public record ChunkRef(String id, int size) {
  /** Checks the id and size. */
  public ChunkRef {
    requireChunkId(id);
    if (size < 1) {
      throw new IllegalArgumentException("ChunkRef.size must be >= 1, got " + size);
    }
  }

  /**
   * Returns {@code id} if it is 64 lower-case hex digits.
   *
   * @throws IllegalArgumentException otherwise, quoting it
   */
  static String requireChunkId(String id) {
    Objects.requireNonNull(id, "id");
    if (id.length() != 64
        || !id.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      throw new IllegalArgumentException(
          "chunk id must be 64 lower-case hex digits (a SHA-256), got '" + shorten(id) + "'");
    }
    return id;
  }

  private static String shorten(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
