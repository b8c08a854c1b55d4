package dev.tdeveloper.dr.service;

import dev.tdeveloper.dr.drill.DrillResult;
import dev.tdeveloper.dr.spi.BackupScope;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The disaster-recovery state of one registered source in one scope: its newest backup, its newest
 * verified recovery point and live RPO, its last drill and RTO, and whether either objective is
 * breached (unknown counts as breached when there is a target). Immutable and thread-safe.
 *
 * @param scope whose data
 * @param source the source's name
 * @param policy the policy covering the source, if any
 * @param backups how many readable backups of the source the store holds
 * @param lastBackupId the newest backup's id, if any
 * @param lastBackupAt when the newest backup finished, if any
 * @param lastVerifiedPoint the newest verified recovery point, if any
 * @param rpo the live RPO (now minus {@code lastVerifiedPoint}), if known
 * @param rpoTarget the RPO target, if a policy sets one
 * @param rto the duration of the last successful drill, if any
 * @param rtoTarget the RTO target, if a policy sets one
 * @param lastDrill the newest recorded drill, if any
 * @param rpoBreached whether the RPO is over its target or unknown
 * @param rtoBreached whether the RTO is over its target or unknown, or the last drill failed
 */
public record SourceStatus(
    BackupScope scope,
    String source,
    Optional<String> policy,
    int backups,
    Optional<String> lastBackupId,
    Optional<Instant> lastBackupAt,
    Optional<Instant> lastVerifiedPoint,
    Optional<Duration> rpo,
    Optional<Duration> rpoTarget,
    Optional<Duration> rto,
    Optional<Duration> rtoTarget,
    Optional<DrillResult> lastDrill,
    boolean rpoBreached,
    boolean rtoBreached) {
  /** Checks that no field is null. */
  public SourceStatus {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(lastBackupId, "lastBackupId");
    Objects.requireNonNull(lastBackupAt, "lastBackupAt");
    Objects.requireNonNull(lastVerifiedPoint, "lastVerifiedPoint");
    Objects.requireNonNull(rpo, "rpo");
    Objects.requireNonNull(rpoTarget, "rpoTarget");
    Objects.requireNonNull(rto, "rto");
    Objects.requireNonNull(rtoTarget, "rtoTarget");
    Objects.requireNonNull(lastDrill, "lastDrill");
  }

  /**
   * Returns the status as plain JSON values (strings, numbers, booleans, nested maps): instants in
   * ISO-8601, durations in milliseconds, absent values as JSON null.
   */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("scope", scope.key());
    json.put("tenant", scope.tenant().map(t -> t.value()).orElse(null));
    json.put("source", source);
    json.put("policy", policy.orElse(null));
    json.put("backups", backups);
    json.put("lastBackupId", lastBackupId.orElse(null));
    json.put("lastBackupAt", lastBackupAt.map(Instant::toString).orElse(null));
    json.put("lastVerifiedPoint", lastVerifiedPoint.map(Instant::toString).orElse(null));
    json.put("rpoMillis", rpo.map(Duration::toMillis).orElse(null));
    json.put("rpoTargetMillis", rpoTarget.map(Duration::toMillis).orElse(null));
    json.put("rtoMillis", rto.map(Duration::toMillis).orElse(null));
    json.put("rtoTargetMillis", rtoTarget.map(Duration::toMillis).orElse(null));
    json.put("lastDrill", lastDrill.map(SourceStatus::drill).orElse(null));
    json.put("rpoBreached", rpoBreached);
    json.put("rtoBreached", rtoBreached);
    return json;
  }

  private static Map<String, Object> drill(DrillResult d) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("backupId", d.backupId().orElse(null));
    json.put("finished", d.finished().toString());
    json.put("passed", d.succeeded());
    json.put("measuredRtoMillis", d.measuredRto().toMillis());
    json.put("validation", d.validationMessage());
    json.put("failureReason", d.failureReason().orElse(null));
    return json;
  }
}
