package dev.tdeveloper.security.posture;

import dev.tdeveloper.tenancy.config.ConfigApplier;
import dev.tdeveloper.tenancy.config.ConfigConsumers;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import dev.tdeveloper.tenancy.config.ConfigValidator;
import dev.tdeveloper.tenancy.config.ReloadResult;
import dev.tdeveloper.tenancy.config.YamlConfigFiles;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
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

  private final Path path;
  private final InstantSource clock;
  private final Listeners<PolicyReloadEvent> listeners;
  private final ConfigConsumers<SecurityPolicyFile> consumers = new ConfigConsumers<>();
  private final AtomicReference<SecurityPolicyFile> current;
  private final Object reloadLock = new Object();
  private Object lastRead; // guarded by reloadLock: the bytes or the failure message last read
  private PolicyReload lastRefusal; // guarded by reloadLock

  private ReloadableSecurityPolicy(Builder builder) {
    this.path = builder.path;
    this.clock = builder.clock == null ? InstantSource.system() : builder.clock;
    this.listeners = Listeners.of(builder.listeners);
    builder.validators.forEach(v -> consumers.addValidator(v.getKey(), v.getValue()));
    byte[] bytes = YamlConfigFiles.read(path);
    SecurityPolicyFile initial = SecurityPolicyLoader.parse(path.toString(), bytes);
    List<ConfigProblem> problems = consumers.validate(initial);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    this.current = new AtomicReference<>(initial);
    this.lastRead = bytes;
  }

  /** Returns a builder for the file at {@code path}. */
  public static Builder builder(Path path) {
    return new Builder(path);
  }

  /** Returns the file the policy is loaded from. */
  public Path path() {
    return path;
  }

  /** Returns the policy in force; never blocks. */
  public SecurityPolicy current() {
    return current.get().policy();
  }

  /** Returns the policy in force with where each field is written. */
  public SecurityPolicyFile currentFile() {
    return current.get();
  }

  /**
   * Registers {@code applier} after those already registered and applies the policy in force to it
   * at once; it then takes every policy accepted later.
   *
   * @throws RuntimeException whatever the first application throws; it is then not registered
   */
  public void addApplier(String name, ConfigApplier<? super SecurityPolicyFile> applier) {
    if (Objects.requireNonNull(name, "name").isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    Objects.requireNonNull(applier, "applier");
    synchronized (reloadLock) {
      applier.apply(current.get());
      consumers.addApplier(name, applier);
    }
  }

  /** Reads the file now and puts its policy in force if everything accepts it; never throws. */
  public PolicyReload reload() {
    synchronized (reloadLock) {
      return attempt();
    }
  }

  /**
   * Reloads only if the file's bytes differ from the last attempt's; otherwise returns {@link
   * PolicyReload.Unchanged}, or the same refusal again without another event.
   */
  public PolicyReload reloadIfChanged() {
    synchronized (reloadLock) {
      Object read = read();
      if (sameRead(read, lastRead)) {
        return lastRefusal == null ? UNCHANGED : lastRefusal;
      }
      return attempt(read);
    }
  }

  private PolicyReload attempt() {
    return attempt(read());
  }

  private Object read() {
    try {
      return YamlConfigFiles.read(path);
    } catch (ConfigException e) {
      return e;
    }
  }

  private static boolean sameRead(Object a, Object b) {
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    return a instanceof ConfigException x
        && b instanceof ConfigException y
        && x.getMessage().equals(y.getMessage());
  }

  private PolicyReload attempt(Object read) {
    lastRead = read;
    SecurityPolicyFile next;
    try {
      if (read instanceof ConfigException e) {
        throw e;
      }
      next = SecurityPolicyLoader.parse(path.toString(), (byte[]) read);
    } catch (ConfigException e) {
      return refuse(new ReloadResult.Rejected(e.problems()));
    }
    SecurityPolicyFile previous = current.get();
    if (next.policy().equals(previous.policy())) {
      lastRefusal = null;
      current.set(next); // fresh locations even when unchanged
      return UNCHANGED;
    }
    List<ConfigProblem> problems = consumers.validate(next);
    if (!problems.isEmpty()) {
      return refuse(new ReloadResult.Rejected(problems));
    }
    Optional<ReloadResult.Failed> failed = consumers.apply(previous, next);
    if (failed.isPresent()) {
      return refuse(failed.get());
    }
    lastRefusal = null;
    current.set(next);
    LOG.info("reloaded security policy from {}: {}", path, next.policy());
    PolicyReload applied = new PolicyReload.Applied(next);
    publish(applied);
    return applied;
  }

  private PolicyReload refuse(ReloadResult result) {
    PolicyReload.Refused refused = new PolicyReload.Refused(result);
    lastRefusal = refused;
    LOG.warn(
        "refused reload of {}, keeping the previous policy everywhere:\n{}",
        path,
        refused.message());
    publish(refused);
    return refused;
  }

  private void publish(PolicyReload result) {
    if (!listeners.isEmpty()) {
      listeners.publish(new PolicyReloadEvent(path.toString(), clock.instant(), result));
    }
  }

  /** Configures a {@link ReloadableSecurityPolicy}; not thread-safe. */
  public static final class Builder {
    private final Path path;
    private final List<EventListener<? super PolicyReloadEvent>> listeners = new ArrayList<>();
    private final List<Map.Entry<String, ConfigValidator<? super SecurityPolicyFile>>> validators =
        new ArrayList<>();
    private InstantSource clock;

    private Builder(Path path) {
      this.path = Objects.requireNonNull(path, "path");
    }

    /**
     * Adds a consumer's validator, run on the first file and on every reload; every validator runs
     * even when another found problems.
     *
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public Builder validator(String name, ConfigValidator<? super SecurityPolicyFile> validator) {
      if (Objects.requireNonNull(name, "name").isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      validators.add(Map.entry(name, Objects.requireNonNull(validator, "validator")));
      return this;
    }

    /** Adds a listener for reloads and refusals; may be called many times. */
    public Builder listener(EventListener<? super PolicyReloadEvent> listener) {
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
