package dev.tdeveloper.scaling.spi;

import dev.tdeveloper.tenancy.spi.NamedProvider;
import dev.tdeveloper.tenancy.spi.ProviderSelector;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates {@link ScalingBackend}s; registered in {@code
 * META-INF/services/dev.tdeveloper.scaling.spi.ScalingBackendProvider} and picked with {@link
 * #select(Optional)}. scaling-core registers {@code simulated}; a Kubernetes or AWS Auto Scaling
 * backend registers its own name. Implementations are thread-safe and have a public no-argument
 * constructor.
 */
public interface ScalingBackendProvider extends NamedProvider {
  /** The artifact that brings the default provider, named in selection errors. */
  String DEFAULT_ARTIFACT = "dev.tdeveloper:scaling-core";

  /**
   * Creates a backend for one workload.
   *
   * @param config the workload, the clock and the backend's own properties
   * @return the backend
   * @throws IllegalArgumentException when a property is unknown, missing or invalid, naming it
   * @throws dev.tdeveloper.scaling.ScalingException when the platform cannot be reached
   */
  ScalingBackend create(Config config);

  /**
   * Picks the provider on the class path by the suite's rule: none found is an error naming the
   * artifact to add; one found is used; several need {@code name}, else the error lists them.
   *
   * @param name the configured provider name, if any
   * @return the provider
   * @throws IllegalStateException when none, or several without a name, or none of that name
   */
  static ScalingBackendProvider select(Optional<String> name) {
    return ProviderSelector.select(ScalingBackendProvider.class, name, DEFAULT_ARTIFACT);
  }

  /**
   * What a provider needs to create a backend. Immutable and thread-safe.
   *
   * @param workload the workload's name, {@code "demo-web"} for example
   * @param clock the wall clock
   * @param properties backend-specific settings, copied; each provider documents its keys
   */
  record Config(String workload, InstantSource clock, Map<String, String> properties) {
    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException when the workload is blank
     */
    public Config {
      Objects.requireNonNull(workload, "workload");
      Objects.requireNonNull(clock, "clock");
      properties = Map.copyOf(Objects.requireNonNull(properties, "properties"));
      if (workload.isBlank()) {
        throw new IllegalArgumentException("workload: blank; allowed: a non-blank name");
      }
    }

    /**
     * A configuration with the system clock.
     *
     * @param workload the workload's name
     * @param properties backend-specific settings
     * @return the configuration
     */
    public static Config of(String workload, Map<String, String> properties) {
      return new Config(workload, InstantSource.system(), properties);
    }
  }
}
