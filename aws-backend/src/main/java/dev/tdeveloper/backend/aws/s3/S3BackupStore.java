package dev.tdeveloper.backend.aws.s3;

import dev.tdeveloper.backend.aws.s3.internal.MultipartUpload;
import dev.tdeveloper.backend.aws.s3.internal.S3Objects;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupStore;
import dev.tdeveloper.dr.store.ChunkNotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A {@link BackupStore} in one S3 bucket (layout: see the module README; every scope below its own
 * prefix {@code <root prefix><scope key>/}, plus an empty marker {@code <root prefix>_scopes/<scope
 * key>} per scope for {@link #scopes()}). Chunks are written straight to their final keys, large
 * ones as parallel multipart uploads under a memory budget; a put never replaces an object ({@code
 * If-None-Match: *}, and a lock per key within this instance). A manifest is one object written
 * after its chunks, so a backup exists exactly when its manifest does: a crash leaves chunks no
 * manifest references (dr-core's {@code GarbageCollector} deletes them) and at most incomplete
 * multipart uploads, which are invisible and which {@link #collectGarbage} aborts.
 *
 * <p>Every object carries its SHA-256 in metadata, checked on every read ({@link
 * S3ObjectCorruptException}); where the server supports it, {@code x-amz-checksum-sha256} is sent
 * and checked too. Server-side encryption and Object Lock retention are applied to every put as
 * configured. Retries and timeouts are the S3 client's: configure its retry strategy and {@code
 * ClientOverrideConfiguration}; the store adds no loop. Build with {@link #builder()} (the store
 * does not close a client you passed) or find it as {@code aws-s3} through {@code
 * BackupStore.fromProviders} ({@link S3BackupStoreProvider}).
 *
 * <p>Thread-safe.
 */
public final class S3BackupStore implements BackupStore {
  /** The folder of scope markers below the root prefix: no scope key starts with '_'. */
  static final String SCOPE_MARKERS = "_scopes/";

  private final S3Client s3;
  private final BackupKeys keys;
  private final S3Objects objects;
  private final MultipartUpload multipart;
  private final ExecutorService partExecutor;
  private final int multipartThreshold;
  private final int ioConcurrency;
  private final boolean conditionalWrites;
  private final boolean closesClient;
  private final KeyLocks locks = new KeyLocks();
  private final Set<BackupScope> marked = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  S3BackupStore(
      S3Client s3,
      String rootPrefix,
      S3Objects objects,
      MultipartUpload multipart,
      ExecutorService partExecutor,
      int multipartThreshold,
      int ioConcurrency,
      boolean conditionalWrites,
      boolean closesClient) {
    this.ioConcurrency = ioConcurrency;
    this.conditionalWrites = conditionalWrites;
    this.s3 = s3;
    this.closesClient = closesClient;
    this.keys = new BackupKeys(rootPrefix);
    this.objects = objects;
    this.multipart = multipart;
    this.partExecutor = partExecutor;
    this.multipartThreshold = multipartThreshold;
  }

  /** Returns a builder; the S3 client and the bucket are required. */
  public static S3BackupStoreBuilder builder() {
    return new S3BackupStoreBuilder();
  }

  /** Returns the bucket. */
  public String bucket() {
    return objects.bucket();
  }

  /** Returns the root prefix (empty, or ending with '/'). */
  public String rootPrefix() {
    return keys.root();
  }

  @Override
  public boolean hasChunk(BackupScope scope, String chunkId) {
    String key = keys.chunk(scope, chunkId);
    checkOpen();
    return objects.exists(key);
  }

  @Override
  public void putChunk(BackupScope scope, String chunkId, byte[] sealed) {
    String key = keys.chunk(scope, chunkId);
    byte[] copy = Objects.requireNonNull(sealed, "sealed").clone();
    checkOpen();
    mark(scope);
    locked(
        key,
        () -> {
          if (conditionalWrites && copy.length < multipartThreshold) {
            objects.putIfAbsent(key, copy); // one request: If-None-Match answers 412 if present
          } else if (!objects.exists(key)) { // spares a multipart chunk's parts; or no 412
            put(key, copy);
          }
          return null;
        });
  }

  /** Returns the configured {@link S3BackupStoreBuilder#ioConcurrency}: requests in flight. */
  @Override
  public int ioConcurrency() {
    return ioConcurrency;
  }

  @Override
  public byte[] getChunk(BackupScope scope, String chunkId) {
    String key = keys.chunk(scope, chunkId);
    checkOpen();
    return objects.get(key).orElseThrow(() -> new ChunkNotFoundException(scope, chunkId));
  }

  @Override
  public void deleteChunk(BackupScope scope, String chunkId) {
    String key = keys.chunk(scope, chunkId);
    checkOpen();
    locked(
        key,
        () -> {
          objects.delete(key);
          return null;
        });
  }

  @Override
  public void listChunks(BackupScope scope, Consumer<String> consumer) {
    String prefix = keys.chunks(scope);
    Objects.requireNonNull(consumer, "consumer");
    checkOpen();
    objects.list(
        prefix,
        object -> {
          String id = object.key().substring(prefix.length());
          if (BackupKeys.isChunkId(id)) {
            consumer.accept(id);
          }
        });
  }

  @Override
  public void publishManifest(BackupScope scope, String backupId, byte[] manifest) {
    String key = keys.manifest(scope, backupId);
    byte[] copy = Objects.requireNonNull(manifest, "manifest").clone();
    checkOpen();
    mark(scope);
    locked(
        key,
        () -> {
          if (objects.exists(key) || !put(key, copy)) {
            throw new IllegalArgumentException(
                "backup " + backupId + " is already published in scope " + scope.key());
          }
          return null;
        });
  }

  @Override
  public Optional<byte[]> manifest(BackupScope scope, String backupId) {
    String key = keys.manifest(scope, backupId);
    checkOpen();
    return objects.get(key);
  }

  @Override
  public List<String> manifests(BackupScope scope) {
    String prefix = keys.manifests(scope);
    checkOpen();
    List<String> ids = new ArrayList<>();
    objects.list(
        prefix,
        object -> {
          String id = object.key().substring(prefix.length());
          if (BackupKeys.isBackupId(id)) {
            ids.add(id);
          }
        });
    ids.sort(Comparator.naturalOrder());
    return List.copyOf(ids);
  }

  @Override
  public void deleteManifest(BackupScope scope, String backupId) {
    String key = keys.manifest(scope, backupId);
    checkOpen();
    locked(
        key,
        () -> {
          objects.delete(key);
          return null;
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Lists the scope markers ({@code <root>_scopes/<scope key>}, an empty object written before a
   * scope's first chunk or manifest) and keeps the scopes that still hold an object: one request
   * per page of markers plus one per scope, whatever the number of chunks. (A '/'-delimited listing
   * would need no markers, but s3rver answers it wrongly for nested keys and lists nested keys out
   * of order.)
   */
  @Override
  public List<BackupScope> scopes() {
    checkOpen();
    String markers = keys.root() + SCOPE_MARKERS;
    List<BackupScope> scopes = new ArrayList<>();
    objects.list(
        markers,
        object ->
            BackupKeys.scopeOf(object.key().substring(markers.length()))
                .filter(
                    scope -> {
                      String prefix = keys.scope(scope) + "/";
                      return objects.firstKeyAfter(prefix, prefix).isPresent();
                    })
                .ifPresent(scopes::add));
    scopes.sort(Comparator.comparing(BackupScope::key));
    return List.copyOf(scopes);
  }

  /** Writes the scope's marker once per store instance, before its first object. */
  private void mark(BackupScope scope) {
    if (!marked.contains(scope)) {
      synchronized (marked) { // once, not once per chunk put racing to be first
        if (!marked.contains(scope)) {
          objects.putIfAbsent(keys.root() + SCOPE_MARKERS + scope.key(), new byte[0]);
          marked.add(scope);
        }
      }
    }
  }

  /**
   * Aborts the incomplete multipart uploads under the root prefix that were started before {@code
   * olderThan}: what a crashed or failed put leaves behind (never visible as objects, but billed as
   * storage). Pass a time well before any upload still running, such as an hour ago. An upload
   * whose key now holds an object (a later put of the same chunk completed) is left alone and
   * reported as kept: Adobe S3Mock deletes the completed object when such a stale upload is
   * aborted, and a store must never risk a published chunk for garbage; on AWS S3 a lifecycle rule
   * ({@code AbortIncompleteMultipartUpload}) removes those parts. Orphaned chunks, which no
   * manifest references, are dr-core's {@code GarbageCollector}'s to delete.
   *
   * @throws dev.tdeveloper.dr.DrException if listing, checking or aborting fails
   */
  public GarbageReport collectGarbage(Instant olderThan) {
    Objects.requireNonNull(olderThan, "olderThan");
    checkOpen();
    List<String> aborted = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    try {
      for (software.amazon.awssdk.services.s3.model.MultipartUpload upload :
          s3.listMultipartUploadsPaginator(b -> b.bucket(bucket()).prefix(keys.root())).uploads()) {
        if (upload.initiated() == null || !upload.initiated().isBefore(olderThan)) {
          continue;
        }
        if (objects.exists(upload.key())) {
          kept.add(upload.key());
        } else {
          s3.abortMultipartUpload(
              b -> b.bucket(bucket()).key(upload.key()).uploadId(upload.uploadId()));
          aborted.add(upload.key());
        }
      }
    } catch (SdkException e) {
      throw new dev.tdeveloper.dr.DrException(
          "cannot collect incomplete multipart uploads in s3://" + bucket() + "/" + keys.root(), e);
    }
    return new GarbageReport(aborted, kept);
  }

  /**
   * Stops the part uploader; the client is the caller's to close, except the one {@link
   * S3BackupStoreProvider} built, which closes with the store. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    partExecutor.shutdown();
    if (closesClient) {
      s3.close();
    }
  }

  @Override
  public String toString() {
    return "S3BackupStore[s3://" + bucket() + "/" + keys.root() + "]";
  }

  private boolean put(String key, byte[] bytes) {
    return bytes.length >= multipartThreshold
        ? multipart.putIfAbsent(key, bytes)
        : objects.putIfAbsent(key, bytes);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException(this + " is closed");
    }
  }

  private <T> T locked(String key, Supplier<T> work) {
    return locks.run(key, work);
  }
}
