package dev.tdeveloper.dr.store;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupStore;
import dev.tdeveloper.tenancy.internal.DirectoryLock;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local-filesystem {@link BackupStore}. Layout under the root directory:
 *
 * <pre>
 * &lt;root&gt;/.lock                                       held while the store is open
 * &lt;root&gt;/&lt;scope key&gt;/chunks/&lt;first 2 hex&gt;/&lt;64 hex&gt;     one sealed chunk
 * &lt;root&gt;/&lt;scope key&gt;/manifests/&lt;backup id&gt;.manifest   one published manifest
 * </pre>
 *
 * <p>A chunk is staged: written, unforced, to a temporary file in its directory, where this store
 * finds it. {@link #publishManifest} first makes every staged chunk durable with one
 * filesystem-wide {@code sync -f} (or, where that command is unavailable, by forcing each file),
 * renames each into place atomically and makes the renames durable the same way; then it writes the
 * manifest to a temporary file, forces it, renames it into place and forces the directory. So a
 * crash leaves at most temporary files (deleted on the next {@link #open}, losing chunks no
 * published manifest references), never a torn chunk or manifest under its final name. The root
 * must be on one filesystem (no mount points below it). An operating system lock on {@code .lock}
 * keeps a second store, in this or another process, from opening the same root. On a
 * case-insensitive filesystem, backup ids that differ only in case collide (the second publish is
 * refused).
 *
 * <p>Thread-safe.
 */
public final class LocalBackupStore implements BackupStore {
  /** Name of the lock file in the root directory: {@value}. */
  public static final String LOCK_FILE = ".lock";

  /** File name suffix of a published manifest: {@value}. */
  public static final String MANIFEST_SUFFIX = ".manifest";

  private static final Logger LOG = LoggerFactory.getLogger(LocalBackupStore.class);
  static final String CHUNKS = "chunks";
  static final String MANIFESTS = "manifests";
  private static final int STRIPES = 64;

  /**
   * Staged chunks beyond which a put flushes them (about 128 MiB at the default 64 KiB average
   * chunk): bounds memory and unwritten data, and lets the disk write back while the backup goes on
   * instead of all at the publish.
   */
  private static final int STAGED_LIMIT = 2048;

  private final Path root;
  private final DirectoryLock lock;
  private final Consumer<String> steps;
  private final Lock[] stripes = new Lock[STRIPES];
  private final ReentrantReadWriteLock open = new ReentrantReadWriteLock();
  private final ChunkStaging staging;
  private boolean closed;

  private LocalBackupStore(
      Path root, DirectoryLock lock, Consumer<String> steps, List<String> syncCommand) {
    this.root = root;
    this.lock = lock;
    this.steps = steps;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
    this.staging = new ChunkStaging(new FileSystemSync(root, syncCommand), this::stripe, steps);
  }

  /**
   * Opens (creating if needed) the store in {@code root}, deleting the temporary files a crash left
   * behind.
   *
   * @throws DrException if the directory is locked by another open store or cannot be used
   */
  public static LocalBackupStore open(Path root) {
    return open(root, step -> {});
  }

  /**
   * Opens the store with a hook that hears each write's steps ({@code "chunk partial"}, {@code
   * "chunk staged"}, {@code "flush synced"}, {@code "flush renamed"}, {@code "manifest forced"},
   * ...), for crash tests.
   */
  static LocalBackupStore open(Path root, Consumer<String> steps) {
    return open(root, steps, FileSystemSync.SYNC_F);
  }

  /** Opens the store syncing its filesystem with {@code syncCommand}, for tests of the fallback. */
  static LocalBackupStore open(Path root, Consumer<String> steps, List<String> syncCommand) {
    Objects.requireNonNull(steps, "steps");
    Path absolute = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    DirectoryLock lock =
        DirectoryLock.acquire(
            absolute, LOCK_FILE, "backup store", f -> new DrException(f.message(), f.cause()));
    try {
      int deleted = 0;
      for (Path scope : Layout.scopeDirectories(absolute)) {
        deleted += AtomicFiles.deleteTemporaryFiles(scope.resolve(MANIFESTS));
        for (Path prefix : Layout.children(scope.resolve(CHUNKS))) {
          deleted += AtomicFiles.deleteTemporaryFiles(prefix);
        }
      }
      if (deleted > 0) {
        LOG.info("backup store {}: deleted {} temporary files left by a crash", absolute, deleted);
      }
      return new LocalBackupStore(absolute, lock, steps, syncCommand);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw new DrException("cannot open backup store " + absolute, e);
    }
  }

  /** Returns the root directory. */
  public Path root() {
    return root;
  }

  @Override
  public boolean hasChunk(BackupScope scope, String chunkId) {
    Path file = chunkFile(scope, chunkId);
    return read(
        () -> staging.contains(scope, chunkId) || Files.isRegularFile(file),
        "look up chunk " + chunkId);
  }

  @Override
  public void putChunk(BackupScope scope, String chunkId, byte[] sealed) {
    Path file = chunkFile(scope, chunkId);
    byte[] copy = Objects.requireNonNull(sealed, "sealed").clone();
    locked(
        scope,
        chunkId,
        () -> {
          if (!staging.contains(scope, chunkId) && !Files.exists(file)) {
            AtomicFiles.createDirectories(root, file.getParent());
            staging.stage(scope, chunkId, file, copy);
          }
          return null;
        },
        "store chunk " + chunkId + " in scope " + scope.key());
    if (staging.size() >= STAGED_LIMIT) {
      read(
          () -> {
            staging.flush(false);
            return null;
          },
          "flush staged chunks");
    }
  }

  @Override
  public byte[] getChunk(BackupScope scope, String chunkId) {
    Path file = chunkFile(scope, chunkId);
    return read(
        () -> {
          Optional<Path> temp = staging.temporaryFile(scope, chunkId);
          if (temp.isPresent()) {
            try {
              return Files.readAllBytes(temp.get());
            } catch (NoSuchFileException e) {
              // renamed into place (or deleted) meanwhile
            }
          }
          try {
            return Files.readAllBytes(file);
          } catch (NoSuchFileException e) {
            throw new ChunkNotFoundException(scope, chunkId);
          }
        },
        "read chunk " + chunkId + " of scope " + scope.key());
  }

  @Override
  public void deleteChunk(BackupScope scope, String chunkId) {
    Path file = chunkFile(scope, chunkId);
    locked(
        scope,
        chunkId,
        () -> {
          staging.discard(scope, chunkId);
          return AtomicFiles.delete(file);
        },
        "delete chunk " + chunkId + " of scope " + scope.key());
  }

  @Override
  public void listChunks(BackupScope scope, Consumer<String> consumer) {
    Path chunks = scopeDirectory(scope).resolve(CHUNKS);
    Objects.requireNonNull(consumer, "consumer");
    read(
        () -> {
          Set<String> staged = staging.ids(scope);
          for (Path prefix : Layout.children(chunks)) {
            String start = prefix.getFileName().toString();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(prefix)) {
              for (Path file : files) {
                String name = file.getFileName().toString();
                if (Ids.isChunkId(name) && name.startsWith(start) && !staged.contains(name)) {
                  consumer.accept(name);
                }
              }
            } catch (NoSuchFileException e) {
              // deleted meanwhile: it holds nothing
            }
          }
          staged.forEach(consumer);
          return null;
        },
        "list the chunks of scope " + scope.key());
  }

  @Override
  public void publishManifest(BackupScope scope, String backupId, byte[] manifest) {
    Path file = manifestFile(scope, backupId);
    byte[] copy = Objects.requireNonNull(manifest, "manifest").clone();
    String what = "publish manifest " + backupId + " in scope " + scope.key();
    read(
        () -> {
          if (Files.exists(file)) {
            throw alreadyPublished(scope, backupId);
          }
          staging.flush(true);
          return null;
        },
        what);
    locked(
        scope,
        backupId,
        () -> {
          if (Files.exists(file)) {
            throw alreadyPublished(scope, backupId);
          }
          AtomicFiles.createDirectories(root, file.getParent());
          AtomicFiles.write(file, copy, step -> steps.accept("manifest " + step));
          return null;
        },
        what);
  }

  private static IllegalArgumentException alreadyPublished(BackupScope scope, String backupId) {
    return new IllegalArgumentException(
        "backup " + backupId + " is already published in scope " + scope.key());
  }

  @Override
  public Optional<byte[]> manifest(BackupScope scope, String backupId) {
    Path file = manifestFile(scope, backupId);
    return read(
        () -> {
          try {
            return Optional.of(Files.readAllBytes(file));
          } catch (NoSuchFileException e) {
            return Optional.<byte[]>empty();
          }
        },
        "read manifest " + backupId + " of scope " + scope.key());
  }

  @Override
  public List<String> manifests(BackupScope scope) {
    Path directory = scopeDirectory(scope).resolve(MANIFESTS);
    return read(() -> Layout.manifestIds(directory), "list the manifests of scope " + scope.key());
  }

  @Override
  public void deleteManifest(BackupScope scope, String backupId) {
    Path file = manifestFile(scope, backupId);
    locked(
        scope,
        backupId,
        () -> AtomicFiles.delete(file),
        "delete manifest " + backupId + " of scope " + scope.key());
  }

  @Override
  public List<BackupScope> scopes() {
    return read(
        () -> {
          List<BackupScope> scopes = new ArrayList<>();
          for (Path directory : Layout.scopeDirectories(root)) {
            BackupScope scope = Ids.scopeOf(directory.getFileName().toString()).orElseThrow();
            if (staging.holdsAny(scope) || Layout.holdsData(directory)) {
              scopes.add(scope);
            }
          }
          scopes.sort(Comparator.comparing(BackupScope::key));
          return List.copyOf(scopes);
        },
        "list the scopes of " + root);
  }

  /**
   * Makes the staged chunks durable (a failure is logged: no published manifest needs them), then
   * releases the directory lock; idempotent. Calls after this throw IllegalStateException.
   */
  @Override
  public void close() {
    open.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        try {
          staging.flush(true);
        } catch (IOException | RuntimeException e) {
          LOG.warn("closing backup store {}: making the staged chunks durable failed", root, e);
        }
        lock.close();
      }
    } finally {
      open.writeLock().unlock();
    }
  }

  @Override
  public String toString() {
    return "LocalBackupStore[" + root + "]";
  }

  private Path scopeDirectory(BackupScope scope) {
    return root.resolve(Objects.requireNonNull(scope, "scope").key());
  }

  private Path chunkFile(BackupScope scope, String chunkId) {
    Path directory = scopeDirectory(scope);
    Ids.requireChunkId(chunkId);
    return directory.resolve(CHUNKS).resolve(chunkId.substring(0, 2)).resolve(chunkId);
  }

  private Path manifestFile(BackupScope scope, String backupId) {
    Path directory = scopeDirectory(scope);
    Ids.requireBackupId(backupId);
    return directory.resolve(MANIFESTS).resolve(backupId + MANIFEST_SUFFIX);
  }

  /** Work on files that may throw an I/O error. */
  private interface FileWork<T> {
    T run() throws IOException;
  }

  private <T> T read(FileWork<T> work, String what) {
    open.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("backup store " + root + " is closed");
      }
      return work.run();
    } catch (IOException e) {
      throw new DrException("cannot " + what + " in backup store " + root, e);
    } finally {
      open.readLock().unlock();
    }
  }

  private Lock stripe(BackupScope scope, String id) {
    return stripes[Math.floorMod(Objects.hash(scope.key(), id), STRIPES)];
  }

  private <T> T locked(BackupScope scope, String id, FileWork<T> work, String what) {
    Lock stripe = stripe(scope, id);
    return read(
        () -> {
          stripe.lock();
          try {
            return work.run();
          } finally {
            stripe.unlock();
          }
        },
        what);
  }
}
