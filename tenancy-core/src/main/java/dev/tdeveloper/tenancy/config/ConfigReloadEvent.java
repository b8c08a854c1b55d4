package dev.tdeveloper.tenancy.config;

import java.time.Instant;
import java.util.Objects;

/**
 * Published by {@link ReloadableTenantConfig} when a reload puts a new configuration in force or is
 * rejected; not published when nothing changed, so a scheduler polling the file stays quiet.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the file reloaded
 * @param at when the reload happened, by the component's clock
 * @param result a {@link ReloadResult.Reloaded} or a {@link ReloadResult.Rejected}
 */
public record ConfigReloadEvent(String source, Instant at, ReloadResult result) {
  /**
   * Validates the fields.
   *
   * @throws IllegalArgumentException if {@code result} is {@link ReloadResult.Unchanged}
   */
  public ConfigReloadEvent {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(result, "result");
    if (result instanceof ReloadResult.Unchanged) {
      throw new IllegalArgumentException(
          "result must be Reloaded or Rejected, was Unchanged (no event is published for it)");
    }
  }

  /** Returns whether the reload was rejected and the previous configuration kept. */
  public boolean rejected() {
    return result instanceof ReloadResult.Rejected;
  }
}
