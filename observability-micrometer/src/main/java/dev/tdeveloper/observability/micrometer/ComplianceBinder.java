package dev.tdeveloper.observability.micrometer;

import dev.tdeveloper.compliance.audit.AuditLogEvent;
import dev.tdeveloper.tenancy.event.EventListener;
import io.micrometer.core.instrument.Counter;

/** Meters for compliance-core's audit log events; loaded only when used. */
final class ComplianceBinder {
  private final TenantMeters meters;

  ComplianceBinder(TenantMeters meters) {
    this.meters = meters;
  }

  EventListener<Object> audit() {
    return meters.safe(
        "audit",
        event -> {
          if (event instanceof AuditLogEvent.WriteFailed) {
            count("tdeveloper.audit.write.failures", "Audit log write failures").increment();
          } else if (event instanceof AuditLogEvent.Backpressured) {
            count("tdeveloper.audit.refused", "Audit events refused because the queue stayed full")
                .increment();
          }
        });
  }

  private Counter count(String name, String description) {
    return Counter.builder(name)
        .description(description)
        .tag(TdeveloperMetrics.TENANT_TAG, TdeveloperMetrics.NO_TENANT)
        .register(meters.registry);
  }
}
