package dev.tdeveloper.dr.store;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import java.util.Objects;

/**
 * Thrown when a chunk a backup needs is not in the store: the backup it belongs to cannot be
 * restored in full. Carries the scope and chunk id so a verifier can report it.
 */
public class ChunkNotFoundException extends DrException {
  private static final long serialVersionUID = 1L;

  private final transient BackupScope scope;
  private final String chunkId;

  /**
   * Creates the exception for a missing chunk.
   *
   * @param scope the scope that was searched
   * @param chunkId the id of the missing chunk
   */
  public ChunkNotFoundException(BackupScope scope, String chunkId) {
    super("chunk " + chunkId + " is missing from scope " + scope.key());
    this.scope = Objects.requireNonNull(scope, "scope");
    this.chunkId = Objects.requireNonNull(chunkId, "chunkId");
  }

  /** Returns the scope that was searched. */
  public BackupScope scope() {
    return scope;
  }

  /** Returns the id of the missing chunk. */
  public String chunkId() {
    return chunkId;
  }
}
