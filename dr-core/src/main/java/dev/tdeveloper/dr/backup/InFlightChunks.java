package dev.tdeveloper.dr.backup;

import dev.tdeveloper.dr.spi.BackupScope;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;

/**
 * The chunks that running backups of one engine use but have not yet published a manifest for, per
 * scope, so the garbage collector never deletes them. A backup claims a chunk <em>before</em>
 * asking the store whether it exists, and the collector checks claims and deletes under one
 * exclusive lock, so a backup that found a chunk present keeps it. Chunks released (their manifest
 * published, or the backup failed) while a collection runs stay protected until it ends: that
 * collection may have listed the manifests before the new one appeared. Thread-safe.
 */
final class InFlightChunks {
  private final ConcurrentHashMap<BackupScope, ScopeClaims> scopes = new ConcurrentHashMap<>();

  private ScopeClaims of(BackupScope scope) {
    return scopes.computeIfAbsent(scope, s -> new ScopeClaims());
  }

  /** Starts tracking one backup's claims in {@code scope}. */
  Lease lease(BackupScope scope) {
    return new Lease(of(scope));
  }

  /** Marks a collection of {@code scope} as running; call before it reads any manifest. */
  void beginCollection(BackupScope scope) {
    ScopeClaims claims = of(scope);
    claims.lock.writeLock().lock();
    try {
      claims.collections++;
    } finally {
      claims.lock.writeLock().unlock();
    }
  }

  /** Marks a collection of {@code scope} as finished. */
  void endCollection(BackupScope scope) {
    ScopeClaims claims = of(scope);
    claims.lock.writeLock().lock();
    try {
      if (--claims.collections == 0) {
        claims.releasedDuringCollection.clear();
      }
    } finally {
      claims.lock.writeLock().unlock();
    }
  }

  /**
   * Runs {@code delete} unless a running backup claims {@code chunkId} or released it during the
   * collection; returns whether it ran.
   */
  boolean deleteUnlessClaimed(BackupScope scope, String chunkId, Runnable delete) {
    ScopeClaims claims = of(scope);
    claims.lock.writeLock().lock();
    try {
      if (claims.counts.containsKey(chunkId) || claims.releasedDuringCollection.contains(chunkId)) {
        return false;
      }
      claims.deletions++; // first: a delete that fails half-way may still have deleted
      delete.run();
      return true;
    } finally {
      claims.lock.writeLock().unlock();
    }
  }

  private static final class ScopeClaims {
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();
    final Set<String> releasedDuringCollection = ConcurrentHashMap.newKeySet();
    int collections; // guarded by the write lock; read under the read lock
    volatile long deletions; // chunks deleted by collections; written under the write lock
  }

  /** One backup's claims; not thread-safe (a backup runs on one thread). */
  static final class Lease implements AutoCloseable {
    private final ScopeClaims claims;
    private final Set<String> held = new HashSet<>();

    private Lease(ScopeClaims claims) {
      this.claims = claims;
    }

    /**
     * Claims {@code chunkId} for this backup, then returns {@code present}'s answer (whether the
     * store has it), with no collection deleting in between.
     */
    boolean claimAndCheck(String chunkId, BooleanSupplier present) {
      claims.lock.readLock().lock();
      try {
        if (held.add(chunkId)) {
          claims.counts.merge(chunkId, 1, Integer::sum);
        }
        return present.getAsBoolean();
      } finally {
        claims.lock.readLock().unlock();
      }
    }

    /**
     * Returns how many chunks collections of this engine have deleted in the scope so far. Read
     * inside {@link #claimAndCheck}'s {@code present}, where no deletion can run, an unchanged
     * count proves nothing was deleted since it was first read: a chunk listed after that first
     * read is still stored.
     */
    long deletions() {
      return claims.deletions;
    }

    /** Returns whether this backup claimed {@code chunkId} already. */
    boolean holds(String chunkId) {
      return held.contains(chunkId);
    }

    /** Releases every claim (after the manifest is published, or the backup failed). */
    @Override
    public void close() {
      claims.lock.readLock().lock();
      try {
        for (String chunkId : held) {
          claims.counts.computeIfPresent(chunkId, (id, count) -> count == 1 ? null : count - 1);
          if (claims.collections > 0) {
            claims.releasedDuringCollection.add(chunkId);
          }
        }
        held.clear();
      } finally {
        claims.lock.readLock().unlock();
      }
    }
  }
}
