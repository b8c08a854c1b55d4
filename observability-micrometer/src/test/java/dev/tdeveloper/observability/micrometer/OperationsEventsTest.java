package dev.tdeveloper.observability.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.distribution.health.RegionHealthEvent;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.dr.drill.DrillEvent;
import dev.tdeveloper.dr.drill.DrillResult;
import dev.tdeveloper.dr.drill.DrillSelection;
import dev.tdeveloper.dr.objectives.ObjectiveEvent;
import dev.tdeveloper.dr.objectives.ObjectiveStatus;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.observability.metrics.TenantCardinalityGuard;
import dev.tdeveloper.security.cert.CertificateEvent;
import dev.tdeveloper.security.cert.CertificateStatus;
import dev.tdeveloper.security.crypto.KeyEvent;
import dev.tdeveloper.security.posture.Finding;
import dev.tdeveloper.security.posture.PostureEvent;
import dev.tdeveloper.security.posture.PostureReport;
import dev.tdeveloper.security.posture.SecurityPolicy;
import dev.tdeveloper.security.posture.Severity;
import dev.tdeveloper.security.posture.Subject;
import dev.tdeveloper.security.spi.KeyState;
import dev.tdeveloper.security.spi.KeyVersion;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.provision.LifecycleOperation;
import dev.tdeveloper.tenancy.provision.ProvisioningEvent;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Provisioning, security, dr and distribution events an operator dashboards. */
class OperationsEventsTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final TdeveloperMetrics metrics =
      TdeveloperMetrics.builder(registry)
          .tenantGuard(
              TenantCardinalityGuard.builder().topTenants(5).clock(new ManualClock(NOW)).build())
          .build();

  private double count(String name, String... tags) {
    return registry.get(name).tags(tags).counter().count();
  }

  @Test
  void provisioningSagasAndFailedStepsAreCountedByOperationAndOutcome() {
    var listener = metrics.provisioningListener();
    var op = LifecycleOperation.PROVISION;
    listener.onEvent(new ProvisioningEvent.SagaStarted("s1", ACME, op, NOW));
    listener.onEvent(new ProvisioningEvent.StepFailed("s1", ACME, op, NOW, "schema", "timeout"));
    listener.onEvent(new ProvisioningEvent.SagaFailed("s1", ACME, op, NOW, "schema", true));
    listener.onEvent(new ProvisioningEvent.SagaFailed("s2", ACME, op, NOW, "dns", false));
    assertThat(
            count("tdeveloper.provisioning.sagas", "operation", "provision", "outcome", "started"))
        .isEqualTo(1);
    assertThat(count("tdeveloper.provisioning.sagas", "outcome", "failed", "tenant", "acme"))
        .isEqualTo(1);
    assertThat(count("tdeveloper.provisioning.sagas", "outcome", "failed_uncompensated"))
        .isEqualTo(1);
    assertThat(count("tdeveloper.provisioning.step.failures", "step", "schema", "phase", "step"))
        .isEqualTo(1);
  }

  @Test
  void aThousandProvisionedTenantsMakeAtMostTopNPlusOneTenantTagValues() {
    var listener = metrics.provisioningListener();
    for (int i = 0; i < 1_000; i++) {
      listener.onEvent(
          new ProvisioningEvent.SagaCompleted(
              "s" + i, TenantId.of("t-" + i), LifecycleOperation.PROVISION, NOW));
    }
    var counters = registry.find("tdeveloper.provisioning.sagas").counters();
    assertThat(counters).hasSize(6);
    assertThat(counters.stream().mapToDouble(c -> c.count()).sum()).isEqualTo(1_000);
  }

  @Test
  void keyRotationsCertificatesAndPostureFindingsBecomeMeters() {
    KeyVersion v2 = new KeyVersion(ACME, 2, KeyState.ENABLED, NOW);
    metrics.keyListener().onEvent(new KeyEvent.Rotated(ACME, v2, true, NOW));
    metrics
        .keyListener()
        .onEvent(new KeyEvent.TenantShredded(TenantId.of("gone"), List.of(1), NOW));
    Instant notAfter = NOW.plus(Duration.ofDays(10));
    CertificateStatus soon =
        new CertificateStatus(
            "keystore",
            "api",
            "CN=api",
            "ab",
            NOW.minus(Duration.ofDays(80)),
            notAfter,
            Duration.ofDays(10),
            CertificateStatus.State.EXPIRING_SOON);
    metrics
        .certificateListener()
        .onEvent(new CertificateEvent.ExpiringSoon(soon, Duration.ofDays(14)));
    Finding finding =
        new Finding(
            "tenant.mfa",
            Severity.HIGH,
            Subject.tenant(ACME),
            "MFA is off",
            "Turn MFA on",
            "off",
            "on");
    metrics.postureListener().onEvent(new PostureEvent.FindingOpened(NOW, finding));
    metrics
        .postureListener()
        .onEvent(
            new PostureEvent.ScanCompleted(
                NOW,
                new PostureReport(
                    NOW, SecurityPolicy.defaults(), List.of("tenant.mfa"), List.of(finding))));

    assertThat(count("tdeveloper.key.rotations", "trigger", "scheduled", "tenant", "acme"))
        .isEqualTo(1);
    assertThat(count("tdeveloper.key.shredded.tenants", "tenant", "_none")).isEqualTo(1);
    assertThat(
            registry
                .get("tdeveloper.certificate.expiry")
                .tags("source", "keystore", "entry", "api")
                .gauge()
                .value())
        .isEqualTo(notAfter.getEpochSecond());
    assertThat(count("tdeveloper.certificate.alerts", "state", "expiring_soon")).isEqualTo(1);
    assertThat(
            count(
                "tdeveloper.posture.findings",
                "check",
                "tenant.mfa",
                "severity",
                "high",
                "state",
                "opened",
                "tenant",
                "acme"))
        .isEqualTo(1);
    assertThat(
            registry
                .get("tdeveloper.posture.open.findings")
                .tag("severity", "high")
                .gauge()
                .value())
        .isEqualTo(1);
    assertThat(
            registry.get("tdeveloper.posture.open.findings").tag("severity", "low").gauge().value())
        .isZero();
  }

  @Test
  void restoreDrillsAndRecoveryObjectivesAreCountedPerTenant() {
    DrillResult failed =
        new DrillResult(
            BackupScope.of(ACME),
            "orders",
            Optional.empty(),
            DrillSelection.LATEST,
            NOW,
            NOW.plusSeconds(90),
            Duration.ofSeconds(90),
            false,
            false,
            "not restored",
            Optional.of("no backup in window"));
    metrics.restoreDrillListener().onEvent(new DrillEvent.Failed(failed));
    ObjectiveStatus status =
        new ObjectiveStatus(
            BackupScope.of(ACME),
            "orders",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            true,
            Optional.empty(),
            true,
            false);
    metrics
        .recoveryObjectivesListener()
        .onEvent(new ObjectiveEvent.RpoBreached(BackupScope.of(ACME), "orders", status, NOW));
    assertThat(count("tdeveloper.restore.drills", "source", "orders", "outcome", "failed"))
        .isEqualTo(1);
    assertThat(
            registry
                .get("tdeveloper.restore.drill.rto")
                .tag("tenant", "acme")
                .timer()
                .totalTime(TimeUnit.SECONDS))
        .isEqualTo(90);
    assertThat(
            count("tdeveloper.recovery.objective.breaches", "objective", "rpo", "tenant", "acme"))
        .isEqualTo(1);
  }

  @Test
  void regionFailoverAndFailbackAreCountedTimedAndShownAsAState() {
    RegionId eu = RegionId.of("eu-west");
    var listener = metrics.regionHealthListener();
    listener.onEvent(
        new RegionHealthEvent.RegionFailedOver(
            eu, RegionHealthEvent.Cause.CHECKS, NOW, NOW.plusSeconds(30), 0, 3));
    assertThat(
            registry.get("tdeveloper.region.failed.over").tag("region", "eu-west").gauge().value())
        .isEqualTo(1);
    listener.onEvent(
        new RegionHealthEvent.RegionFailedBack(
            eu,
            RegionHealthEvent.Cause.CHECKS,
            NOW.plusSeconds(600),
            NOW.plusSeconds(30),
            NOW.plusSeconds(630)));
    assertThat(count("tdeveloper.region.failovers", "region", "eu-west", "cause", "checks"))
        .isEqualTo(1);
    assertThat(count("tdeveloper.region.failbacks", "region", "eu-west")).isEqualTo(1);
    assertThat(registry.get("tdeveloper.region.outage").timer().totalTime(TimeUnit.SECONDS))
        .isEqualTo(600);
    assertThat(
            registry
                .get("tdeveloper.region.failover.detection")
                .timer()
                .totalTime(TimeUnit.SECONDS))
        .isEqualTo(30);
    assertThat(
            registry.get("tdeveloper.region.failed.over").tag("region", "eu-west").gauge().value())
        .isZero();
  }
}
