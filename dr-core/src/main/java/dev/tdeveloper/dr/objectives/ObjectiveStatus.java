package dev.tdeveloper.dr.objectives;

import dev.tdeveloper.dr.spi.BackupScope;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The recovery objectives of one source in one scope at one instant. An unknown RPO (no verified
 * recovery point) or RTO (no successful drill), or a last drill that failed, counts as breached
 * when there is a target: nothing proves the objective is met. Immutable and thread-safe.
 *
 * @param scope whose data
 * @param source the source's name
 * @param lastVerifiedPoint the newest verified recovery point, if any
 * @param rpo the live RPO: the time since {@code lastVerifiedPoint}
 * @param rto the duration of the last successful drill
 * @param lastDrillFailed whether the most recent drill failed
 * @param targets the objectives, if set for the source
 * @param rpoBreached whether there is a target and the RPO is unknown or over it
 * @param rtoBreached whether there is a target and the RTO is unknown or over it, or the last drill
 *     failed
 */
public record ObjectiveStatus(
    BackupScope scope,
    String source,
    Optional<Instant> lastVerifiedPoint,
    Optional<Duration> rpo,
    Optional<Duration> rto,
    boolean lastDrillFailed,
    Optional<RecoveryTargets> targets,
    boolean rpoBreached,
    boolean rtoBreached) {
  /** Checks that no field is null. */
  public ObjectiveStatus {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(lastVerifiedPoint, "lastVerifiedPoint");
    Objects.requireNonNull(rpo, "rpo");
    Objects.requireNonNull(rto, "rto");
    Objects.requireNonNull(targets, "targets");
  }
}
