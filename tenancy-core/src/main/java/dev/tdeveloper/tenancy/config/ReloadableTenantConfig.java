package dev.tdeveloper.tenancy.config;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the current {@link TenantConfig} of a {@code tenants.yaml} file and replaces it when the
 * file changes, for all its consumers or for none: readers calling {@link #current()} see either
 * the old or the new configuration, never a mix, and the consumers registered here all take a new
 * version or all keep the previous one.
 *
 * <p>A reload reads and parses the file, then runs every {@linkplain Builder#validator validator}
 * registered on the builder on the candidate. Any problem — the file is unreadable, deleted or
 * malformed, or any validator refuses a value — {@linkplain ReloadResult.Rejected rejects} the
 * reload as a whole with every problem found: nothing is applied and {@link #current()} stays the
 * previous configuration. An accepted candidate is handed to every {@linkplain #addApplier applier}
 * in registration order and only then becomes {@link #current()}; if an applier throws, the reload
 * {@linkplain ReloadResult.Failed fails}: the appliers that took it are given the previous
 * configuration again, which stays in force for everyone (see {@link ConfigConsumers}).
 *
 * <p>{@link #reloadIfChanged()} is cheap enough to call from a scheduler every few seconds: it
 * reads the file (at most {@value TenantConfigLoader#MAX_FILE_SIZE} bytes) and compares its SHA-256
 * with that of the last attempt, parsing only when it differs. Reloads, rejections and failures are
 * published as {@link ConfigReloadEvent}s to the listeners registered on the builder.
 *
 * <p>Design choice: validators are registered on the builder (they are stateless checks, and the
 * first file must pass them too), appliers on the built instance with {@link #addApplier}, which
 * applies {@link #current()} at once: consumers are usually built from {@link #current()}, so they
 * cannot exist before it, and applying under the reload lock means none can miss a reload that
 * happened between its construction and its registration.
 *
 * <p>Thread-safe. {@link #current()} is a lock-free read; reloads and registrations of appliers are
 * serialized so that an older read of the file can never overwrite a newer one.
 */
public final class ReloadableTenantConfig {
  private static final Logger LOG = LoggerFactory.getLogger(ReloadableTenantConfig.class);
  private static final ReloadResult.Unchanged UNCHANGED = new ReloadResult.Unchanged();

  private final ReloadableConfigFile<TenantConfig, ReloadResult> file;

  private ReloadableTenantConfig(Builder builder) {
    Path path = builder.settings.path();
    InstantSource clock = builder.settings.clock();
    Listeners<ConfigReloadEvent> listeners = Listeners.of(builder.settings.listeners());
    this.file =
        new ReloadableConfigFile<>(
            path,
            builder.settings.consumers(),
            new ReloadableConfigFile.Handler<>() {
              @Override
              public TenantConfig parse(String name, byte[] bytes) {
                return TenantConfigLoader.parse(name, bytes);
              }

              @Override
              public boolean sameValues(TenantConfig previous, TenantConfig next) {
                return next.equals(previous);
              }

              @Override
              public ReloadResult unchanged() {
                return UNCHANGED;
              }

              @Override
              public ReloadResult applied(TenantConfig previous, TenantConfig next) {
                return new ReloadResult.Reloaded(
                    next, changedTenants(previous, next), unlistedTenantsChanged(previous, next));
              }

              @Override
              public ReloadResult refused(ReloadResult refusal) {
                return refusal;
              }

              @Override
              public void announce(ReloadResult result) {
                log(path, result);
                if (!listeners.isEmpty()) {
                  listeners.publish(
                      new ConfigReloadEvent(path.toString(), clock.instant(), result));
                }
              }
            });
  }

  /** Returns a builder for the file at {@code path}. */
  public static Builder builder(Path path) {
    return new Builder(path);
  }

  /** Returns the file this configuration is loaded from. */
  public Path path() {
    return file.path();
  }

  /** Returns the configuration in force; never blocks. */
  public TenantConfig current() {
    return file.current();
  }

  /**
   * Registers {@code applier} after those already registered and applies {@link #current()} to it
   * at once, under the reload lock; it then takes every configuration accepted later.
   *
   * @param name names the consumer in failures and logs, for example {@code rate limits}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code name} is blank
   * @throws RuntimeException whatever the first application throws; the applier is then not
   *     registered
   */
  public void addApplier(String name, ConfigApplier<? super TenantConfig> applier) {
    file.addApplier(name, applier);
  }

  /**
   * Reads and parses the file now, whatever its content hash, and puts it in force if every
   * validator accepts it and every applier takes it. Publishes an event unless the result is {@link
   * ReloadResult.Unchanged}.
   *
   * @return what happened; never throws for a bad file or a failing consumer
   */
  public ReloadResult reload() {
    return file.reload();
  }

  /**
   * Reloads only if the file's content differs from the last attempt's (good or bad). When it is
   * the same, returns {@link ReloadResult.Unchanged} or, if that content was rejected or failed,
   * the same result again without publishing another event ({@link #reload()} retries).
   *
   * @return what happened; never throws for a bad file or a failing consumer
   */
  public ReloadResult reloadIfChanged() {
    return file.reloadIfChanged();
  }

  private static void log(Path path, ReloadResult result) {
    if (result instanceof ReloadResult.Reloaded reloaded) {
      LOG.info("reloaded {}; changed tenants: {}", path, reloaded.changedTenants());
    } else if (result instanceof ReloadResult.Rejected rejected) {
      LOG.warn(
          "rejected reload of {}, keeping the previous configuration everywhere:\n{}",
          path,
          rejected.message());
    } else if (result instanceof ReloadResult.Failed failed) {
      LOG.error(
          "reload of {} failed, restored the previous configuration: {}", path, failed.message());
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

  /**
   * Configures a {@link ReloadableTenantConfig}; not thread-safe. Each setter may be called once.
   */
  public static final class Builder {
    private final ReloadSettings<TenantConfig, ConfigReloadEvent> settings;

    private Builder(Path path) {
      this.settings = new ReloadSettings<>(path);
    }

    /**
     * Adds a consumer's validator, run on the first file and on every reload before anything is
     * applied; may be called many times. Every validator runs even when another found problems.
     *
     * @param name names the consumer, for example {@code rate limits}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public Builder validator(String name, ConfigValidator<? super TenantConfig> validator) {
      settings.validator(name, validator);
      return this;
    }

    /** Adds a listener for reloads, rejections and failures; may be called many times. */
    public Builder listener(EventListener<? super ConfigReloadEvent> listener) {
      settings.listener(listener);
      return this;
    }

    /**
     * Sets the clock that timestamps events; defaults to {@link InstantSource#system()}.
     *
     * @throws IllegalStateException if called twice
     */
    public Builder clock(InstantSource clock) {
      settings.clock(clock);
      return this;
    }

    /**
     * Loads the file and returns the reloadable configuration.
     *
     * @throws ConfigException if the initial load fails or a validator refuses the first file
     *     (there is no previous configuration to keep); it lists every problem found
     */
    public ReloadableTenantConfig build() {
      return new ReloadableTenantConfig(this);
    }
  }
}
