package dev.tdeveloper.compliance.audit;

import dev.tdeveloper.tenancy.event.EventListener;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audits another component's events: register it as that component's listener and every event the
 * mapper turns into an {@link AuditEvent} is {@linkplain AuditLogger#log logged}. It never throws
 * into the component that emitted the event: a mapper or logger failure (including backpressure and
 * a failed-closed log) is logged through slf4j at error level. Thread-safe if the mapper is.
 *
 * @param <E> the events received
 */
public final class AuditEventListener<E> implements EventListener<E> {
  private static final Logger LOG = LoggerFactory.getLogger(AuditEventListener.class);

  private final Function<? super E, Optional<AuditEvent>> mapper;
  private final AuditLogger logger;

  private AuditEventListener(Function<? super E, Optional<AuditEvent>> mapper, AuditLogger logger) {
    this.mapper = mapper;
    this.logger = logger;
  }

  /**
   * Creates a listener.
   *
   * @param mapper turns an event into an audit event, or empty to skip it; see {@link AuditMappers}
   * @param logger where audit events go
   */
  public static <E> AuditEventListener<E> of(
      Function<? super E, Optional<AuditEvent>> mapper, AuditLogger logger) {
    return new AuditEventListener<>(
        Objects.requireNonNull(mapper, "mapper"), Objects.requireNonNull(logger, "logger"));
  }

  @Override
  public void onEvent(E event) {
    try {
      Optional<AuditEvent> audit = mapper.apply(event);
      if (audit != null && audit.isPresent()) {
        logger.log(audit.get());
      }
    } catch (RuntimeException e) {
      LOG.error(
          "could not audit {}: {}",
          event == null ? "null" : event.getClass().getName(),
          e.toString(),
          e);
    }
  }
}
