package dev.tdeveloper.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.event.AccessDeniedEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditEventListenerTest {
  private static final AccessDeniedEvent DENIED =
      new AccessDeniedEvent(
          "bob",
          TenantId.of("acme"),
          "note:read",
          AccessDeniedEvent.Reason.MISSING_PERMISSION,
          Instant.EPOCH);

  @Test
  void logsWhatTheMapperProduces() {
    try (AuditLogger logger = AuditLogger.inMemory()) {
      AuditEventListener<Object> listener =
          AuditEventListener.of(AuditMappers.standard(Clock.systemUTC()), logger);
      listener.onEvent(DENIED);
      listener.onEvent("ignored: not a record");
      logger.logAndWait(AuditEvent.builder("marker", Instant.EPOCH).build());
      assertThat(logger.size()).isEqualTo(2);
      assertThat(logger.entry(0).orElseThrow().event().action()).isEqualTo("access.denied");
    }
  }

  @Test
  void neverThrowsIntoTheEmitter() {
    AuditLogger logger = AuditLogger.inMemory();
    AuditEventListener<Object> throwing =
        AuditEventListener.of(
            e -> {
              throw new IllegalStateException("mapper bug");
            },
            logger);
    assertThatCode(() -> throwing.onEvent(DENIED)).doesNotThrowAnyException();
    logger.close();
    AuditEventListener<Object> closed =
        AuditEventListener.of(
            e -> Optional.of(AuditEvent.builder("x", Instant.EPOCH).build()), logger);
    assertThatCode(() -> closed.onEvent(DENIED)).doesNotThrowAnyException();
  }
}
