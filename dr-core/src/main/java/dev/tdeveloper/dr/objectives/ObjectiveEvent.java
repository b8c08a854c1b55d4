package dev.tdeveloper.dr.objectives;

import dev.tdeveloper.dr.spi.BackupScope;
import java.time.Instant;

/**
 * What {@link RecoveryObjectivesMonitor#check()} publishes when an objective changes between met
 * and breached; never twice in a row for the same objective. Immutable and thread-safe.
 */
public sealed interface ObjectiveEvent {
  /** Returns whose objective changed. */
  BackupScope scope();

  /** Returns the source's name. */
  String source();

  /** Returns the status that caused the event. */
  ObjectiveStatus status();

  /** Returns when the check ran. */
  Instant at();

  /** Which objective an event is about. */
  enum Objective {
    /** The recovery point objective. */
    RPO,
    /** The recovery time objective. */
    RTO
  }

  /**
   * The RPO went over target, or there is no verified recovery point.
   *
   * @param scope whose objective
   * @param source the source
   * @param status the status at the check
   * @param at when
   */
  record RpoBreached(BackupScope scope, String source, ObjectiveStatus status, Instant at)
      implements ObjectiveEvent {}

  /**
   * The RTO went over target, no drill succeeded, or the last drill failed.
   *
   * @param scope whose objective
   * @param source the source
   * @param status the status at the check
   * @param at when
   */
  record RtoBreached(BackupScope scope, String source, ObjectiveStatus status, Instant at)
      implements ObjectiveEvent {}

  /**
   * A breached objective is met again.
   *
   * @param scope whose objective
   * @param source the source
   * @param objective which objective recovered
   * @param status the status at the check
   * @param at when
   */
  record Recovered(
      BackupScope scope, String source, Objective objective, ObjectiveStatus status, Instant at)
      implements ObjectiveEvent {}
}
