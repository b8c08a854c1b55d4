package dev.tdeveloper.dr.service;

import dev.tdeveloper.dr.backup.BackupEngine;
import dev.tdeveloper.dr.backup.BackupManifest;
import dev.tdeveloper.dr.backup.CorruptManifestException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verified manifests of a store's backups, parsed once each: manifests never change once
 * published, so a cache keyed by scope and id stays right; ids no longer listed are dropped.
 * Manifests that do not verify are skipped (and logged): nothing can start from them. Thread-safe.
 */
final class Manifests {
  private static final Logger LOG = LoggerFactory.getLogger(Manifests.class);

  private final BackupEngine engine;
  private final BackupStore store;
  private final Map<BackupScope, Map<String, BackupManifest>> cache = new ConcurrentHashMap<>();

  Manifests(BackupEngine engine, BackupStore store) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.store = Objects.requireNonNull(store, "store");
  }

  BackupEngine engine() {
    return engine;
  }

  BackupStore store() {
    return store;
  }

  /**
   * Remembers {@code manifest}, which this process just published and verified, so that {@link #of}
   * does not read and parse it again.
   */
  void remember(BackupManifest manifest) {
    cache
        .computeIfAbsent(manifest.scope(), s -> new ConcurrentHashMap<>())
        .put(manifest.backupId(), manifest);
  }

  /** Returns the scope's readable manifests of {@code source}, oldest first (ids sort by time). */
  List<BackupManifest> of(BackupScope scope, String source) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(source, "source");
    List<String> ids = store.manifests(scope);
    Map<String, BackupManifest> known =
        cache.computeIfAbsent(scope, s -> new ConcurrentHashMap<>());
    known.keySet().retainAll(new HashSet<>(ids));
    List<BackupManifest> found = new ArrayList<>();
    for (String id : ids) {
      BackupManifest manifest = known.get(id);
      if (manifest == null) {
        try {
          manifest = engine.manifest(scope, id);
        } catch (CorruptManifestException e) {
          LOG.warn("skipping backup {} of {}: {}", id, scope, e.getMessage());
          continue;
        } catch (dev.tdeveloper.dr.DrException e) {
          continue; // deleted between listing and reading
        }
        known.put(id, manifest);
      }
      if (manifest.source().equals(source)) {
        found.add(manifest);
      }
    }
    return found;
  }
}
