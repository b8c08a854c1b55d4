package dev.tdeveloper.security.secrets;

import dev.tdeveloper.security.spi.LabelConflictException;
import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretNotFoundException;
import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.spi.SecretVersion;
import dev.tdeveloper.security.spi.SecretVersionConflictException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The state of a secret store in memory, with the rules of {@link SecretStore}: each change is
 * first checked ({@code check*}, which throws and changes nothing) and then applied, so a store can
 * make the change durable in between. Values are kept in the store's own form {@code V} (plain
 * bytes, or a sealed record) and revealed with the function given.
 *
 * <p>Not thread-safe: the owning store serialises calls.
 */
final class SecretTable<V> {
  /** One stored version. */
  record Stored<V>(String versionId, Instant created, V value) {}

  private static final class Entry<V> {
    final Map<String, Stored<V>> versions = new LinkedHashMap<>();
    final Map<SecretLabel, String> labels = new EnumMap<>(SecretLabel.class);
  }

  private final Map<SecretName, Entry<V>> entries = new TreeMap<>();
  private final Function<V, byte[]> reveal;

  SecretTable(Function<V, byte[]> reveal) {
    this.reveal = reveal;
  }

  /**
   * Checks a put: returns the existing version when it holds the same value, empty when the version
   * is new.
   *
   * @throws SecretVersionConflictException if it exists with another value
   */
  Optional<SecretVersion> checkPut(SecretName name, String versionId, Secret value) {
    Objects.requireNonNull(name, "name");
    SecretVersion.checkVersionId(versionId);
    byte[] bytes = Objects.requireNonNull(value, "value").bytes();
    try {
      if (bytes.length > SecretStore.MAX_VALUE_BYTES) {
        throw new IllegalArgumentException(
            "a secret value must be at most "
                + SecretStore.MAX_VALUE_BYTES
                + " bytes, was "
                + bytes.length);
      }
      Entry<V> entry = entries.get(name);
      Stored<V> existing = entry == null ? null : entry.versions.get(versionId);
      if (existing == null) {
        return Optional.empty();
      }
      byte[] stored = reveal.apply(existing.value());
      try {
        if (!MessageDigest.isEqual(stored, bytes)) {
          throw new SecretVersionConflictException(name, versionId);
        }
      } finally {
        Arrays.fill(stored, (byte) 0);
      }
      return Optional.of(describe(entry, existing));
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** Adds a version checked by {@link #checkPut}; returns it. */
  SecretVersion applyPut(SecretName name, String versionId, Instant created, V value) {
    Entry<V> entry = entries.computeIfAbsent(name, n -> new Entry<>());
    Stored<V> stored = new Stored<>(versionId, created, value);
    entry.versions.put(versionId, stored);
    return describe(entry, stored);
  }

  /**
   * Checks a label move.
   *
   * @throws SecretNotFoundException if the secret or target version is missing
   * @throws LabelConflictException if the label is not on {@code expected}
   */
  void checkMove(
      SecretName name, SecretLabel label, Optional<String> expected, Optional<String> target) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(expected, "expected").ifPresent(SecretVersion::checkVersionId);
    Objects.requireNonNull(target, "target").ifPresent(SecretVersion::checkVersionId);
    if (label == SecretLabel.CURRENT && target.isEmpty()) {
      throw new IllegalArgumentException(
          "label CURRENT of secret " + name + " can be moved to another version, never removed");
    }
    Entry<V> entry = entries.get(name);
    if (entry == null) {
      throw new SecretNotFoundException(name, Optional.empty());
    }
    if (target.isPresent() && !entry.versions.containsKey(target.get())) {
      throw new SecretNotFoundException(name, target);
    }
    Optional<String> actual = Optional.ofNullable(entry.labels.get(label));
    if (!actual.equals(expected)) {
      throw new LabelConflictException(name, label, expected, actual);
    }
  }

  /** Applies a move checked by {@link #checkMove}; moving CURRENT drags PREVIOUS along. */
  void applyMove(SecretName name, SecretLabel label, Optional<String> target) {
    Entry<V> entry = entries.get(name);
    String from = entry.labels.get(label);
    if (target.isEmpty()) {
      entry.labels.remove(label);
      return;
    }
    entry.labels.put(label, target.get());
    if (label == SecretLabel.CURRENT && from != null && !from.equals(target.get())) {
      entry.labels.put(SecretLabel.PREVIOUS, from);
    }
  }

  List<SecretVersion> versions(SecretName name) {
    Entry<V> entry = entries.get(Objects.requireNonNull(name, "name"));
    if (entry == null) {
      return List.of();
    }
    List<SecretVersion> out = new ArrayList<>(entry.versions.size());
    for (Stored<V> stored : entry.versions.values()) {
      out.add(describe(entry, stored));
    }
    return List.copyOf(out);
  }

  Optional<V> stored(SecretName name, String versionId) {
    Objects.requireNonNull(name, "name");
    SecretVersion.checkVersionId(versionId);
    Entry<V> entry = entries.get(name);
    Stored<V> stored = entry == null ? null : entry.versions.get(versionId);
    return stored == null ? Optional.empty() : Optional.of(stored.value());
  }

  List<SecretName> names() {
    return List.copyOf(entries.keySet());
  }

  /** Returns, per secret, its versions holding a label (oldest first) and where each label is. */
  Map<SecretName, Map.Entry<List<Stored<V>>, Map<SecretLabel, String>>> labelled() {
    Map<SecretName, Map.Entry<List<Stored<V>>, Map<SecretLabel, String>>> out =
        new LinkedHashMap<>();
    entries.forEach(
        (name, entry) -> {
          List<Stored<V>> kept =
              entry.versions.values().stream()
                  .filter(s -> entry.labels.containsValue(s.versionId()))
                  .toList();
          out.put(name, Map.entry(kept, Map.copyOf(entry.labels)));
        });
    return out;
  }

  /** Replaces this table's content with {@code other}'s. */
  void replaceWith(SecretTable<V> other) {
    entries.clear();
    entries.putAll(other.entries);
  }

  private SecretVersion describe(Entry<V> entry, Stored<V> stored) {
    Set<SecretLabel> labels = EnumSet.noneOf(SecretLabel.class);
    entry.labels.forEach(
        (label, id) -> {
          if (id.equals(stored.versionId())) {
            labels.add(label);
          }
        });
    return new SecretVersion(stored.versionId(), labels, stored.created());
  }
}
