package dev.tdeveloper.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import dev.tdeveloper.tenancy.config.ConfigReloadEvent;
import dev.tdeveloper.tenancy.config.ReloadResult;
import dev.tdeveloper.tenancy.event.AccessDeniedEvent;
import dev.tdeveloper.tenancy.event.OperatorAccessEvent;
import dev.tdeveloper.tenancy.event.OperatorGrantChangedEvent;
import dev.tdeveloper.tenancy.event.PlatformAccessDeniedEvent;
import dev.tdeveloper.tenancy.event.QuotaExhaustedEvent;
import dev.tdeveloper.tenancy.event.QuotaThresholdEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditMappersTest {
  private static final Instant AT = Instant.parse("2025-05-01T12:00:00Z");
  private static final TenantId ACME = TenantId.of("acme");

  private static AuditEvent access(Object e) {
    return AuditMappers.standard(Clock.fixed(AT, ZoneOffset.UTC)).apply(e).orElseThrow();
  }

  @Test
  void mapsAccessEvents() {
    AuditEvent denied =
        access(
            new AccessDeniedEvent(
                "bob", ACME, "note:read", AccessDeniedEvent.Reason.CROSS_TENANT, AT));
    assertThat(denied.action()).isEqualTo("access.denied");
    assertThat(denied.outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(denied.tenant()).contains(ACME);
    assertThat(denied.actor()).isEqualTo("bob");
    assertThat(denied.resource()).isEqualTo("note:read");
    assertThat(denied.details()).containsEntry("reason", "CROSS_TENANT");
    AuditEvent operator =
        access(new OperatorAccessEvent("op", ACME, "note:read", "ticket 7", AT, AT));
    assertThat(operator.action()).isEqualTo("operator.access");
    assertThat(operator.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(operator.details()).containsEntry("grantReason", "ticket 7");
    AuditEvent revoked =
        access(
            new OperatorGrantChangedEvent(
                OperatorGrantChangedEvent.Change.REVOKED,
                "op",
                Optional.empty(),
                Set.of("b", "a"),
                "done",
                AT,
                AT));
    assertThat(revoked.action()).isEqualTo("operator.grant.revoked");
    assertThat(revoked.tenant()).isEmpty();
    assertThat(revoked.details())
        .containsEntry("permissions", "a,b")
        .containsEntry("scope", "all-tenants");
    AuditEvent added =
        access(
            new OperatorGrantChangedEvent(
                OperatorGrantChangedEvent.Change.ADDED,
                "op",
                Optional.of(ACME),
                Set.of("a"),
                "why",
                AT,
                AT));
    assertThat(added.action()).isEqualTo("operator.grant.added");
    assertThat(added.tenant()).contains(ACME);
    AuditEvent platform = access(new PlatformAccessDeniedEvent("eve", "ops:view", AT));
    assertThat(platform.action()).isEqualTo("platform.access.denied");
    assertThat(platform.outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(platform.tenant()).isEmpty();
  }

  @Test
  void mapsQuotaAndConfigEvents() {
    AuditEvent exhausted = access(new QuotaExhaustedEvent(ACME, "api-calls", 5, 100, 100, AT, AT));
    assertThat(exhausted.action()).isEqualTo("quota.exhausted");
    assertThat(exhausted.outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(exhausted.details()).containsEntry("requested", "5").containsEntry("limit", "100");
    AuditEvent threshold = access(new QuotaThresholdEvent(ACME, "api-calls", 80, 80, 100, AT, AT));
    assertThat(threshold.action()).isEqualTo("quota.threshold");
    assertThat(threshold.details()).containsEntry("percent", "80");
    AuditEvent rejected =
        access(
            new ConfigReloadEvent(
                "tenants.yaml",
                AT,
                new ReloadResult.Rejected(
                    List.of(
                        new ConfigProblem(
                            Optional.empty(),
                            "plans",
                            Optional.empty(),
                            "bad\nthing",
                            Optional.empty())))));
    assertThat(rejected.action()).isEqualTo("config.rejected");
    assertThat(rejected.outcome()).isEqualTo(AuditOutcome.FAILURE);
    assertThat(rejected.resource()).isEqualTo("tenants.yaml");
    assertThat(rejected.details().get("problems")).doesNotContain("\n").contains("bad?thing");
    AuditEvent failed =
        access(
            new ConfigReloadEvent(
                "t.yaml",
                AT,
                new ReloadResult.Failed("cache", new IllegalStateException("boom"), List.of())));
    assertThat(failed.action()).isEqualTo("config.failed");
    assertThat(failed.details()).containsEntry("applier", "cache");
  }

  // Sample events of a component compliance-core cannot depend on.
  /** A sealed family, as security-core writes them. */
  public sealed interface BanEvent {
    /** A ban was added. */
    record Added(String operator, TenantId tenant, String clientIp, Instant at, long seconds)
        implements BanEvent {}

    /** A request was refused by a ban. */
    record RequestBanned(Optional<TenantId> tenant, String sourceIp, String path)
        implements BanEvent {}
  }

  /** A top-level-style event. */
  public record KeyEvent(String keyId, Optional<String> note, Object payload) {}

  /** Another. */
  public record KeyRotatedEvent(String principalId, Instant time) {}

  /** A sealed family whose subtype says denied. */
  public sealed interface RateLimitEvent {
    /** Denied. */
    record Denied(String actor, String requestId, String policy) implements RateLimitEvent {}
  }

  /** A failure. */
  record URLFetchFailed(String target) {}

  @Test
  void anyRecordDerivesTheActionFromTheClassNames() {
    assertThat(record(new BanEvent.Added("op", ACME, "10.0.0.9", AT, 60)).action())
        .isEqualTo("ban.added");
    assertThat(record(new KeyEvent("k1", Optional.empty(), 1)).action()).isEqualTo("key");
    assertThat(record(new KeyRotatedEvent("svc", AT)).action()).isEqualTo("key.rotated");
    assertThat(record(new RateLimitEvent.Denied("bob", "r-1", "p")).action())
        .isEqualTo("rate.limit.denied");
    assertThat(record(new URLFetchFailed("x")).action()).isEqualTo("url.fetch.failed");
  }

  @Test
  void anyRecordDerivesOutcomeTenantActorTimeAndDetails() {
    AuditEvent added = record(new BanEvent.Added("op", ACME, "10.0.0.9", AT, 60));
    assertThat(added.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(added.tenant()).contains(ACME);
    assertThat(added.actor()).isEqualTo("op");
    assertThat(added.time()).isEqualTo(AT);
    assertThat(added.sourceIp()).contains("10.0.0.9");
    assertThat(added.details()).containsOnlyKeys("seconds").containsEntry("seconds", "60");
    AuditEvent banned = record(new BanEvent.RequestBanned(Optional.empty(), "not-an-ip", "/x"));
    assertThat(banned.outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(banned.tenant()).isEmpty();
    assertThat(banned.actor()).isEqualTo("system");
    assertThat(banned.time()).isEqualTo(Instant.EPOCH);
    assertThat(banned.sourceIp()).isEmpty();
    assertThat(banned.details()).containsEntry("sourceIp", "not-an-ip").containsEntry("path", "/x");
    AuditEvent denied = record(new RateLimitEvent.Denied("bob", "r-1", "p"));
    assertThat(denied.outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(denied.requestId()).contains("r-1");
    assertThat(record(new URLFetchFailed("x")).outcome()).isEqualTo(AuditOutcome.FAILURE);
    assertThat(record(new URLFetchFailed("x")).resource()).isEqualTo("x");
  }

  @Test
  void anyRecordNeverFailsOnHostileComponents() {
    Object hostile =
        new Object() {
          @Override
          public String toString() {
            throw new IllegalStateException("no");
          }
        };
    AuditEvent e =
        record(new KeyEvent("k\u0000".repeat(400), Optional.of("x".repeat(5000)), hostile));
    assertThat(e.resource()).hasSize(512).endsWith("...").doesNotContain("\u0000");
    assertThat(e.details().get("note")).hasSize(2048);
    assertThat(e.details().get("payload")).isEqualTo("(unavailable: IllegalStateException)");
    assertThat(AuditMappers.anyRecord(Clock.systemUTC()).apply("not a record")).isEmpty();
  }

  private static AuditEvent record(Object event) {
    return AuditMappers.anyRecord(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
        .apply(event)
        .orElseThrow();
  }
}
