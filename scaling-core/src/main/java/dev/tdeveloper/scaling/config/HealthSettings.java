package dev.tdeveloper.scaling.config;

import dev.tdeveloper.scaling.health.CheckSettings;
import dev.tdeveloper.scaling.health.HealthCheck;
import dev.tdeveloper.scaling.health.HealthCheckRegistryBuilder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code health:} section of {@code scaling.yaml}: per-check settings (timeout, cache TTL,
 * criticality) and the groups (liveness, readiness, startup or any other) by check name. The checks
 * themselves are code; {@link #configure} registers them with these settings. Immutable and
 * thread-safe.
 *
 * @param checks the settings of each check the file names, in file order
 * @param groups the checks of each group, in file order
 */
public record HealthSettings(Map<String, CheckSettings> checks, Map<String, List<String>> groups) {
  /** Copies the maps, keeping their order. */
  public HealthSettings {
    checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    Map<String, List<String>> copy = new LinkedHashMap<>();
    groups.forEach((group, members) -> copy.put(group, List.copyOf(members)));
    groups = Collections.unmodifiableMap(copy);
  }

  /**
   * No check settings and no groups.
   *
   * @return the empty settings
   */
  public static HealthSettings none() {
    return new HealthSettings(Map.of(), Map.of());
  }

  /**
   * The settings of {@code check}: those of the file, else {@link CheckSettings#defaults()}.
   *
   * @param check a check's name
   * @return its settings
   */
  public CheckSettings settings(String check) {
    return checks.getOrDefault(Objects.requireNonNull(check, "check"), CheckSettings.defaults());
  }

  /**
   * Registers {@code implementations} with their settings and sets the groups on {@code builder}.
   *
   * @param builder the registry builder
   * @param implementations the checks by name
   * @return {@code builder}
   * @throws IllegalArgumentException naming the checks the file configures or groups but {@code
   *     implementations} does not provide
   */
  public HealthCheckRegistryBuilder configure(
      HealthCheckRegistryBuilder builder, Map<String, HealthCheck> implementations) {
    Objects.requireNonNull(builder, "builder");
    Set<String> missing = new LinkedHashSet<>(checks.keySet());
    groups.values().forEach(missing::addAll);
    missing.removeAll(implementations.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "health checks: "
              + missing
              + " are configured but not provided; allowed: checks among "
              + implementations.keySet());
    }
    implementations.forEach((name, check) -> builder.check(name, check, settings(name)));
    groups.forEach((group, members) -> builder.group(group, members.toArray(String[]::new)));
    return builder;
  }
}
