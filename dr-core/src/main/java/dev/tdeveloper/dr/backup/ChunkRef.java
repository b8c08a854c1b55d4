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
    if (!isLowerHex64(id)) {
      throw new IllegalArgumentException(
          "chunk id must be 64 lower-case hex digits (a SHA-256), got '" + shorten(id) + "'");
    }
    return id;
  }

  /** A loop, not a stream: every chunk reference of every manifest read passes here. */
  private static boolean isLowerHex64(String id) {
    if (id.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = id.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  private static String shorten(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
