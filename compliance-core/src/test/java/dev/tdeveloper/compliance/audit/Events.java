package dev.tdeveloper.compliance.audit;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;

/** Sample events for the logger tests. */
final class Events {
  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  private Events() {}

  static AuditEvent event(int i) {
    return AuditEvent.builder("note.read", T0.plusSeconds(i))
        .id("e" + i)
        .tenant(TenantId.of("acme"))
        .actor("user-" + i)
        .resource("notes/" + i)
        .build();
  }

  static AuditEvent event(String tenant, String actor, String action, int second) {
    AuditEvent.Builder b =
        AuditEvent.builder(action, T0.plusSeconds(second)).actor(actor).resource("notes/1");
    if (tenant != null) {
      b.tenant(TenantId.of(tenant));
    }
    return b.build();
  }
}
