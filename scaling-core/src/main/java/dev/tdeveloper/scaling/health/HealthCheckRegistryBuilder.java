package dev.tdeveloper.scaling.health;

import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.time.Ticker;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;

/**
 * Configures a {@link HealthCheckRegistry}: the checks, the groups that aggregate them, and the
 * executor, clocks and listeners. Each check name and each group is set once; the liveness,
 * readiness and startup groups exist (empty, so {@link HealthStatus#UP}) even when not configured.
 * Not thread-safe; {@link #build()} copies everything, so the registry never changes afterwards.
 */
public final class HealthCheckRegistryBuilder {
  private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");

  final Map<String, HealthCheck> checks = new LinkedHashMap<>();
  final Map<String, CheckSettings> settings = new LinkedHashMap<>();
  final Map<String, List<String>> groups = new LinkedHashMap<>();
  final List<EventListener<? super HealthChanged>> listeners = new ArrayList<>();
  ExecutorService executor;
  Ticker ticker;
  InstantSource clock;

  HealthCheckRegistryBuilder() {}

  /**
   * Registers a check with {@link CheckSettings#defaults()}.
   *
   * @param name the check's name, matching {@code [a-z0-9-]+}
   * @param check the check
   * @return this builder
   * @throws IllegalArgumentException if the name does not match
   * @throws IllegalStateException if a check of that name is already registered
   */
  public HealthCheckRegistryBuilder check(String name, HealthCheck check) {
    return check(name, check, CheckSettings.defaults());
  }

  /**
   * Registers a check with its own timeout, cache TTL and criticality.
   *
   * @param name the check's name, matching {@code [a-z0-9-]+}
   * @param check the check
   * @param settings how to run it
   * @return this builder
   * @throws IllegalArgumentException if the name does not match
   * @throws IllegalStateException if a check of that name is already registered
   */
  public HealthCheckRegistryBuilder check(String name, HealthCheck check, CheckSettings settings) {
    validName("check name", name);
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(settings, "settings");
    if (checks.containsKey(name)) {
      throw new IllegalStateException("check '" + name + "' is already registered");
    }
    checks.put(name, check);
    this.settings.put(name, settings);
    return this;
  }

  /**
   * Sets the {@value HealthCheckRegistry#LIVENESS} group: is the process able to work at all
   * (restart it if not)? Keep external dependencies out of it.
   *
   * @param checkNames the checks it aggregates
   * @return this builder
   */
  public HealthCheckRegistryBuilder liveness(String... checkNames) {
    return group(HealthCheckRegistry.LIVENESS, checkNames);
  }

  /**
   * Sets the {@value HealthCheckRegistry#READINESS} group: should traffic be sent here now?
   *
   * @param checkNames the checks it aggregates
   * @return this builder
   */
  public HealthCheckRegistryBuilder readiness(String... checkNames) {
    return group(HealthCheckRegistry.READINESS, checkNames);
  }

  /**
   * Sets the {@value HealthCheckRegistry#STARTUP} group: has the process finished starting? Once
   * UP, it stays UP.
   *
   * @param checkNames the checks it aggregates
   * @return this builder
   */
  public HealthCheckRegistryBuilder startup(String... checkNames) {
    return group(HealthCheckRegistry.STARTUP, checkNames);
  }

  /**
   * Sets a group; its checks must be registered by the time {@link #build()} runs.
   *
   * @param name the group's name, matching {@code [a-z0-9-]+}
   * @param checkNames the checks it aggregates, each once
   * @return this builder
   * @throws IllegalArgumentException if a name does not match or a check is listed twice
   * @throws IllegalStateException if the group is already set
   */
  public HealthCheckRegistryBuilder group(String name, String... checkNames) {
    validName("group name", name);
    Objects.requireNonNull(checkNames, "checkNames");
    if (groups.containsKey(name)) {
      throw new IllegalStateException("group '" + name + "' is already set");
    }
    Set<String> members = new LinkedHashSet<>();
    for (String check : checkNames) {
      validName("check name in group '" + name + "'", check);
      if (!members.add(check)) {
        throw new IllegalArgumentException(
            "group '" + name + "' lists check '" + check + "' twice; allowed: each check once");
      }
    }
    groups.put(name, List.copyOf(members));
    return this;
  }

  /**
   * Runs the checks on {@code executor}, which the registry does not shut down. Default: a cached
   * pool of daemon threads that {@link HealthCheckRegistry#close()} shuts down.
   *
   * @param executor the executor
   * @return this builder
   */
  public HealthCheckRegistryBuilder executor(ExecutorService executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
    return this;
  }

  /**
   * Measures cache ages and run durations with {@code ticker}. Default: {@link Ticker#system()}.
   *
   * @param ticker the monotonic time source
   * @return this builder
   */
  public HealthCheckRegistryBuilder ticker(Ticker ticker) {
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    return this;
  }

  /**
   * Stamps {@link HealthChanged} events with {@code clock}. Default: {@link
   * InstantSource#system()}.
   *
   * @param clock the wall clock
   * @return this builder
   */
  public HealthCheckRegistryBuilder clock(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Adds a listener for {@link HealthChanged} events.
   *
   * @param listener the listener; one that throws is logged and skipped
   * @return this builder
   */
  public HealthCheckRegistryBuilder listener(EventListener<? super HealthChanged> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Builds the registry.
   *
   * @return the registry
   * @throws IllegalArgumentException naming a group that lists an unregistered check
   */
  public HealthCheckRegistry build() {
    groups.forEach(
        (group, members) -> {
          for (String check : members) {
            if (!checks.containsKey(check)) {
              throw new IllegalArgumentException(
                  "group '"
                      + group
                      + "' lists unknown check '"
                      + check
                      + "'; registered checks: "
                      + checks.keySet());
            }
          }
        });
    return new HealthCheckRegistry(this);
  }

  private static void validName(String field, String name) {
    Objects.requireNonNull(name, field);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          field + ": '" + name + "' is not allowed; allowed: [a-z0-9-]+");
    }
  }
}
