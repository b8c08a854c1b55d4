package dev.tdeveloper.tenancy.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The reload machinery of one YAML configuration file, shared by {@link ReloadableTenantConfig} and
 * the holders of the suite's other files ({@code security.yaml}, {@code regions.yaml}, {@code
 * scaling.yaml}): it holds the version in force, reads the file again on {@link #reload()} or, when
 * its SHA-256 differs from the last attempt's, on {@link #reloadIfChanged()}, and puts a candidate
 * in force for all of its {@link ConfigConsumers} or for none. Reloads and registrations of
 * appliers are serialized, so an older read of the file can never overwrite a newer one. What a
 * file's values are, how a reload is reported and to whom is left to its {@link Handler}.
 *
 * <p>Thread-safe. {@link #current()} is a lock-free read.
 *
 * @param <C> the parsed configuration
 * @param <R> the result of a reload the owner reports
 */
public final class ReloadableConfigFile<C, R> {
  private final Path path;
  private final ConfigConsumers<C> consumers;
  private final Handler<C, R> handler;
  private final AtomicReference<C> current;
  private final Object reloadLock = new Object();
  private String lastFingerprint; // guarded by reloadLock
  private R lastRefusal; // guarded by reloadLock; null after an accepted read

  /**
   * What one kind of file adds to the shared reload steps.
   *
   * @param <C> the parsed configuration
   * @param <R> the result of a reload
   */
  public interface Handler<C, R> {
    /**
     * Parses the bytes of the file named {@code name}.
     *
     * @throws ConfigException listing every problem of the file
     */
    C parse(String name, byte[] bytes);

    /** Returns whether {@code next} holds the same values as {@code previous} for consumers. */
    boolean sameValues(C previous, C next);

    /** Returns the result of a reload that found nothing to change. */
    R unchanged();

    /**
     * Returns the result of a reload that put {@code next} in force instead of {@code previous}.
     */
    R applied(C previous, C next);

    /** Returns the result of a refused reload: {@code refusal} is rejected or failed. */
    R refused(ReloadResult refusal);

    /** Reports (logs, publishes) an applied or refused result; called under the reload lock. */
    void announce(R result);
  }

  /**
   * Loads the file at {@code path} and checks it with the validators of {@code consumers}.
   *
   * @throws ConfigException if the file is unreadable, invalid, or refused by a validator (there is
   *     no previous version to keep); it lists every problem found
   */
  public ReloadableConfigFile(Path path, ConfigConsumers<C> consumers, Handler<C, R> handler) {
    this.path = Objects.requireNonNull(path, "path");
    this.consumers = Objects.requireNonNull(consumers, "consumers");
    this.handler = Objects.requireNonNull(handler, "handler");
    FileRead first = FileRead.read(path);
    C initial = first.parse(path, handler::parse);
    List<ConfigProblem> problems = consumers.validate(initial);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    this.current = new AtomicReference<>(initial);
    this.lastFingerprint = first.fingerprint;
  }

  /** Returns the file the configuration is loaded from. */
  public Path path() {
    return path;
  }

  /** Returns the configuration in force; never blocks. */
  public C current() {
    return current.get();
  }

  /**
   * Registers {@code applier} after those already registered and applies {@link #current()} to it
   * at once, under the reload lock; it then takes every configuration accepted later.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code name} is blank
   * @throws RuntimeException whatever the first application throws; the applier is then not
   *     registered
   */
  public void addApplier(String name, ConfigApplier<? super C> applier) {
    if (Objects.requireNonNull(name, "name").isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    Objects.requireNonNull(applier, "applier");
    synchronized (reloadLock) {
      applier.apply(current.get());
      consumers.addApplier(name, applier);
    }
  }

  /** Reads the file now and puts it in force if every consumer accepts it; never throws for it. */
  public R reload() {
    synchronized (reloadLock) {
      return attempt(FileRead.read(path));
    }
  }

  /**
   * Reloads only if the file's content differs from the last attempt's (good or bad); otherwise
   * returns {@link Handler#unchanged()} or the last refusal again, without announcing it.
   */
  public R reloadIfChanged() {
    synchronized (reloadLock) {
      FileRead read = FileRead.read(path);
      if (read.fingerprint.equals(lastFingerprint)) {
        return lastRefusal == null ? handler.unchanged() : lastRefusal;
      }
      return attempt(read);
    }
  }

  private R attempt(FileRead read) {
    lastFingerprint = read.fingerprint;
    C next;
    try {
      next = read.parse(path, handler::parse);
    } catch (ConfigException e) {
      return refuse(new ReloadResult.Rejected(e.problems()));
    }
    C previous = current.get();
    if (handler.sameValues(previous, next)) {
      lastRefusal = null;
      current.set(next); // fresh locations even when unchanged
      return handler.unchanged();
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
    R applied = handler.applied(previous, next);
    handler.announce(applied);
    return applied;
  }

  private R refuse(ReloadResult refusal) {
    R refused = handler.refused(refusal);
    lastRefusal = refused;
    handler.announce(refused);
    return refused;
  }
}
