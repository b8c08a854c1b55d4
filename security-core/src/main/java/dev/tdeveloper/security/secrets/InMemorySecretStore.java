package dev.tdeveloper.security.secrets;

import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.spi.SecretStoreException;
import dev.tdeveloper.security.spi.SecretVersion;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link SecretStore} in this process's memory, for tests and for secrets that need not survive a
 * restart. Values are held as plain bytes (wiped on {@link #close()}); use {@link LocalSecretStore}
 * to keep them encrypted on disk.
 *
 * <p>Thread-safe: every operation holds the store's lock.
 */
public final class InMemorySecretStore implements SecretStore {
  private final InstantSource clock;
  private final SecretTable<byte[]> table = new SecretTable<>(byte[]::clone);
  private boolean closed;

  private InMemorySecretStore(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Returns an empty store stamping versions with the system clock. */
  public static InMemorySecretStore create() {
    return new InMemorySecretStore(InstantSource.system());
  }

  /** Returns an empty store stamping versions with {@code clock}. */
  public static InMemorySecretStore create(InstantSource clock) {
    return new InMemorySecretStore(clock);
  }

  @Override
  public synchronized SecretVersion put(SecretName name, String versionId, Secret value) {
    requireOpen();
    Optional<SecretVersion> existing = table.checkPut(name, versionId, value);
    if (existing.isPresent()) {
      return existing.get();
    }
    return table.applyPut(name, versionId, clock.instant(), value.bytes());
  }

  @Override
  public synchronized List<SecretVersion> versions(SecretName name) {
    requireOpen();
    return table.versions(name);
  }

  @Override
  public synchronized Optional<Secret> value(SecretName name, String versionId) {
    requireOpen();
    return table.stored(name, versionId).map(Secret::of);
  }

  @Override
  public synchronized void moveLabel(
      SecretName name, SecretLabel label, Optional<String> expected, Optional<String> target) {
    requireOpen();
    table.checkMove(name, label, expected, target);
    table.applyMove(name, label, target);
  }

  @Override
  public synchronized List<SecretName> names() {
    requireOpen();
    return table.names();
  }

  /** Wipes every value and closes the store; idempotent. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      for (SecretName name : table.names()) {
        for (SecretVersion version : table.versions(name)) {
          table.stored(name, version.versionId()).ifPresent(b -> Arrays.fill(b, (byte) 0));
        }
      }
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new SecretStoreException("the in-memory secret store is closed");
    }
  }
}
