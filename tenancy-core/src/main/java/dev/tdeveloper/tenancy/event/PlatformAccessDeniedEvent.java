package dev.tdeveloper.tenancy.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A principal was refused a platform permission (an operator view or admin route that belongs to no
 * tenant) because none of its platform roles grants it. Immutable and thread-safe.
 *
 * @param principalId the refused principal
 * @param permission the refused permission token
 * @param at when, by the guard's clock
 */
public record PlatformAccessDeniedEvent(String principalId, String permission, Instant at)
    implements AccessEvent {
  /** Checks that no field is null. */
  public PlatformAccessDeniedEvent {
    Objects.requireNonNull(principalId, "principalId");
    Objects.requireNonNull(permission, "permission");
    Objects.requireNonNull(at, "at");
  }
}
