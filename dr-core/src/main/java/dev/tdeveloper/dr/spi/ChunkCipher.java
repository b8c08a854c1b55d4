package dev.tdeveloper.dr.spi;

/**
 * Encrypts and authenticates backup chunks. The default is AES-256-GCM with a key per scope; a
 * backend may use a KMS. The scope and chunk id are bound as associated data, so a sealed chunk
 * moved to another scope or id fails to open. Thread-safe.
 */
public interface ChunkCipher {
  /** Returns the sealed form of a (compressed) chunk. */
  byte[] seal(BackupScope scope, String chunkId, byte[] plain);

  /**
   * Returns the plaintext of a sealed chunk.
   *
   * @throws dev.tdeveloper.dr.DrException if it does not authenticate (corrupt, tampered, moved, or
   *     another key); the message names the chunk
   */
  byte[] open(BackupScope scope, String chunkId, byte[] sealed);
}
