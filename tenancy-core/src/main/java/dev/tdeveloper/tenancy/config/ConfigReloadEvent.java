package dev.tdeveloper.tenancy.config;

import java.time.Instant;
import java.util.Objects;

/**
 * Published by {@link ReloadableTenantConfig} when a reload puts a new configuration in force, is
 * rejected, or fails in a consumer (an error: see {@link #failed()}); not published when nothing
 * changed, so a scheduler polling the file stays quiet.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the file reloaded
 * @param at when the reload happened, by the component's clock
 * @param result a {@link ReloadResult.Reloaded}, {@link ReloadResult.Rejected} or {@link
 *     ReloadResult.Failed}
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
          "result must be Reloaded, Rejected or Failed, was Unchanged (no event is published for it)");
    }
  }

  /** Returns whether the reload was rejected and the previous configuration kept. */
  public boolean rejected() {
    return result instanceof ReloadResult.Rejected;
  }

  /**
   * Returns whether a consumer failed to apply a configuration every validator accepted: an error
   * (the previous configuration was restored everywhere).
   */
  public boolean failed() {
    return result instanceof ReloadResult.Failed;
  }
}
