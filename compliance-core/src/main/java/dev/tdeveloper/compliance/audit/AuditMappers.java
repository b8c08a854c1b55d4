package dev.tdeveloper.compliance.audit;

import static dev.tdeveloper.compliance.audit.MapperTexts.ACTOR;
import static dev.tdeveloper.compliance.audit.MapperTexts.DETAIL;
import static dev.tdeveloper.compliance.audit.MapperTexts.RESOURCE;
import static dev.tdeveloper.compliance.audit.MapperTexts.fit;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.ConfigReloadEvent;
import dev.tdeveloper.tenancy.config.ReloadResult;
import dev.tdeveloper.tenancy.event.AccessDeniedEvent;
import dev.tdeveloper.tenancy.event.AccessEvent;
import dev.tdeveloper.tenancy.event.OperatorAccessEvent;
import dev.tdeveloper.tenancy.event.OperatorGrantChangedEvent;
import dev.tdeveloper.tenancy.event.PlatformAccessDeniedEvent;
import dev.tdeveloper.tenancy.event.QuotaEvent;
import dev.tdeveloper.tenancy.event.QuotaExhaustedEvent;
import dev.tdeveloper.tenancy.event.QuotaThresholdEvent;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Ready-made mappers for {@link AuditEventListener}: tenancy-core's access, quota and configuration
 * events, and {@link #anyRecord} for the record events of any other component. Mappers never throw
 * on an event's content: over-long or control-laden texts are cut and cleaned to fit. Stateless and
 * thread-safe.
 */
public final class AuditMappers {
  private AuditMappers() {}

  /**
   * Maps {@link AccessEvent}s: {@code access.denied} and {@code platform.access.denied} (DENIED),
   * {@code operator.access}, {@code operator.grant.added} and {@code operator.grant.revoked}
   * (SUCCESS). The actor is the event's principal (for a grant change: the operator the grant is
   * for, the only principal the event names); the resource is the permission, or {@code
   * operator-grant} for a grant change.
   */
  public static Function<AccessEvent, Optional<AuditEvent>> accessEvents() {
    return event -> Optional.of(access(Objects.requireNonNull(event, "event")));
  }

  private static AuditEvent access(AccessEvent event) {
    AuditEvent.Builder b;
    if (event instanceof AccessDeniedEvent e) {
      b =
          AuditEvent.builder("access.denied", e.at())
              .tenant(e.tenant())
              .resource(fit(e.permission(), RESOURCE))
              .outcome(AuditOutcome.DENIED)
              .detail("reason", e.reason().name());
    } else if (event instanceof OperatorAccessEvent e) {
      b =
          AuditEvent.builder("operator.access", e.at())
              .tenant(e.tenant())
              .resource(fit(e.permission(), RESOURCE))
              .detail("grantReason", fit(e.grantReason(), DETAIL))
              .detail("grantExpiresAt", e.grantExpiresAt().toString());
    } else if (event instanceof OperatorGrantChangedEvent e) {
      b =
          AuditEvent.builder(
                  e.change() == OperatorGrantChangedEvent.Change.ADDED
                      ? "operator.grant.added"
                      : "operator.grant.revoked",
                  e.at())
              .resource("operator-grant")
              .detail(
                  "permissions",
                  fit(e.permissions().stream().sorted().collect(Collectors.joining(",")), DETAIL))
              .detail("reason", fit(e.reason(), DETAIL))
              .detail("expiresAt", e.expiresAt().toString())
              .detail("scope", e.tenant().map(TenantId::value).orElse("all-tenants"));
      e.tenant().ifPresent(b::tenant);
    } else {
      PlatformAccessDeniedEvent e = (PlatformAccessDeniedEvent) event;
      b =
          AuditEvent.builder("platform.access.denied", e.at())
              .resource(fit(e.permission(), RESOURCE))
              .outcome(AuditOutcome.DENIED);
    }
    return b.actor(fit(event.principalId(), ACTOR)).build();
  }

  /**
   * Maps {@link QuotaEvent}s: {@code quota.exhausted} (DENIED: a consumption was refused) and
   * {@code quota.threshold} (SUCCESS), by actor {@code system}, on the quota's resource, with the
   * amounts as details.
   */
  public static Function<QuotaEvent, Optional<AuditEvent>> quotaEvents() {
    return event -> {
      Objects.requireNonNull(event, "event");
      AuditEvent.Builder b;
      if (event instanceof QuotaExhaustedEvent e) {
        b =
            AuditEvent.builder("quota.exhausted", e.at())
                .outcome(AuditOutcome.DENIED)
                .detail("requested", Long.toString(e.requested()))
                .detail("used", Long.toString(e.used()))
                .detail("limit", Long.toString(e.limit()))
                .detail("resetAt", e.resetAt().toString());
      } else {
        QuotaThresholdEvent e = (QuotaThresholdEvent) event;
        b =
            AuditEvent.builder("quota.threshold", e.at())
                .detail("percent", Integer.toString(e.percent()))
                .detail("used", Long.toString(e.used()))
                .detail("limit", Long.toString(e.limit()))
                .detail("resetAt", e.resetAt().toString());
      }
      return Optional.of(
          b.tenant(event.tenant()).resource(fit(event.resource(), RESOURCE)).build());
    };
  }

  /**
   * Maps {@link ConfigReloadEvent}s: {@code config.reloaded} (SUCCESS, with the changed tenants),
   * {@code config.rejected} and {@code config.failed} (FAILURE, with the problems or the failing
   * consumer), by actor {@code system}, on the reloaded file.
   */
  public static Function<ConfigReloadEvent, Optional<AuditEvent>> configReloads() {
    return event -> {
      Objects.requireNonNull(event, "event");
      ReloadResult result = event.result();
      AuditEvent.Builder b;
      if (result instanceof ReloadResult.Reloaded r) {
        b =
            AuditEvent.builder("config.reloaded", event.at())
                .detail(
                    "changedTenants",
                    fit(
                        r.changedTenants().stream()
                            .map(TenantId::value)
                            .collect(Collectors.joining(",")),
                        DETAIL))
                .detail("unlistedTenantsChanged", Boolean.toString(r.unlistedTenantsChanged()));
      } else if (result instanceof ReloadResult.Rejected r) {
        b =
            AuditEvent.builder("config.rejected", event.at())
                .outcome(AuditOutcome.FAILURE)
                .detail("problemCount", Integer.toString(r.problems().size()))
                .detail("problems", fit(r.message(), DETAIL));
      } else if (result instanceof ReloadResult.Failed r) {
        b =
            AuditEvent.builder("config.failed", event.at())
                .outcome(AuditOutcome.FAILURE)
                .detail("applier", fit(r.applier(), DETAIL))
                .detail("error", fit(r.message(), DETAIL));
      } else {
        return Optional.empty();
      }
      return Optional.of(b.resource(fit(event.source(), RESOURCE)).build());
    };
  }

  /**
   * Maps any Java record event reflectively, for components compliance-core cannot depend on
   * (security-core's ban, key and rate-limit events, ...); non-records map to empty.
   *
   * <ul>
   *   <li>Action: the record's simple name, preceded by the enclosing types it is a subtype of (the
   *       sealed-family pattern {@code BanEvent.Added}), each with a trailing {@code Event}
   *       removed, split at camel-case humps, lower-cased and joined with {@code .}: {@code
   *       BanEvent.Added} gives {@code ban.added}, {@code KeyEvent} gives {@code key}, {@code
   *       KeyRotatedEvent} gives {@code key.rotated}, {@code RateLimitEvent.Denied} gives {@code
   *       rate.limit.denied}.
   *   <li>Outcome: DENIED if a name in that chain contains Denied, Blocked, Refused, Banned,
   *       Rejected or Forbidden; FAILURE if it contains Failed or Failure; else SUCCESS.
   *   <li>Tenant: the first {@code TenantId} (or {@code Optional<TenantId>}) component. Actor: a
   *       component named {@code principalId}, {@code actor} or {@code operator}, else {@code
   *       system}. Time: an {@code Instant} component named {@code at} or {@code time}, else the
   *       clock. Resource: a component named {@code resource}, {@code target}, {@code keyId} or
   *       {@code key}, else {@code -}. Source IP and request id: components named {@code
   *       sourceIp}/{@code clientIp} and {@code requestId} when they hold a valid value.
   *   <li>Details: every other non-null component by name (an empty {@code Optional} is left out),
   *       as {@code toString()} cut to 2048 characters, at most {@value AuditEvent#MAX_DETAILS} of
   *       them; a component that cannot be read or printed is recorded as unavailable, never
   *       failing the mapping.
   * </ul>
   *
   * @param clock the time of events that carry none
   */
  public static Function<Object, Optional<AuditEvent>> anyRecord(Clock clock) {
    RecordEventMapper mapper = new RecordEventMapper(Objects.requireNonNull(clock, "clock"));
    return mapper::map;
  }

  /**
   * Maps everything one listener may receive: tenancy-core's access, quota and configuration events
   * with their dedicated mappers, any other record with {@link #anyRecord}.
   *
   * @param clock the time of record events that carry none
   */
  public static Function<Object, Optional<AuditEvent>> standard(Clock clock) {
    Function<Object, Optional<AuditEvent>> records = anyRecord(clock);
    Function<AccessEvent, Optional<AuditEvent>> access = accessEvents();
    Function<QuotaEvent, Optional<AuditEvent>> quota = quotaEvents();
    Function<ConfigReloadEvent, Optional<AuditEvent>> config = configReloads();
    return event -> {
      if (event instanceof AccessEvent e) {
        return access.apply(e);
      } else if (event instanceof QuotaEvent e) {
        return quota.apply(e);
      } else if (event instanceof ConfigReloadEvent e) {
        return config.apply(e);
      }
      return records.apply(event);
    };
  }
}
