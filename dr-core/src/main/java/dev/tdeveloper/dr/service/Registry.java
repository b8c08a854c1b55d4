package dev.tdeveloper.dr.service;

import dev.tdeveloper.dr.backup.BackupManifest;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupSource;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The registered sources by scope and name. Thread-safe. */
final class Registry {
  /** A registered source's identity. */
  record Key(BackupScope scope, String name) {}

  private static final Comparator<BackupSource> ORDER =
      Comparator.comparing((BackupSource s) -> s.scope().key()).thenComparing(BackupSource::name);

  private final ConcurrentMap<Key, BackupSource> sources = new ConcurrentHashMap<>();

  /** Registers a source, replacing one of the same scope and name; returns the one replaced. */
  Optional<BackupSource> put(BackupSource source) {
    Objects.requireNonNull(source, "source");
    BackupScope scope = Objects.requireNonNull(source.scope(), "source.scope()");
    String name = BackupManifest.requireSourceName(source.name());
    return Optional.ofNullable(sources.put(new Key(scope, name), source));
  }

  Optional<BackupSource> remove(BackupScope scope, String name) {
    return Optional.ofNullable(sources.remove(new Key(scope, name)));
  }

  Optional<BackupSource> get(BackupScope scope, String name) {
    return Optional.ofNullable(sources.get(new Key(scope, name)));
  }

  /** Returns every source, sorted by scope and name. */
  List<BackupSource> all() {
    return sorted(sources.values());
  }

  /** Returns the sources with one of {@code names}, in every scope, sorted. */
  List<BackupSource> named(Collection<String> names) {
    return sorted(sources.values().stream().filter(s -> names.contains(s.name())).toList());
  }

  List<BackupSource> inScope(BackupScope scope) {
    return sorted(sources.values().stream().filter(s -> s.scope().equals(scope)).toList());
  }

  private static List<BackupSource> sorted(Collection<BackupSource> sources) {
    return sources.stream().sorted(ORDER).toList();
  }
}
