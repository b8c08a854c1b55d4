package dev.tdeveloper.security.crypto.local;

import dev.tdeveloper.security.spi.KeyManagerException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Configures and opens a {@link LocalKeyManager}. Each setter may be called once (a second call
 * throws {@link IllegalStateException}); a null argument throws {@link NullPointerException}. Not
 * thread-safe; the manager it opens is.
 */
public final class LocalKeyManagerBuilder {
  private final Path directory;
  private final MasterKey masterKey;
  private InstantSource clock;
  private Consumer<String> crashHook = step -> {};

  LocalKeyManagerBuilder(Path directory, MasterKey masterKey) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.masterKey = Objects.requireNonNull(masterKey, "masterKey");
  }

  /** Sets the clock stamping new key versions; default {@link InstantSource#system()}. */
  public LocalKeyManagerBuilder clock(InstantSource clock) {
    Objects.requireNonNull(clock, "clock");
    if (this.clock != null) {
      throw new IllegalStateException("clock was already set to " + this.clock);
    }
    this.clock = clock;
    return this;
  }

  /** Receives the steps of a destroy's journal rewrite, for crash tests. */
  LocalKeyManagerBuilder crashHook(Consumer<String> hook) {
    this.crashHook = Objects.requireNonNull(hook, "hook");
    return this;
  }

  /**
   * Opens the key store, creating the directory and an empty store if missing.
   *
   * @throws KeyManagerException if the store is locked by another manager, corrupt, unreadable, or
   *     was created with another master key
   */
  public LocalKeyManager open() {
    return new LocalKeyManager(
        directory, masterKey, clock == null ? InstantSource.system() : clock, crashHook);
  }
}
