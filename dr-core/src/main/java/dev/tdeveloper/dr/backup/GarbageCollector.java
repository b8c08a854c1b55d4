package dev.tdeveloper.dr.backup;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupStore;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Enforces retention: deletes the manifests of chosen backups, then every chunk of the scope that
 * no remaining manifest references. Obtained from {@link BackupEngine#garbageCollector}.
 *
 * <p>Safe while backups run. A backup publishes its manifest only after storing its chunks, so
 * until then its chunks look unreferenced. Two rules keep them:
 *
 * <ul>
 *   <li>Chunks a running backup of the same engine uses (written or found present) are claimed and
 *       never deleted; claims and deletions are serialized, so a backup that found a chunk present
 *       keeps it.
 *   <li>Chunks written by another process (another engine on the same store) cannot be claimed
 *       here, so an unreferenced chunk is deleted only once this collector has seen it unreferenced
 *       for the grace period, measured from the first collection that saw it. Choose a grace longer
 *       than the longest backup: a first collection deletes nothing foreign unless the grace is
 *       zero, which is right only when this engine is the store's only writer.
 * </ul>
 *
 * <p>Every manifest lists all chunks of its files (incremental ones included), so deleting any
 * backup never breaks another. Thread-safe: collections run one at a time.
 */
public final class GarbageCollector {
  private final BackupStore store;
  private final InFlightChunks inFlight;
  private final InstantSource clock;
  private final Duration grace;
  private final Listeners<BackupEvent> listeners;
  private final Map<BackupScope, Map<String, Instant>> firstSeenUnreferenced = new HashMap<>();

  GarbageCollector(
      BackupStore store,
      InFlightChunks inFlight,
      InstantSource clock,
      Duration grace,
      Listeners<BackupEvent> listeners) {
    Objects.requireNonNull(grace, "grace");
    if (grace.isNegative()) {
      throw new IllegalArgumentException("GarbageCollector.grace must be >= 0, got " + grace);
    }
    this.store = store;
    this.inFlight = inFlight;
    this.clock = clock;
    this.grace = grace;
    this.listeners = listeners;
  }

  /** Returns how long an unreferenced chunk must have been seen before it is deleted. */
  public Duration grace() {
    return grace;
  }

  /**
   * Deletes the manifests of {@code backupIdsToDelete}, then the chunks of {@code scope} no
   * remaining manifest references, but those the rules above keep.
   *
   * @throws IllegalArgumentException if an id is not a published backup of the scope (nothing is
   *     deleted)
   * @throws DrException if a remaining manifest is corrupt: its chunks cannot be known, so nothing
   *     is deleted
   */
  public synchronized CollectionReport collect(BackupScope scope, Set<String> backupIdsToDelete) {
    Objects.requireNonNull(scope, "scope");
    Set<String> doomed =
        new TreeSet<>(Objects.requireNonNull(backupIdsToDelete, "backupIdsToDelete"));
    inFlight.beginCollection(scope);
    try {
      List<String> published = store.manifests(scope);
      Set<String> unknown = new TreeSet<>(doomed);
      unknown.removeAll(published);
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException(
            "cannot delete backups " + unknown + ": not published in " + scope.key());
      }
      Set<String> referenced = new HashSet<>();
      Set<String> loaded = new HashSet<>(doomed);
      addReferences(scope, published, loaded, referenced);
      for (String backupId : doomed) {
        store.deleteManifest(scope, backupId);
      }
      // Backups published meanwhile by other processes: their chunks count as referenced too.
      addReferences(scope, store.manifests(scope), loaded, referenced);
      return sweep(scope, List.copyOf(doomed), referenced);
    } finally {
      inFlight.endCollection(scope);
    }
  }

  private void addReferences(
      BackupScope scope, List<String> backupIds, Set<String> loaded, Set<String> referenced) {
    for (String backupId : backupIds) {
      if (!loaded.add(backupId)) {
        continue;
      }
      byte[] json = store.manifest(scope, backupId).orElse(null);
      if (json == null) {
        continue; // deleted meanwhile
      }
      BackupManifest manifest;
      try {
        manifest = BackupManifest.fromJson(scope, backupId, json);
      } catch (CorruptManifestException e) {
        throw new DrException(
            "garbage collection of "
                + scope.key()
                + " stopped before deleting any chunk: "
                + e.getMessage(),
            e);
      }
      for (BackupFile file : manifest.files()) {
        for (ChunkRef chunk : file.chunks()) {
          referenced.add(chunk.id());
        }
      }
    }
  }

  private CollectionReport sweep(BackupScope scope, List<String> doomed, Set<String> referenced) {
    List<String> candidates = new ArrayList<>();
    long[] kept = {0};
    store.listChunks(
        scope,
        id -> {
          if (referenced.contains(id)) {
            kept[0]++;
          } else {
            candidates.add(id);
          }
        });
    Instant now = clock.instant();
    Map<String, Instant> seen = firstSeenUnreferenced.computeIfAbsent(scope, s -> new HashMap<>());
    seen.keySet().retainAll(new HashSet<>(candidates));
    List<String> deleted = new ArrayList<>();
    long inFlightKept = 0;
    long graceKept = 0;
    for (String id : candidates) {
      Instant first = seen.computeIfAbsent(id, x -> now);
      if (now.isBefore(first.plus(grace))) {
        graceKept++;
      } else if (inFlight.deleteUnlessClaimed(scope, id, () -> store.deleteChunk(scope, id))) {
        deleted.add(id);
        seen.remove(id);
      } else {
        inFlightKept++;
      }
    }
    CollectionReport report =
        new CollectionReport(scope, doomed, deleted, kept[0], inFlightKept, graceKept);
    listeners.publish(new BackupEvent.Collected(report));
    return report;
  }
}
