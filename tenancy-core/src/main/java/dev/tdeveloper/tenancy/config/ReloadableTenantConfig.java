package dev.tdeveloper.tenancy.config;

import com.google.common.hash.Hashing;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the current {@link TenantConfig} of a {@code tenants.yaml} file and replaces it when the
 * file changes, atomically: readers calling {@link #current()} see either the old or the new
 * configuration, never a mix. An invalid, unreadable or deleted file never replaces a good
 * configuration; the reload is {@link ReloadResult.Rejected rejected} with the reason.
 *
 * <p>{@link #reloadIfChanged()} is cheap enough to call from a scheduler every few seconds: it
 * reads the file (at most {@value TenantConfigLoader#MAX_FILE_SIZE} bytes) and compares its SHA-256
 * with that of the last attempt, parsing only when it differs. Reloads and rejections are published
 * as {@link ConfigReloadEvent}s to the listeners registered on the builder.
 *
 * <p>Thread-safe. {@link #current()} is a lock-free read; reloads are serialized so that an older
 * read of the file can never overwrite a newer one.
 */
public final class ReloadableTenantConfig {
  private static final Logger LOG = LoggerFactory.getLogger(ReloadableTenantConfig.class);
  private static final ReloadResult.Unchanged UNCHANGED = new ReloadResult.Unchanged();

  private final Path path;
  private final InstantSource clock;
  private final Listeners<ConfigReloadEvent> listeners;
  private final AtomicReference<TenantConfig> current;
  private final Object reloadLock = new Object();
  private String lastFingerprint; // guarded by reloadLock
  private ReloadResult.Rejected lastRejection; // guarded by reloadLock; null after a good attempt

  private ReloadableTenantConfig(Builder builder) {
    this.path = builder.path;
    this.clock = builder.clock == null ? InstantSource.system() : builder.clock;
    this.listeners = Listeners.of(builder.listeners);
    Attempt first = Attempt.read(path);
    this.current = new AtomicReference<>(first.parse(path));
    this.lastFingerprint = first.fingerprint;
  }

  /** Returns a builder for the file at {@code path}. */
  public static Builder builder(Path path) {
    return new Builder(path);
  }

  /** Returns the file this configuration is loaded from. */
  public Path path() {
    return path;
  }

  /** Returns the configuration in force; never blocks. */
  public TenantConfig current() {
    return current.get();
  }

  /**
   * Reads and parses the file now, whatever its content hash, and puts it in force if valid.
   * Publishes an event unless the result is {@link ReloadResult.Unchanged}.
   *
   * @return what happened; never throws for a bad file
   */
  public ReloadResult reload() {
    synchronized (reloadLock) {
      return apply(Attempt.read(path));
    }
  }

  /**
   * Reloads only if the file's content differs from the last attempt's (good or bad). When it is
   * the same, returns {@link ReloadResult.Unchanged} or, if that content was rejected, the same
   * {@link ReloadResult.Rejected} again without publishing another event.
   *
   * @return what happened; never throws for a bad file
   */
  public ReloadResult reloadIfChanged() {
    synchronized (reloadLock) {
      Attempt attempt = Attempt.read(path);
      if (attempt.fingerprint.equals(lastFingerprint)) {
        return lastRejection == null ? UNCHANGED : lastRejection;
      }
      return apply(attempt);
    }
  }

  private ReloadResult apply(Attempt attempt) {
    lastFingerprint = attempt.fingerprint;
    TenantConfig next;
    try {
      next = attempt.parse(path);
    } catch (ConfigException e) {
      lastRejection = new ReloadResult.Rejected(e);
      LOG.warn(
          "rejected reload of {}, keeping the previous configuration: {}", path, e.getMessage());
      publish(lastRejection);
      return lastRejection;
    }
    lastRejection = null;
    TenantConfig previous = current.getAndSet(next); // fresh line numbers even when unchanged
    if (next.equals(previous)) {
      return UNCHANGED;
    }
    ReloadResult.Reloaded reloaded =
        new ReloadResult.Reloaded(
            next, changedTenants(previous, next), unlistedTenantsChanged(previous, next));
    LOG.info("reloaded {}; changed tenants: {}", path, reloaded.changedTenants());
    publish(reloaded);
    return reloaded;
  }

  private void publish(ReloadResult result) {
    if (!listeners.isEmpty()) {
      listeners.publish(new ConfigReloadEvent(path.toString(), clock.instant(), result));
    }
  }

  private static Set<TenantId> changedTenants(TenantConfig before, TenantConfig after) {
    Set<TenantId> ids = new TreeSet<>();
    before.tenants().forEach(t -> ids.add(t.id()));
    after.tenants().forEach(t -> ids.add(t.id()));
    ids.removeIf(
        id ->
            before.tenant(id).equals(after.tenant(id))
                && before.settingsFor(id).sameValuesAs(after.settingsFor(id)));
    return ids;
  }

  private static boolean unlistedTenantsChanged(TenantConfig before, TenantConfig after) {
    return !before.defaultPlan().equals(after.defaultPlan())
        || !before
            .settingsForPlan(before.defaultPlan())
            .sameValuesAs(after.settingsForPlan(after.defaultPlan()));
  }

  /** One read of the file: its bytes and SHA-256, or why it could not be read. */
  private static final class Attempt {
    private final byte[] bytes;
    private final ConfigException failure;
    private final String fingerprint;

    private Attempt(byte[] bytes, ConfigException failure, String fingerprint) {
      this.bytes = bytes;
      this.failure = failure;
      this.fingerprint = fingerprint;
    }

    static Attempt read(Path path) {
      try {
        byte[] bytes = TenantConfigLoader.read(path);
        return new Attempt(bytes, null, "sha256:" + Hashing.sha256().hashBytes(bytes));
      } catch (ConfigException e) {
        return new Attempt(null, e, "unreadable:" + e.getMessage());
      }
    }

    TenantConfig parse(Path path) {
      if (failure != null) {
        throw failure;
      }
      return TenantConfigLoader.parse(path.toString(), bytes);
    }
  }

  /**
   * Configures a {@link ReloadableTenantConfig}; not thread-safe. Each setter may be called once.
   */
  public static final class Builder {
    private final Path path;
    private final List<EventListener<? super ConfigReloadEvent>> listeners = new ArrayList<>();
    private InstantSource clock;

    private Builder(Path path) {
      this.path = Objects.requireNonNull(path, "path");
    }

    /** Adds a listener for reloads and rejections; may be called many times. */
    public Builder listener(EventListener<? super ConfigReloadEvent> listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Sets the clock that timestamps events; defaults to {@link InstantSource#system()}.
     *
     * @throws IllegalStateException if called twice
     */
    public Builder clock(InstantSource clock) {
      Objects.requireNonNull(clock, "clock");
      if (this.clock != null) {
        throw new IllegalStateException("clock was already set to " + this.clock);
      }
      this.clock = clock;
      return this;
    }

    /**
     * Loads the file and returns the reloadable configuration.
     *
     * @throws ConfigException if the initial load fails (there is no previous configuration to
     *     keep)
     */
    public ReloadableTenantConfig build() {
      return new ReloadableTenantConfig(this);
    }
  }
}
