package dev.tdeveloper.dr.store;

import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The chunks {@link LocalBackupStore} has staged: written, unforced, to temporary files next to
 * their final names. {@link #flush} makes a batch durable with one filesystem-wide sync (or, where
 * that is unavailable, by forcing each file), renames each into place and makes the renames durable
 * the same way, so a chunk is never visible under its final name before its content is on the
 * device. Callers hold the chunk's stripe lock around {@link #stage} and {@link #discard}; flush
 * takes each chunk's stripe lock itself, one at a time, so it must not be called holding any.
 * Thread-safe.
 */
final class ChunkStaging {
  /** Step: the staged chunks of a flush are durable in their temporary files, not renamed. */
  static final String SYNCED = "flush synced";

  /** Step: the staged chunks of a flush are renamed, the renames not made durable yet. */
  static final String RENAMED = "flush renamed";

  private record Staged(BackupScope scope, String id, Path temp, Path target) {}

  private final ConcurrentHashMap<String, Staged> staged = new ConcurrentHashMap<>();
  private final ReentrantLock flushing = new ReentrantLock();
  private final FileSystemSync sync;
  private final BiFunction<BackupScope, String, Lock> stripes;
  private final Consumer<String> steps;

  ChunkStaging(
      FileSystemSync sync, BiFunction<BackupScope, String, Lock> stripes, Consumer<String> steps) {
    this.sync = sync;
    this.stripes = stripes;
    this.steps = steps;
  }

  private static String key(BackupScope scope, String id) {
    return scope.key() + "/" + id;
  }

  /** Returns how many chunks are staged. */
  int size() {
    return staged.size();
  }

  boolean contains(BackupScope scope, String id) {
    return staged.containsKey(key(scope, id));
  }

  /** Returns the temporary file of a staged chunk (it may be renamed or deleted meanwhile). */
  Optional<Path> temporaryFile(BackupScope scope, String id) {
    return Optional.ofNullable(staged.get(key(scope, id))).map(Staged::temp);
  }

  /** Returns the ids staged in {@code scope} now. */
  Set<String> ids(BackupScope scope) {
    Set<String> ids = new LinkedHashSet<>();
    for (Staged chunk : staged.values()) {
      if (chunk.scope().equals(scope)) {
        ids.add(chunk.id());
      }
    }
    return ids;
  }

  boolean holdsAny(BackupScope scope) {
    return staged.values().stream().anyMatch(chunk -> chunk.scope().equals(scope));
  }

  /** Writes the chunk to a temporary file next to {@code target}; the caller holds its stripe. */
  void stage(BackupScope scope, String id, Path target, byte[] bytes) throws IOException {
    Path temp = AtomicFiles.stage(target, bytes, step -> steps.accept("chunk " + step));
    staged.put(key(scope, id), new Staged(scope, id, temp, target));
  }

  /** Forgets a staged chunk and deletes its temporary file; the caller holds its stripe. */
  void discard(BackupScope scope, String id) throws IOException {
    Staged chunk = staged.remove(key(scope, id));
    if (chunk != null) {
      Files.deleteIfExists(chunk.temp());
    }
  }

  /**
   * Makes every chunk staged before this call durable and renames it into place; chunks staged
   * while it runs may be left for the next flush. Returns at once if another flush runs and {@code
   * wait} is false.
   */
  void flush(boolean wait) throws IOException {
    if (wait) {
      flushing.lock();
    } else if (!flushing.tryLock()) {
      return;
    }
    try {
      List<Staged> batch = List.copyOf(staged.values());
      if (batch.isEmpty()) {
        return;
      }
      if (!sync.syncAll()) {
        for (Staged chunk : batch) {
          try {
            AtomicFiles.force(chunk.temp());
          } catch (NoSuchFileException e) {
            // deleted meanwhile: the rename below skips it
          }
        }
      }
      steps.accept(SYNCED);
      Set<Path> directories = new HashSet<>();
      for (Staged chunk : batch) {
        if (rename(chunk)) {
          directories.add(chunk.target().getParent());
        }
      }
      steps.accept(RENAMED);
      if (!directories.isEmpty() && !sync.syncAll()) {
        for (Path directory : directories) {
          DurableFiles.syncDirectory(directory);
        }
      }
    } finally {
      flushing.unlock();
    }
  }

  /** Renames a durable staged chunk into place unless it was deleted meanwhile. */
  private boolean rename(Staged chunk) throws IOException {
    Lock stripe = stripes.apply(chunk.scope(), chunk.id());
    stripe.lock();
    try {
      String key = key(chunk.scope(), chunk.id());
      if (staged.get(key) != chunk) {
        return false;
      }
      if (Files.exists(chunk.target())) {
        Files.deleteIfExists(chunk.temp());
      } else {
        Files.move(chunk.temp(), chunk.target(), StandardCopyOption.ATOMIC_MOVE);
      }
      staged.remove(key, chunk);
      return true;
    } finally {
      stripe.unlock();
    }
  }
}
