package dev.tdeveloper.security.posture;

import dev.tdeveloper.tenancy.config.ConfigApplier;
import dev.tdeveloper.tenancy.config.ConfigConsumers;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.ConfigValidator;
import dev.tdeveloper.tenancy.config.ReloadResult;
import dev.tdeveloper.tenancy.config.ReloadSettings;
import dev.tdeveloper.tenancy.config.ReloadableConfigFile;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.nio.file.Path;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the current {@link SecurityPolicy} of a {@code security.yaml} file and replaces it when the
 * file changes, for all its consumers or for none, by the rule {@code tenants.yaml} follows ({@link
 * ConfigConsumers}): a reload parses the file and checks every value (every bad one is listed with
 * its {@code file:line:column}, field path, value and allowed range), runs every {@linkplain
 * Builder#validator validator}, and is {@linkplain PolicyReload.Refused refused} as a whole if
 * anything is wrong; an accepted policy goes to every {@linkplain #addApplier applier} in
 * registration order, rolled back for all if one throws, and only then becomes {@link #current()}.
 * Reloads and refusals are published as {@link PolicyReloadEvent}s.
 *
 * <p>Thread-safe. {@link #current()} is a lock-free read; reloads are serialized.
 */
public final class ReloadableSecurityPolicy {
  private static final Logger LOG = LoggerFactory.getLogger(ReloadableSecurityPolicy.class);
  private static final PolicyReload.Unchanged UNCHANGED = new PolicyReload.Unchanged();

  private final ReloadableConfigFile<SecurityPolicyFile, PolicyReload> file;

  private ReloadableSecurityPolicy(Builder builder) {
    Path path = builder.settings.path();
    InstantSource clock = builder.settings.clock();
    Listeners<PolicyReloadEvent> listeners = Listeners.of(builder.settings.listeners());
    this.file =
        new ReloadableConfigFile<>(
            path,
            builder.settings.consumers(),
            new ReloadableConfigFile.Handler<>() {
              @Override
              public SecurityPolicyFile parse(String name, byte[] bytes) {
                return SecurityPolicyLoader.parse(name, bytes);
              }

              @Override
              public boolean sameValues(SecurityPolicyFile previous, SecurityPolicyFile next) {
                return next.policy().equals(previous.policy());
              }

              @Override
              public PolicyReload unchanged() {
                return UNCHANGED;
              }

              @Override
              public PolicyReload applied(SecurityPolicyFile previous, SecurityPolicyFile next) {
                return new PolicyReload.Applied(next);
              }

              @Override
              public PolicyReload refused(ReloadResult refusal) {
                return new PolicyReload.Refused(refusal);
              }

              @Override
              public void announce(PolicyReload result) {
                log(path, result);
                if (!listeners.isEmpty()) {
                  listeners.publish(
                      new PolicyReloadEvent(path.toString(), clock.instant(), result));
                }
              }
            });
  }

  /** Returns a builder for the file at {@code path}. */
  public static Builder builder(Path path) {
    return new Builder(path);
  }

  /** Returns the file the policy is loaded from. */
  public Path path() {
    return file.path();
  }

  /** Returns the policy in force; never blocks. */
  public SecurityPolicy current() {
    return file.current().policy();
  }

  /** Returns the policy in force with where each field is written. */
  public SecurityPolicyFile currentFile() {
    return file.current();
  }

  /**
   * Registers {@code applier} after those already registered and applies the policy in force to it
   * at once; it then takes every policy accepted later.
   *
   * @throws RuntimeException whatever the first application throws; it is then not registered
   */
  public void addApplier(String name, ConfigApplier<? super SecurityPolicyFile> applier) {
    file.addApplier(name, applier);
  }

  /** Reads the file now and puts its policy in force if everything accepts it; never throws. */
  public PolicyReload reload() {
    return file.reload();
  }

  /**
   * Reloads only if the file's bytes differ from the last attempt's; otherwise returns {@link
   * PolicyReload.Unchanged}, or the same refusal again without another event.
   */
  public PolicyReload reloadIfChanged() {
    return file.reloadIfChanged();
  }

  private static void log(Path path, PolicyReload result) {
    if (result instanceof PolicyReload.Applied applied) {
      LOG.info("reloaded security policy from {}: {}", path, applied.file().policy());
    } else if (result instanceof PolicyReload.Refused refused) {
      LOG.warn(
          "refused reload of {}, keeping the previous policy everywhere:\n{}",
          path,
          refused.message());
    }
  }

  /** Configures a {@link ReloadableSecurityPolicy}; not thread-safe. */
  public static final class Builder {
    private final ReloadSettings<SecurityPolicyFile, PolicyReloadEvent> settings;

    private Builder(Path path) {
      this.settings = new ReloadSettings<>(path);
    }

    /**
     * Adds a consumer's validator, run on the first file and on every reload; every validator runs
     * even when another found problems.
     *
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public Builder validator(String name, ConfigValidator<? super SecurityPolicyFile> validator) {
      settings.validator(name, validator);
      return this;
    }

    /** Adds a listener for reloads and refusals; may be called many times. */
    public Builder listener(EventListener<? super PolicyReloadEvent> listener) {
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
     * Loads the file and returns the holder.
     *
     * @throws ConfigException if the first file is unreadable, invalid, or refused by a validator;
     *     it lists every problem found
     */
    public ReloadableSecurityPolicy build() {
      return new ReloadableSecurityPolicy(this);
    }
  }
}
