package dev.tdeveloper.observability.micrometer;

import dev.tdeveloper.dr.backup.BackupEvent;
import dev.tdeveloper.dr.drill.DrillEvent;
import dev.tdeveloper.dr.objectives.ObjectiveEvent;
import dev.tdeveloper.dr.policy.SchedulerEvent;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.event.EventListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;

/**
 * Meters for dr-core's backup engine, backup scheduler, restore drill and RPO/RTO monitor events;
 * loaded only when used.
 */
final class DrBinder {
  private final TenantMeters meters;

  DrBinder(TenantMeters meters) {
    this.meters = meters;
  }

  EventListener<Object> backup() {
    return meters.safe(
        "backup",
        event -> {
          if (event instanceof BackupEvent.BackupCompleted e) {
            count("tdeveloper.backup.runs", "Backups run", e.scope(), "outcome", "completed")
                .increment();
            meters
                .meter(
                    e.scope().tenant(),
                    tag ->
                        Timer.builder("tdeveloper.backup.duration")
                            .description("Time taken by completed backups")
                            .tag(TdeveloperMetrics.TENANT_TAG, tag)
                            .register(meters.registry))
                .record(e.result().elapsed());
          } else if (event instanceof BackupEvent.BackupFailed e) {
            count("tdeveloper.backup.runs", "Backups run", e.scope(), "outcome", "failed")
                .increment();
          } else if (event instanceof BackupEvent.RestoreCompleted e) {
            count("tdeveloper.backup.restores", "Restores completed", e.scope()).increment();
          } else if (event instanceof BackupEvent.Verified e) {
            count(
                    "tdeveloper.backup.verifications",
                    "Backup verifications",
                    e.scope(),
                    "outcome",
                    e.report().ok() ? "ok" : "failed")
                .increment();
          }
        });
  }

  EventListener<Object> scheduler() {
    return meters.safe(
        "backup scheduler",
        event -> {
          if (event instanceof SchedulerEvent e) {
            String outcome;
            if (e instanceof SchedulerEvent.Started) {
              outcome = "started";
            } else if (e instanceof SchedulerEvent.Completed) {
              outcome = "completed";
            } else if (e instanceof SchedulerEvent.Failed) {
              outcome = "failed";
            } else {
              outcome = "skipped";
            }
            Counter.builder("tdeveloper.backup.schedule.runs")
                .description("Scheduled backup runs by outcome")
                .tags("policy", e.policy(), "outcome", outcome)
                .tag(TdeveloperMetrics.TENANT_TAG, TdeveloperMetrics.NO_TENANT)
                .register(meters.registry)
                .increment();
          }
        });
  }

  EventListener<Object> drills() {
    return meters.safe(
        "restore drill",
        event -> {
          if (event instanceof DrillEvent.Finished e) {
            String outcome = e instanceof DrillEvent.Passed ? "passed" : "failed";
            count(
                    "tdeveloper.restore.drills",
                    "Restore drills run",
                    e.scope(),
                    "source",
                    e.source(),
                    "outcome",
                    outcome)
                .increment();
            meters
                .meter(
                    e.scope().tenant(),
                    tag ->
                        Timer.builder("tdeveloper.restore.drill.rto")
                            .description("Recovery time measured by restore drills")
                            .tags("source", e.source(), "outcome", outcome)
                            .tag(TdeveloperMetrics.TENANT_TAG, tag)
                            .register(meters.registry))
                .record(e.result().measuredRto());
          }
        });
  }

  EventListener<Object> objectives() {
    return meters.safe(
        "recovery objectives",
        event -> {
          if (event instanceof ObjectiveEvent.Recovered e) {
            objective(
                "tdeveloper.recovery.objective.recoveries",
                "RPO or RTO breaches that ended",
                e,
                e.objective());
          } else if (event instanceof ObjectiveEvent.RpoBreached e) {
            objective(
                "tdeveloper.recovery.objective.breaches",
                "RPO or RTO breaches",
                e,
                ObjectiveEvent.Objective.RPO);
          } else if (event instanceof ObjectiveEvent.RtoBreached e) {
            objective(
                "tdeveloper.recovery.objective.breaches",
                "RPO or RTO breaches",
                e,
                ObjectiveEvent.Objective.RTO);
          }
        });
  }

  private void objective(
      String name, String description, ObjectiveEvent e, ObjectiveEvent.Objective objective) {
    count(
            name,
            description,
            e.scope(),
            "objective",
            objective.name().toLowerCase(java.util.Locale.ROOT),
            "source",
            e.source())
        .increment();
  }

  private Counter count(String name, String description, BackupScope scope, String... tags) {
    Optional<dev.tdeveloper.tenancy.TenantId> tenant = scope.tenant();
    return meters.meter(
        tenant,
        tag ->
            Counter.builder(name)
                .description(description)
                .tags(tags)
                .tag(TdeveloperMetrics.TENANT_TAG, tag)
                .register(meters.registry));
  }
}
