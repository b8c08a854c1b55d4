package dev.tdeveloper.dr.crypto;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import java.util.Objects;

/**
 * Thrown when a sealed chunk does not authenticate: it was corrupted, tampered with, truncated,
 * moved to another scope or id, or sealed with another key. Its plaintext is never returned.
 * Carries the scope and chunk id so a verifier or a refused restore can name it.
 */
public class ChunkCorruptException extends DrException {
  private static final long serialVersionUID = 1L;

  private final transient BackupScope scope;
  private final String chunkId;

  /**
   * Creates the exception.
   *
   * @param scope the scope the chunk was opened in
   * @param chunkId the chunk's id
   * @param reason why it failed, such as {@code "authentication failed"}
   * @param cause the underlying failure, or null
   */
  public ChunkCorruptException(BackupScope scope, String chunkId, String reason, Throwable cause) {
    super("chunk " + chunkId + " of scope " + scope.key() + " is corrupt: " + reason, cause);
    this.scope = Objects.requireNonNull(scope, "scope");
    this.chunkId = Objects.requireNonNull(chunkId, "chunkId");
  }

  /** Returns the scope the chunk was opened in. */
  public BackupScope scope() {
    return scope;
  }

  /** Returns the chunk's id. */
  public String chunkId() {
    return chunkId;
  }
}
