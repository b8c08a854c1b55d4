package dev.tdeveloper.dr.backup;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupStore;
import dev.tdeveloper.dr.store.ChunkNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores one backup into a fresh directory: every file is written into a hidden sibling of the
 * target, each chunk and each whole file checked against its hash, and the sibling is renamed to
 * the target only once everything verified. A failed restore deletes the sibling and leaves the
 * target as it was. Chunks are fetched, opened and verified ahead on {@link ChunkWorkers}, at most
 * twice their thread count at a time, while the calling thread writes them in order. Stateless and
 * thread-safe.
 */
final class Restorer {
  private static final Logger LOG = LoggerFactory.getLogger(Restorer.class);
  private final BackupStore store;
  private final ChunkCodec codec;
  private final int parallelism;
  private final int ioConcurrency;

  Restorer(BackupStore store, ChunkCodec codec, int parallelism, int ioConcurrency) {
    this.store = store;
    this.codec = codec;
    this.parallelism = parallelism;
    this.ioConcurrency = ioConcurrency;
  }

  /** Restores {@code manifest} into {@code target}; returns the bytes written. */
  long restore(BackupScope scope, BackupManifest manifest, Path target) {
    Path absolute = target.toAbsolutePath().normalize();
    requireEmpty(absolute);
    Path parent = absolute.getParent();
    if (parent == null) {
      throw new IllegalArgumentException(
          "restore target must not be a file system root: " + target);
    }
    Path staging =
        parent.resolve("." + absolute.getFileName() + ".restoring-" + manifest.backupId());
    long bytes = 0;
    try (ChunkWorkers workers =
        new ChunkWorkers(parallelism, ioConcurrency, "restore-" + manifest.backupId())) {
      Files.createDirectories(parent);
      deleteTree(staging);
      Files.createDirectory(staging);
      Ahead ahead = new Ahead(scope, manifest, workers);
      for (BackupFile file : manifest.files()) {
        bytes += write(ahead, manifest, file, staging);
      }
      if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
        Files.delete(absolute); // checked empty above
      }
      Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
      return bytes;
    } catch (IOException e) {
      deleteQuietly(staging);
      throw new DrException(
          "restore of backup " + manifest.backupId() + " into " + target + " failed: " + e, e);
    } catch (RuntimeException e) {
      deleteQuietly(staging);
      throw e;
    }
  }

  private long write(Ahead ahead, BackupManifest manifest, BackupFile file, Path root)
      throws IOException {
    Path path = root.resolve(file.path()).normalize();
    if (!path.startsWith(root)) {
      throw new DrException(
          "backup " + manifest.backupId() + " has a path outside the target: " + file.path());
    }
    Files.createDirectories(path.getParent());
    MessageDigest whole = Sha256.digest();
    try (OutputStream out = Files.newOutputStream(path)) {
      for (ChunkRef chunk : file.chunks()) {
        byte[] plain = ahead.next();
        if (plain.length != chunk.size()) {
          throw integrity(
              manifest, chunk.id(), "of size " + plain.length + ", not " + chunk.size(), null);
        }
        whole.update(plain);
        out.write(plain);
      }
    }
    String actual = Sha256.hex(whole);
    if (!actual.equals(file.sha256())) {
      throw new DrException(
          "restored file '"
              + file.path()
              + "' of backup "
              + manifest.backupId()
              + " hashes to "
              + actual
              + ", not "
              + file.sha256());
    }
    Files.setLastModifiedTime(path, FileTime.from(file.lastModified()));
    return file.size();
  }

  /** The chunks of a manifest in order, opened ahead on the workers. Used by one thread. */
  private final class Ahead {
    private final BackupScope scope;
    private final BackupManifest manifest;
    private final ChunkWorkers workers;
    private final Iterator<ChunkRef> upcoming;
    private final ArrayDeque<Future<byte[]>> pending = new ArrayDeque<>();

    Ahead(BackupScope scope, BackupManifest manifest, ChunkWorkers workers) {
      this.scope = scope;
      this.manifest = manifest;
      this.workers = workers;
      this.upcoming = manifest.files().stream().flatMap(f -> f.chunks().stream()).iterator();
    }

    /** Returns the verified plaintext of the next chunk of the manifest. */
    byte[] next() {
      while (pending.size() < workers.capacity() && upcoming.hasNext()) {
        String chunkId = upcoming.next().id();
        pending.add(workers.submit(() -> chunk(workers, scope, manifest, chunkId)));
      }
      try {
        return pending.remove().get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException failure) {
          throw failure;
        }
        throw new DrException("a restore worker failed: " + e.getCause(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DrException("restore of backup " + manifest.backupId() + " interrupted", e);
      }
    }
  }

  /**
   * Fetches and opens one chunk: one read, with no existence check first; the store is asked
   * whether the chunk exists only when the read failed otherwise than as {@link
   * ChunkNotFoundException}, to tell a missing chunk from a failing one.
   */
  private byte[] chunk(
      ChunkWorkers workers, BackupScope scope, BackupManifest manifest, String chunkId) {
    byte[] sealed;
    try {
      sealed = store.getChunk(scope, chunkId);
    } catch (ChunkNotFoundException e) {
      throw integrity(manifest, chunkId, "missing", null);
    } catch (DrException e) {
      if (!store.hasChunk(scope, chunkId)) {
        throw integrity(manifest, chunkId, "missing", null);
      }
      throw integrity(manifest, chunkId, "corrupt (" + e.getMessage() + ")", e);
    }
    try {
      return workers.compute(() -> codec.open(scope, chunkId, sealed));
    } catch (DrException e) {
      throw integrity(manifest, chunkId, "corrupt (" + e.getMessage() + ")", e);
    }
  }

  private static BackupIntegrityException integrity(
      BackupManifest manifest, String chunkId, String problem, Throwable cause) {
    List<String> files =
        manifest.files().stream()
            .filter(f -> f.chunks().stream().anyMatch(c -> c.id().equals(chunkId)))
            .map(BackupFile::path)
            .toList();
    return new BackupIntegrityException(chunkId, manifest.backupId(), files, problem, cause);
  }

  private static void requireEmpty(Path target) {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException(
          "restore target " + target + " exists and is not a directory");
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
      if (entries.iterator().hasNext()) {
        throw new IllegalArgumentException(
            "restore target " + target + " is not empty; restore into a new or empty directory");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list restore target " + target, e);
    }
  }

  private static void deleteQuietly(Path tree) {
    try {
      deleteTree(tree);
    } catch (IOException e) {
      LOG.warn("could not delete the restore staging directory {}; delete it by hand", tree, e);
    }
  }

  private static void deleteTree(Path tree) throws IOException {
    if (!Files.exists(tree, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        tree,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
