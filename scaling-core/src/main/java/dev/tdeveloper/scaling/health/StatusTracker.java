package dev.tdeveloper.scaling.health;

import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.InstantSource;

/**
 * The last status of one check or group, publishing a {@link HealthChanged} on each transition.
 * Publishing happens under the tracker's lock so one subject's events arrive in order; listeners
 * are quick by contract.
 */
final class StatusTracker {
  private final HealthChanged.Kind kind;
  private final String name;
  private final Listeners<HealthChanged> listeners;
  private final InstantSource clock;
  private HealthStatus last = HealthStatus.UNKNOWN;
  private long lastSequence;

  StatusTracker(
      HealthChanged.Kind kind,
      String name,
      Listeners<HealthChanged> listeners,
      InstantSource clock) {
    this.kind = kind;
    this.name = name;
    this.listeners = listeners;
    this.clock = clock;
  }

  /**
   * Records {@code status}, found by the run numbered {@code sequence}; a run older than the last
   * one recorded is ignored, so a slow publisher cannot reorder a subject's statuses.
   */
  synchronized void observe(long sequence, HealthStatus status) {
    if (sequence <= lastSequence) {
      return;
    }
    lastSequence = sequence;
    if (status == last) {
      return;
    }
    HealthStatus previous = last;
    last = status;
    if (!listeners.isEmpty()) {
      listeners.publish(new HealthChanged(kind, name, previous, status, clock.instant()));
    }
  }
}
