package dev.tdeveloper.dr.spi;

import dev.tdeveloper.tenancy.spi.ProviderSelector;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where backups are kept: sealed (compressed, encrypted) chunks addressed by the SHA-256 of their
 * plaintext, and manifests that list which chunks make up each backup, both per {@link
 * BackupScope}. A manifest is published atomically and last: a backup whose manifest is not
 * published is invisible, and its chunks are garbage once no manifest references them. The local
 * default keeps them in files; an S3 store comes with the AWS backend. Build one explicitly, or
 * find one through {@link #fromProviders}. Thread-safe.
 */
public interface BackupStore extends AutoCloseable {
  /**
   * Returns whether the chunk is stored in the scope, staged chunks included (see {@link
   * #putChunk}).
   */
  boolean hasChunk(BackupScope scope, String chunkId);

  /**
   * Stores a sealed chunk; storing an id that exists already does nothing (chunks are
   * content-addressed). A store may only <em>stage</em> the chunk: once this returns, the chunk is
   * visible to this store instance ({@link #hasChunk}, {@link #getChunk} and {@link #listChunks}
   * see it), but it need not survive a crash until a manifest is published after it ({@link
   * #publishManifest} makes it durable and visible to everyone). A crash before that may lose it,
   * which is harmless: no published manifest references it, and the next backup stores it again.
   * Whatever the crash, even a power loss, a torn chunk is never visible under its id.
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
   * Publishes a backup's manifest: first makes every chunk staged before this call (in any scope)
   * durable and visible to everyone, then publishes the manifest atomically and durably. Before
   * this returns the backup does not exist for any reader; after, it is complete and survives any
   * crash, a power loss included. Chunks staged by other threads while this runs may be left to a
   * later publish.
   *
   * @param backupId 1 to 128 characters of letters, digits, '.', '_' or '-'
   * @throws IllegalArgumentException if the id is malformed or already published
   * @throws dev.tdeveloper.dr.DrException if the storage fails
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

  /**
   * Returns how many chunk reads or writes this store serves well at once; 1 by default. The backup
   * engine keeps up to the larger of this and its own (CPU) parallelism of store requests in flight
   * per backup or restore, while compressing and sealing still use at most parallelism threads. A
   * local store leaves the default (its writes share one device and the engine's parallelism
   * suffices); a remote store, whose every request waits a network round trip, returns more (the S3
   * store returns its configured {@code ioConcurrency}, 16 by default).
   */
  default int ioConcurrency() {
    return 1;
  }

  /**
   * Releases the store, first making staged chunks durable as far as it can (a failure there is
   * logged, not thrown: no published manifest depends on them); idempotent.
   */
  @Override
  void close();

  /**
   * Creates a store with the {@link BackupStoreProvider} found through {@link
   * java.util.ServiceLoader}: the one named {@code name}, else the only one on the class path.
   *
   * @param name the provider's name ({@code file}, {@code aws-s3}, ...), or empty to take the only
   *     one found
   * @param config the provider's settings, copied
   * @throws IllegalStateException if no provider, several without a name, or none of that name is
   *     found (the message names the artifact to add, or the providers found)
   * @throws IllegalArgumentException if the provider rejects a setting (the message names it)
   */
  static BackupStore fromProviders(Optional<String> name, Map<String, String> config) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");
    return ProviderSelector.select(BackupStoreProvider.class, name, "dev.tdeveloper:aws-backend")
        .create(Map.copyOf(config));
  }
}
