package dev.tdeveloper.tenancy.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.tenancy.spi.ProvisioningJournal;
import dev.tdeveloper.tenancy.spi.SagaRecord;
import dev.tdeveloper.tenancy.spi.SagaState;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantProvisionerTest {
  private static final TenantId ACME = TenantId.of("acme");

  private final ManualClock clock = new ManualClock();
  private final TenantRegistry registry = TenantRegistry.inMemory();
  private final ProvisioningJournal journal = ProvisioningJournal.inMemory();
  private final StepLog log = new StepLog();
  private final List<ProvisioningEvent> events = Collections.synchronizedList(new ArrayList<>());

  private TenantProvisionerBuilder builder() {
    return TenantProvisioner.builder()
        .registry(registry)
        .clock(clock)
        .journal(journal)
        .listener(events::add);
  }

  private static Tenant newTenant(String id) {
    return Tenant.builder(id).plan("pro").build();
  }

  @Test
  void provisionRunsStepsInOrderThenActivates() {
    List<TenantStatus> seen = new ArrayList<>();
    TenantProvisioner provisioner =
        builder()
            .provisionSteps(
                List.of(
                    log.step("create-schema", ctx -> seen.add(ctx.tenant().status()), c -> {}),
                    log.step("issue-key"),
                    log.step("welcome-mail")))
            .build();

    Tenant result = provisioner.provision(newTenant("acme"));

    assertThat(result.status()).isEqualTo(TenantStatus.ACTIVE);
    assertThat(registry.find(ACME)).contains(result);
    assertThat(seen).containsExactly(TenantStatus.PROVISIONING);
    assertThat(log.entries())
        .containsExactly("apply:create-schema", "apply:issue-key", "apply:welcome-mail");
    SagaRecord record = journal.forTenant(ACME).get(0);
    assertThat(record.state()).isEqualTo(SagaState.DONE);
    assertThat(record.completed()).isEqualTo(3);
    assertThat(events)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly(
            "SagaStarted",
            "StepStarted",
            "StepCompleted",
            "StepStarted",
            "StepCompleted",
            "StepStarted",
            "StepCompleted",
            "SagaCompleted");
    assertThat(events).allSatisfy(e -> assertThat(e.sagaId()).isEqualTo(record.sagaId()));
  }

  @Test
  void stepsRunWithTheTenantBoundAndShareData() {
    List<String> seen = new ArrayList<>();
    TenantProvisioner provisioner =
        builder()
            .provisionSteps(
                List.of(
                    log.step(
                        "create-db",
                        ctx -> {
                          seen.add(TenantContext.require().value());
                          ctx.put("db", "db_" + ctx.tenant().id());
                        },
                        c -> {}),
                    log.step("grant", ctx -> seen.add(ctx.get("db").orElseThrow()), c -> {})))
            .build();

    provisioner.provision(newTenant("acme"));

    assertThat(seen).containsExactly("acme", "db_acme");
    assertThat(TenantContext.current()).isEmpty();
    assertThat(journal.forTenant(ACME).get(0).data()).containsEntry("db", "db_acme");
  }

  @Test
  void failedStepCompensatesCompletedStepsNewestFirstAndDeletesTheTenant() {
    List<String> dbSeenByUndo = new ArrayList<>();
    TenantProvisioner provisioner =
        builder()
            .provisionSteps(
                List.of(
                    log.step(
                        "a",
                        ctx -> ctx.put("db", "x"),
                        ctx -> dbSeenByUndo.add(ctx.get("db").orElse("?"))),
                    log.step("b"),
                    log.failing("c"),
                    log.step("d")))
            .build();

    assertThatThrownBy(() -> provisioner.provision(newTenant("acme")))
        .isInstanceOfSatisfying(
            ProvisioningFailedException.class,
            e -> {
              assertThat(e.failedStep()).isEqualTo("c");
              assertThat(e.compensationSucceeded()).isTrue();
              assertThat(e.tenantId()).isEqualTo(ACME);
              assertThat(e.operation()).isEqualTo(LifecycleOperation.PROVISION);
              assertThat(e.getCause()).hasMessage("c failed");
              assertThat(e).hasMessageContaining("'c'").hasMessageContaining("c failed");
            });
    assertThat(log.entries())
        .containsExactly("apply:a", "apply:b", "apply:c", "compensate:b", "compensate:a");
    assertThat(dbSeenByUndo).containsExactly("x");
    assertThat(registry.find(ACME).orElseThrow().status()).isEqualTo(TenantStatus.DELETED);
    SagaRecord record = journal.forTenant(ACME).get(0);
    assertThat(record.state()).isEqualTo(SagaState.FAILED);
    assertThat(record.compensatedFully()).isTrue();
    assertThat(record.failedStep()).contains("c");
    assertThat(record.completed()).isZero();
    assertThat(events.get(events.size() - 1))
        .isInstanceOfSatisfying(
            ProvisioningEvent.SagaFailed.class, e -> assertThat(e.compensatedFully()).isTrue());
  }

  @Test
  void compensationFailureIsReportedAndTheOtherCompensationsStillRun() {
    TenantProvisioner provisioner =
        builder()
            .provisionSteps(List.of(log.step("a"), log.failingCompensation("b"), log.failing("c")))
            .build();

    assertThatThrownBy(() -> provisioner.provision(newTenant("acme")))
        .isInstanceOfSatisfying(
            ProvisioningFailedException.class,
            e -> {
              assertThat(e.compensationSucceeded()).isFalse();
              assertThat(e.compensationFailures()).containsExactly("b");
              assertThat(e).hasMessageContaining("compensation FAILED for [b]");
            });
    assertThat(log.entries())
        .containsExactly("apply:a", "apply:b", "apply:c", "compensate:b", "compensate:a");
    SagaRecord record = journal.forTenant(ACME).get(0);
    assertThat(record.state()).isEqualTo(SagaState.FAILED);
    assertThat(record.compensatedFully()).isFalse();
    assertThat(record.compensationFailures()).containsExactly("b");
    assertThat(events)
        .filteredOn(ProvisioningEvent.StepCompensationFailed.class::isInstance)
        .singleElement()
        .satisfies(
            e -> assertThat(((ProvisioningEvent.StepCompensationFailed) e).step()).isEqualTo("b"));
  }

  @Test
  void suspendStopsTrafficFirstAndPassesTheReason() {
    List<String> seen = new ArrayList<>();
    TenantProvisioner provisioner =
        builder()
            .suspendSteps(
                List.of(
                    log.step(
                        "scale-down",
                        ctx -> seen.add(ctx.tenant().status() + " " + ctx.reason().orElseThrow()),
                        c -> {})))
            .build();
    provisioner.provision(newTenant("acme"));

    Tenant suspended = provisioner.suspend(ACME, "unpaid invoice");

    assertThat(suspended.status()).isEqualTo(TenantStatus.SUSPENDED);
    assertThat(seen).containsExactly("SUSPENDED unpaid invoice");
    assertThat(journal.forTenant(ACME).get(1).reason()).contains("unpaid invoice");
  }

  @Test
  void failedSuspendIsCompensatedAndTheTenantIsActiveAgain() {
    TenantProvisioner provisioner =
        builder().suspendSteps(List.of(log.step("revoke"), log.failing("scale-down"))).build();
    provisioner.provision(newTenant("acme"));

    assertThatThrownBy(() -> provisioner.suspend(ACME, "abuse"))
        .isInstanceOf(ProvisioningFailedException.class);

    assertThat(registry.find(ACME).orElseThrow().status()).isEqualTo(TenantStatus.ACTIVE);
    assertThat(log.entries())
        .containsExactly("apply:revoke", "apply:scale-down", "compensate:revoke");
  }

  @Test
  void reactivateRunsStepsBeforeTheTenantServesAgain() {
    List<TenantStatus> seen = new ArrayList<>();
    TenantProvisioner provisioner =
        builder()
            .reactivateSteps(
                List.of(log.step("scale-up", ctx -> seen.add(ctx.tenant().status()), c -> {})))
            .build();
    provisioner.provision(newTenant("acme"));
    provisioner.suspend(ACME, "maintenance");

    assertThat(provisioner.reactivate(ACME).status()).isEqualTo(TenantStatus.ACTIVE);
    assertThat(seen).containsExactly(TenantStatus.SUSPENDED);
  }

  @Test
  void failedReactivateLeavesTheTenantSuspended() {
    TenantProvisioner provisioner =
        builder().reactivateSteps(List.of(log.step("restore"), log.failing("scale-up"))).build();
    provisioner.provision(newTenant("acme"));
    provisioner.suspend(ACME, "maintenance");

    assertThatThrownBy(() -> provisioner.reactivate(ACME))
        .isInstanceOf(ProvisioningFailedException.class);

    assertThat(registry.find(ACME).orElseThrow().status()).isEqualTo(TenantStatus.SUSPENDED);
    assertThat(log.entries())
        .containsExactly("apply:restore", "apply:scale-up", "compensate:restore");
  }

  @Test
  void offboardGoesThroughOffboardingToDeleted() {
    List<TenantStatus> seen = new ArrayList<>();
    TenantProvisioner provisioner =
        builder()
            .offboardSteps(
                List.of(log.step("export", ctx -> seen.add(ctx.tenant().status()), c -> {})))
            .build();
    provisioner.provision(newTenant("acme"));

    assertThat(provisioner.offboard(ACME).status()).isEqualTo(TenantStatus.DELETED);
    assertThat(seen).containsExactly(TenantStatus.OFFBOARDING);
  }

  @Test
  void failedOffboardStaysOffboardingAndCanBeRetried() {
    boolean[] fail = {true};
    TenantProvisioner provisioner =
        builder()
            .offboardSteps(
                List.of(
                    log.step("export"),
                    log.step(
                        "delete-data",
                        ctx -> {
                          if (fail[0]) {
                            throw new IllegalStateException("storage down");
                          }
                        },
                        c -> {})))
            .build();
    provisioner.provision(newTenant("acme"));

    assertThatThrownBy(() -> provisioner.offboard(ACME))
        .isInstanceOf(ProvisioningFailedException.class);
    assertThat(registry.find(ACME).orElseThrow().status()).isEqualTo(TenantStatus.OFFBOARDING);

    fail[0] = false;
    assertThat(provisioner.offboard(ACME).status()).isEqualTo(TenantStatus.DELETED);
  }

  @Test
  void aThrowingListenerNeverBreaksTheSaga() {
    TenantProvisioner provisioner =
        builder()
            .listener(
                e -> {
                  throw new IllegalStateException("listener bug");
                })
            .provisionSteps(List.of(log.step("a")))
            .build();

    assertThat(provisioner.provision(newTenant("acme")).status()).isEqualTo(TenantStatus.ACTIVE);
    assertThat(events).isNotEmpty();
  }

  @Test
  void stampsRecordsWithTheInjectedClock() {
    TenantProvisioner provisioner =
        builder()
            .provisionSteps(
                List.of(log.step("slow", ctx -> clock.advance(Duration.ofMinutes(3)), c -> {})))
            .build();

    provisioner.provision(newTenant("acme"));

    SagaRecord record = journal.forTenant(ACME).get(0);
    assertThat(record.startedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(record.updatedAt()).isEqualTo(Instant.parse("2026-01-01T00:03:00Z"));
  }
}
