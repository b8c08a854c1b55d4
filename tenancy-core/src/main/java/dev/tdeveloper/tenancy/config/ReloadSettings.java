package dev.tdeveloper.tenancy.config;

import dev.tdeveloper.tenancy.event.EventListener;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the builder of a reloadable configuration file ({@link ReloadableTenantConfig}, and those of
 * {@code security.yaml}, {@code regions.yaml}, {@code scaling.yaml}) collects before the first
 * load: the file, its consumers' validators, the listeners of its reload events and the clock
 * stamping them. The builders delegate here so their checks and messages are the same; {@link
 * ReloadableConfigFile} then does the reloading.
 *
 * <p>Not thread-safe: configure on one thread.
 *
 * @param <C> the parsed configuration
 * @param <E> the reload event
 */
public final class ReloadSettings<C, E> {
  private final Path path;
  private final List<EventListener<? super E>> listeners = new ArrayList<>();
  private final List<Map.Entry<String, ConfigValidator<? super C>>> validators = new ArrayList<>();
  private InstantSource clock;

  /**
   * Starts the settings of the file at {@code path}.
   *
   * @throws NullPointerException if {@code path} is null
   */
  public ReloadSettings(Path path) {
    this.path = Objects.requireNonNull(path, "path");
  }

  /**
   * Adds a consumer's validator, run on the first file and on every reload.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public void validator(String name, ConfigValidator<? super C> validator) {
    if (Objects.requireNonNull(name, "name").isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    validators.add(Map.entry(name, Objects.requireNonNull(validator, "validator")));
  }

  /**
   * Adds a listener for reload events.
   *
   * @throws NullPointerException if {@code listener} is null
   */
  public void listener(EventListener<? super E> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Sets the clock that timestamps events.
   *
   * @throws IllegalStateException if called twice
   */
  public void clock(InstantSource clock) {
    Objects.requireNonNull(clock, "clock");
    if (this.clock != null) {
      throw new IllegalStateException("clock was already set to " + this.clock);
    }
    this.clock = clock;
  }

  /** Returns the file. */
  public Path path() {
    return path;
  }

  /** Returns the clock set, or {@link InstantSource#system()}. */
  public InstantSource clock() {
    return clock == null ? InstantSource.system() : clock;
  }

  /** Returns the listeners added, in order. */
  public List<EventListener<? super E>> listeners() {
    return List.copyOf(listeners);
  }

  /** Returns new consumers holding the validators added, in order, and no appliers. */
  public ConfigConsumers<C> consumers() {
    ConfigConsumers<C> consumers = new ConfigConsumers<>();
    validators.forEach(v -> consumers.addValidator(v.getKey(), v.getValue()));
    return consumers;
  }
}
