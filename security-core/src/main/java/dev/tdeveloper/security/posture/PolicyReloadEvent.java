package dev.tdeveloper.security.posture;

import java.time.Instant;
import java.util.Objects;

/**
 * Published by {@link ReloadableSecurityPolicy} when a reload puts a new policy in force or is
 * refused; not when nothing changed. Immutable and thread-safe.
 *
 * @param source the file reloaded
 * @param at when, by the holder's clock
 * @param result an {@link PolicyReload.Applied} or a {@link PolicyReload.Refused}
 */
public record PolicyReloadEvent(String source, Instant at, PolicyReload result) {
  /**
   * Validates the fields.
   *
   * @throws IllegalArgumentException if {@code result} is {@link PolicyReload.Unchanged}
   */
  public PolicyReloadEvent {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(result, "result");
    if (result instanceof PolicyReload.Unchanged) {
      throw new IllegalArgumentException("no event is published for an unchanged file");
    }
  }
}
