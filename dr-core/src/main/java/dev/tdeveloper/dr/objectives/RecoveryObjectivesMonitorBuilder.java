package dev.tdeveloper.dr.objectives;

import dev.tdeveloper.dr.policy.BackupPolicy;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link RecoveryObjectivesMonitor}. Defaults: the system clock, no targets (set them
 * here, from policies, or later on the monitor). Not thread-safe.
 */
public final class RecoveryObjectivesMonitorBuilder {
  private final Map<String, RecoveryTargets> targets = new HashMap<>();
  private final List<EventListener<? super ObjectiveEvent>> listeners = new ArrayList<>();
  private InstantSource clock;

  RecoveryObjectivesMonitorBuilder() {}

  /** Sets the clock; default the system clock. May be set once. */
  public RecoveryObjectivesMonitorBuilder clock(InstantSource clock) {
    if (this.clock != null) {
      throw new IllegalStateException("clock was already set");
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Sets the targets of a source (in every scope).
   *
   * @throws IllegalArgumentException if the name is malformed
   * @throws IllegalStateException if the source has targets already
   */
  public RecoveryObjectivesMonitorBuilder targets(String source, RecoveryTargets targets) {
    RecoveryObjectivesMonitor.checkSource(source);
    Objects.requireNonNull(targets, "targets");
    if (this.targets.containsKey(source)) {
      throw new IllegalStateException("targets of source '" + source + "' were already set");
    }
    this.targets.put(source, targets);
    return this;
  }

  /**
   * Sets the policy's RPO and RTO as the targets of each of its sources.
   *
   * @throws IllegalStateException if one of its sources has targets already
   */
  public RecoveryObjectivesMonitorBuilder targets(BackupPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    RecoveryTargets fromPolicy = new RecoveryTargets(policy.rpo(), policy.rto());
    for (String source : policy.sources()) {
      if (targets.containsKey(source)) {
        throw new IllegalStateException(
            "targets of source '"
                + source
                + "' were already set; policy '"
                + policy.name()
                + "' sets them again");
      }
    }
    policy.sources().forEach(source -> targets.put(source, fromPolicy));
    return this;
  }

  /** Adds a listener for breach and recovery events. */
  public RecoveryObjectivesMonitorBuilder listener(EventListener<? super ObjectiveEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /** Builds the monitor. */
  public RecoveryObjectivesMonitor build() {
    return new RecoveryObjectivesMonitor(
        clock == null ? InstantSource.system() : clock, Listeners.of(listeners), targets);
  }
}
