package dev.tdeveloper.security.secrets.rotation;

import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretVersion;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rotation journal rules, in memory; {@link FileRotationJournal} replays its file into one.
 * Thread-safe.
 */
class InMemoryRotationJournal implements RotationJournal {
  private final Map<SecretName, Progress> open = new HashMap<>();

  @Override
  public synchronized Optional<Progress> unfinished(SecretName name) {
    return Optional.ofNullable(open.get(Objects.requireNonNull(name, "name")));
  }

  @Override
  public synchronized void started(SecretName name, String versionId) {
    checkStart(name, versionId);
    persist("S", name, versionId, null);
    open.put(name, new Progress(versionId, Optional.empty()));
  }

  @Override
  public synchronized void stepDone(SecretName name, String versionId, RotationStep step) {
    Objects.requireNonNull(step, "step");
    requireUnfinished(name, versionId);
    persist("D", name, versionId, step);
    open.put(name, new Progress(versionId, Optional.of(step)));
  }

  @Override
  public synchronized void finished(SecretName name, String versionId) {
    requireUnfinished(name, versionId);
    persist("F", name, versionId, null);
    open.remove(name);
  }

  @Override
  public void close() {}

  /** Makes a record durable before the state changes; nothing to do in memory. */
  void persist(String kind, SecretName name, String versionId, RotationStep step) {}

  synchronized Map<SecretName, Progress> openRotations() {
    return Map.copyOf(open);
  }

  void checkStart(SecretName name, String versionId) {
    Objects.requireNonNull(name, "name");
    SecretVersion.checkVersionId(versionId);
    Progress existing = open.get(name);
    if (existing != null) {
      throw new IllegalStateException(
          "a rotation of "
              + name
              + " creating version '"
              + existing.versionId()
              + "' is unfinished");
    }
  }

  private void requireUnfinished(SecretName name, String versionId) {
    Objects.requireNonNull(name, "name");
    Progress existing = open.get(name);
    if (existing == null || !existing.versionId().equals(versionId)) {
      throw new IllegalStateException(
          "no unfinished rotation of " + name + " creating version '" + versionId + "'");
    }
  }

  /** Applies a replayed record without persisting it. */
  synchronized void replay(
      String kind, SecretName name, String versionId, Optional<RotationStep> step) {
    switch (kind) {
      case "S" -> open.put(name, new Progress(versionId, Optional.empty()));
      case "D" -> open.put(name, new Progress(versionId, step));
      case "F" -> open.remove(name);
      default -> throw new IllegalArgumentException("unknown record kind " + kind);
    }
  }
}
