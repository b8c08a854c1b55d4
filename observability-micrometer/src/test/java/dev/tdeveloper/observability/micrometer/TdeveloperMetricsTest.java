package dev.tdeveloper.observability.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.compliance.audit.AuditLogEvent;
import dev.tdeveloper.distribution.lag.LagEvent;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.dr.backup.BackupEvent;
import dev.tdeveloper.dr.policy.SchedulerEvent;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.observability.metrics.TenantCardinalityGuard;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.control.ScalingEvent;
import dev.tdeveloper.security.ratelimit.RateLimitEvent;
import dev.tdeveloper.security.shield.BlockReason;
import dev.tdeveloper.security.shield.Dimension;
import dev.tdeveloper.security.shield.ShieldEvent;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.cache.TenantCacheEvent;
import dev.tdeveloper.tenancy.event.QuotaExhaustedEvent;
import dev.tdeveloper.tenancy.event.QuotaThresholdEvent;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.usage.UsageMeterEvent;
import dev.tdeveloper.tenancy.usage.WindowAggregate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TdeveloperMetricsTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private final ManualClock clock = new ManualClock(NOW);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final TdeveloperMetrics metrics =
      TdeveloperMetrics.builder(registry)
          .tenantGuard(TenantCardinalityGuard.builder().topTenants(5).clock(clock).build())
          .build();

  private double count(String name, String... tags) {
    return registry.get(name).tags(tags).counter().count();
  }

  @Test
  void quotaEventsCountThresholdsAndRefusalsPerTenantAndResource() {
    var listener = metrics.quotaListener();
    listener.onEvent(new QuotaThresholdEvent(ACME, "api_calls", 80, 80, 100, NOW, NOW));
    listener.onEvent(new QuotaExhaustedEvent(ACME, "api_calls", 1, 100, 100, NOW, NOW));
    listener.onEvent(new QuotaExhaustedEvent(ACME, "api_calls", 1, 100, 100, NOW, NOW));
    assertThat(
            count(
                "tdeveloper.quota.threshold",
                "resource",
                "api_calls",
                "percent",
                "80",
                "tenant",
                "acme"))
        .isEqualTo(1);
    assertThat(count("tdeveloper.quota.exhausted", "resource", "api_calls", "tenant", "acme"))
        .isEqualTo(2);
  }

  @Test
  void tenantCacheAndUsageEventsBecomeCounters() {
    metrics.tenantCacheListener().onEvent(new TenantCacheEvent.Created(ACME));
    metrics
        .tenantCacheListener()
        .onEvent(new TenantCacheEvent.Dropped(ACME, TenantCacheEvent.DropReason.IDLE, 42));
    var usage = metrics.usageListener();
    usage.onEvent(
        new UsageMeterEvent.WindowClosed(
            new WindowAggregate(ACME, "storage", NOW, NOW.plusSeconds(60), 500, 3, true)));
    usage.onEvent(new UsageMeterEvent.DuplicateIgnored(ACME, "storage", "k1", NOW));
    assertThat(count("tdeveloper.tenant.cache.created", "tenant", "acme")).isEqualTo(1);
    assertThat(count("tdeveloper.tenant.cache.dropped.entries", "reason", "idle")).isEqualTo(42);
    assertThat(count("tdeveloper.usage", "meter", "storage", "tenant", "acme")).isEqualTo(500);
    assertThat(count("tdeveloper.usage.events", "meter", "storage")).isEqualTo(3);
    assertThat(count("tdeveloper.usage.rejected", "reason", "duplicate")).isEqualTo(1);
  }

  @Test
  void rateLimitDenialsAreTaggedWithTheKeysTenantOrNone() {
    var listener = metrics.rateLimitListener();
    listener.onEvent(new RateLimitEvent.Denied(ACME, "free", 1, 1_000));
    listener.onEvent(new RateLimitEvent.Denied("10.0.0.1", "per-ip", 1, 1_000));
    listener.onEvent(new RateLimitEvent.PolicyChanged(ACME, "free", "pro"));
    assertThat(count("tdeveloper.ratelimit.denied", "policy", "free", "tenant", "acme"))
        .isEqualTo(1);
    assertThat(count("tdeveloper.ratelimit.denied", "policy", "per-ip", "tenant", "_none"))
        .isEqualTo(1);
  }

  @Test
  void shieldTagsTenantsButNeverClientAddresses() {
    var listener = metrics.shieldListener();
    listener.onEvent(
        new ShieldEvent.Blocked(
            BlockReason.BANNED, Dimension.CLIENT_IP, "10.0.0.1", 429, Optional.empty()));
    listener.onEvent(new ShieldEvent.Banned(Dimension.TENANT, "acme", 1, Duration.ofMinutes(5)));
    assertThat(
            count(
                "tdeveloper.shield.blocked",
                "reason",
                "banned",
                "dimension",
                "client_ip",
                "tenant",
                "_none"))
        .isEqualTo(1);
    assertThat(count("tdeveloper.shield.bans", "dimension", "tenant", "tenant", "acme"))
        .isEqualTo(1);
    assertThat(registry.getMeters())
        .noneMatch(m -> m.getId().getTags().toString().contains("10.0.0.1"));
  }

  @Test
  void backupScalingReplicationAndAuditEventsBecomeMeters() {
    metrics
        .backupListener()
        .onEvent(new BackupEvent.BackupFailed(BackupScope.of(ACME), "db", "b1", "disk full"));
    metrics
        .backupSchedulerListener()
        .onEvent(new SchedulerEvent.Failed("nightly", NOW, "store down"));
    var scaling = metrics.scalingListener();
    scaling.onEvent(
        new ScalingEvent.Decided(NOW, "web", new ScalingDecision(NOW, 2, 4, "cpu", List.of())));
    scaling.onEvent(new ScalingEvent.Scaled(NOW, "web", 2, 4));
    var lag = metrics.replicationLagListener();
    RegionId eu = RegionId.of("eu-west");
    RegionId us = RegionId.of("us-east");
    lag.onEvent(
        new LagEvent.StalenessSloBreached(
            ACME, eu, us, Duration.ofSeconds(9), Duration.ofSeconds(5), 3, NOW));
    lag.onEvent(
        new LagEvent.StalenessSloRecovered(
            ACME,
            eu,
            us,
            Duration.ofSeconds(1),
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            NOW));
    metrics.auditListener().onEvent(new AuditLogEvent.Backpressured(10, Duration.ZERO, NOW));
    assertThat(count("tdeveloper.backup.runs", "outcome", "failed", "tenant", "acme")).isEqualTo(1);
    assertThat(count("tdeveloper.backup.schedule.runs", "policy", "nightly", "outcome", "failed"))
        .isEqualTo(1);
    assertThat(count("tdeveloper.scaling.decisions", "workload", "web", "direction", "up"))
        .isEqualTo(1);
    assertThat(registry.get("tdeveloper.scaling.replicas").tag("workload", "web").gauge().value())
        .isEqualTo(4);
    assertThat(
            count(
                "tdeveloper.replication.staleness.breaches",
                "origin",
                "eu-west",
                "receiver",
                "us-east",
                "tenant",
                "acme"))
        .isEqualTo(1);
    assertThat(
            registry
                .get("tdeveloper.replication.staleness.breach.duration")
                .timer()
                .totalTime(java.util.concurrent.TimeUnit.SECONDS))
        .isEqualTo(30);
    assertThat(count("tdeveloper.audit.refused")).isEqualTo(1);
  }

  @Test
  void tenThousandTenantsNeverMakeMoreThanNPlusOneTenantTagValues() {
    var listener = metrics.quotaListener();
    for (int i = 0; i < 10_000; i++) {
      TenantId tenant = TenantId.of("t-" + (i % 7 == 0 ? 0 : i));
      listener.onEvent(new QuotaExhaustedEvent(tenant, "api_calls", 1, 1, 1, NOW, NOW));
      if (i % 1_000 == 999) {
        clock.advance(Duration.ofMinutes(1));
      }
    }
    var counters = registry.find("tdeveloper.quota.exhausted").counters();
    assertThat(counters).hasSizeLessThanOrEqualTo(6);
    assertThat(counters).anyMatch(c -> "t-0".equals(c.getId().getTag("tenant")));
    assertThat(counters).anyMatch(c -> "other".equals(c.getId().getTag("tenant")));
  }
}
