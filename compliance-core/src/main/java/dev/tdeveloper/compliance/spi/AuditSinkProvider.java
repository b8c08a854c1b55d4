package dev.tdeveloper.compliance.spi;

import dev.tdeveloper.tenancy.spi.NamedProvider;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;

/**
 * Creates {@link AuditSink}s; registered in {@code
 * META-INF/services/dev.tdeveloper.compliance.spi.AuditSinkProvider} and picked with {@link
 * dev.tdeveloper.tenancy.spi.ProviderSelector}. compliance-core registers {@code file}; the
 * PostgreSQL backend will register {@code postgres}. Implementations must be thread-safe and have a
 * public no-argument constructor.
 */
public interface AuditSinkProvider extends NamedProvider {
  /**
   * Creates and opens a sink; the caller closes it.
   *
   * @throws IllegalArgumentException if a property is missing, unknown or invalid, naming it
   * @throws dev.tdeveloper.compliance.ComplianceException if the storage cannot be opened
   */
  AuditSink create(Config config);

  /**
   * What a provider needs to create a sink: the wall clock and backend-specific string properties
   * (for example {@code file.directory}). Immutable and thread-safe.
   *
   * @param clock the wall clock the sink dates its segments or rows by
   * @param properties backend-specific settings, copied; each backend documents its keys
   */
  record Config(InstantSource clock, Map<String, String> properties) {
    /** Validates and copies the fields. */
    public Config {
      Objects.requireNonNull(clock, "clock");
      properties = Map.copyOf(Objects.requireNonNull(properties, "properties"));
    }

    /** Returns a configuration with the system clock and {@code properties}. */
    public static Config of(Map<String, String> properties) {
      return new Config(InstantSource.system(), properties);
    }
  }
}
