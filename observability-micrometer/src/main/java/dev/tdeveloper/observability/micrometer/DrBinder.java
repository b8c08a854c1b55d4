package dev.tdeveloper.observability.micrometer;

import dev.tdeveloper.dr.backup.BackupEvent;
import dev.tdeveloper.dr.policy.SchedulerEvent;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.event.EventListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;

/** Meters for dr-core's backup engine and backup scheduler events; loaded only when used. */
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
