package dev.tdeveloper.dr.spi;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where backups are kept: sealed (compressed, encrypted) chunks addressed by the SHA-256 of their
 * plaintext, and manifests that list which chunks make up each backup, both per {@link
 * BackupScope}. A manifest is published atomically and last: a backup whose manifest is not
 * published is invisible, and its chunks are garbage once no manifest references them. The local
 * default keeps them in files; an S3 store comes with the AWS backend. Thread-safe.
 */
public interface BackupStore extends AutoCloseable {
  /** Returns whether the chunk is stored in the scope. */
  boolean hasChunk(BackupScope scope, String chunkId);

  /**
   * Stores a sealed chunk; storing an id that exists already does nothing (chunks are
   * content-addressed). When this returns the chunk is whole under its id and survives a crash of
   * the process; it survives a power loss at the latest once a manifest published after it does (so
   * a store may batch what makes chunks durable into {@link #publishManifest}).
   *
   * @param chunkId the lower-case hex SHA-256 of the chunk's plaintext (64 characters)
   * @throws IllegalArgumentException if the id is malformed
   * @throws dev.tdeveloper.dr.DrException if the storage fails
   */
  void putChunk(BackupScope scope, String chunkId, byte[] sealed);

  /**
   * Returns a sealed chunk.
   *
   * @throws dev.tdeveloper.dr.DrException if the chunk is missing (the message names it)
   */
  byte[] getChunk(BackupScope scope, String chunkId);

  /** Deletes a chunk if it exists. */
  void deleteChunk(BackupScope scope, String chunkId);

  /** Hands the ids of every chunk stored in the scope to {@code consumer}, in no set order. */
  void listChunks(BackupScope scope, Consumer<String> consumer);

  /**
   * Publishes a backup's manifest, durably and atomically, after making every chunk stored before
   * it durable: before this returns the backup does not exist for any reader; after, it is
   * complete.
   *
   * @param backupId 1 to 128 characters of letters, digits, '.', '_' or '-'
   * @throws IllegalArgumentException if the id is malformed or already published
   */
  void publishManifest(BackupScope scope, String backupId, byte[] manifest);

  /** Returns a published manifest, if it exists. */
  Optional<byte[]> manifest(BackupScope scope, String backupId);

  /** Returns the ids of the published backups of the scope, sorted. */
  List<String> manifests(BackupScope scope);

  /** Deletes a published manifest if it exists (its chunks become garbage unless shared). */
  void deleteManifest(BackupScope scope, String backupId);

  /** Returns every scope that holds a chunk or a manifest. */
  List<BackupScope> scopes();

  /** Releases the store; idempotent. */
  @Override
  void close();
}
