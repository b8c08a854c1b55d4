package dev.tdeveloper.tenancy.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.IllegalTenantTransitionException;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantNotFoundException;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.spi.ProvisioningJournal;
import dev.tdeveloper.tenancy.spi.SagaRecord;
import dev.tdeveloper.tenancy.spi.SagaState;
import dev.tdeveloper.tenancy.spi.TenantAlreadyExistsException;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Refusals, bad input, isolation and concurrency of {@link TenantProvisioner}. */
class TenantProvisionerGuardsTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  private final TenantRegistry registry = TenantRegistry.inMemory();
  private final ProvisioningJournal journal = ProvisioningJournal.inMemory();
  private final StepLog log = new StepLog();

  private TenantProvisionerBuilder builder() {
    return TenantProvisioner.builder().registry(registry).clock(new ManualClock()).journal(journal);
  }

  private TenantProvisioner allSteps() {
    return builder()
        .provisionSteps(List.of(log.step("p")))
        .suspendSteps(List.of(log.step("s")))
        .reactivateSteps(List.of(log.step("r")))
        .offboardSteps(List.of(log.step("o")))
        .build();
  }

  @Test
  void illegalLifecycleMovesAreRefusedBeforeAnyStepRunsAndChangeNothing() {
    TenantProvisioner provisioner = allSteps();
    provisioner.provision(Tenant.builder(ACME).build());
    List<String> stepsBefore = log.entries();
    List<SagaRecord> journalBefore = journal.forTenant(ACME);
    Tenant before = registry.find(ACME).orElseThrow();

    assertThatThrownBy(() -> provisioner.reactivate(ACME))
        .isInstanceOfSatisfying(
            IllegalTenantTransitionException.class,
            e -> {
              assertThat(e.from()).isEqualTo(TenantStatus.ACTIVE);
              assertThat(e.to()).isEqualTo(TenantStatus.ACTIVE);
            });
    provisioner.offboard(ACME);
    List<String> afterOffboard = log.entries();
    List<SagaRecord> journalAfterOffboard = journal.forTenant(ACME);
    Tenant deleted = registry.find(ACME).orElseThrow();
    assertThatThrownBy(() -> provisioner.suspend(ACME, "late"))
        .isInstanceOf(IllegalTenantTransitionException.class);
    assertThatThrownBy(() -> provisioner.offboard(ACME))
        .isInstanceOf(IllegalTenantTransitionException.class);
    assertThatThrownBy(() -> provisioner.reactivate(ACME))
        .isInstanceOf(IllegalTenantTransitionException.class);

    assertThat(stepsBefore).containsExactly("apply:p");
    assertThat(journalBefore).hasSize(1);
    assertThat(before.status()).isEqualTo(TenantStatus.ACTIVE);
    assertThat(log.entries()).isEqualTo(afterOffboard);
    assertThat(journal.forTenant(ACME)).isEqualTo(journalAfterOffboard);
    assertThat(registry.find(ACME)).contains(deleted);
  }

  @Test
  void suspendingATenantStillProvisioningIsRefused() {
    registry.create(Tenant.builder(ACME).build());

    assertThatThrownBy(() -> allSteps().suspend(ACME, "why"))
        .isInstanceOf(IllegalTenantTransitionException.class);
    assertThat(log.entries()).isEmpty();
    assertThat(journal.forTenant(ACME)).isEmpty();
  }

  @Test
  void provisioningAnExistingTenantChangesNothing() {
    Tenant existing = registry.create(Tenant.builder(ACME).plan("pro").build());

    assertThatThrownBy(() -> allSteps().provision(Tenant.builder(ACME).build()))
        .isInstanceOf(TenantAlreadyExistsException.class);
    assertThat(registry.find(ACME)).contains(existing);
    assertThat(journal.forTenant(ACME)).isEmpty();
    assertThat(log.entries()).isEmpty();
  }

  @Test
  void badInputIsRefusedAndChangesNothing() {
    TenantProvisioner provisioner = allSteps();
    provisioner.provision(Tenant.builder(ACME).build());
    List<SagaRecord> before = journal.forTenant(ACME);

    assertThatThrownBy(() -> provisioner.provision(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () -> provisioner.provision(Tenant.builder(GLOBEX).status(TenantStatus.ACTIVE).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("globex")
        .hasMessageContaining("ACTIVE");
    assertThatThrownBy(() -> provisioner.suspend(null, "x"))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> provisioner.suspend(ACME, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> provisioner.suspend(ACME, "  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reason");
    assertThatThrownBy(() -> provisioner.suspend(ACME, "x".repeat(501)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> provisioner.reactivate(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> provisioner.offboard(GLOBEX))
        .isInstanceOf(TenantNotFoundException.class);
    assertThatThrownBy(() -> provisioner.suspend(GLOBEX, "x"))
        .isInstanceOf(TenantNotFoundException.class);

    assertThat(registry.find(ACME).orElseThrow().status()).isEqualTo(TenantStatus.ACTIVE);
    assertThat(registry.find(GLOBEX)).isEmpty();
    assertThat(journal.forTenant(ACME)).isEqualTo(before);
    assertThat(journal.forTenant(GLOBEX)).isEmpty();
    assertThat(log.entries()).containsExactly("apply:p");
  }

  @Test
  void aFailingSagaOfOneTenantNeverTouchesAnother() {
    TenantProvisioner ok = builder().provisionSteps(List.of(log.step("p"))).build();
    ok.provision(Tenant.builder(GLOBEX).plan("pro").build());
    Tenant globex = registry.find(GLOBEX).orElseThrow();
    List<SagaRecord> globexSagas = journal.forTenant(GLOBEX);
    TenantProvisioner failing =
        builder()
            .provisionSteps(
                List.of(
                    log.step("p", ctx -> ctx.put("owner", ctx.tenant().id().value()), c -> {}),
                    log.failing("q")))
            .build();

    assertThatThrownBy(() -> failing.provision(Tenant.builder(ACME).build()))
        .isInstanceOf(ProvisioningFailedException.class);

    assertThat(registry.find(GLOBEX)).contains(globex);
    assertThat(journal.forTenant(GLOBEX)).isEqualTo(globexSagas);
    assertThat(journal.forTenant(ACME))
        .singleElement()
        .satisfies(r -> assertThat(r.data()).containsEntry("owner", "acme"));
  }

  @Test
  void aTenantHasOneSagaAtATime() throws Exception {
    CountDownLatch inStep = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    TenantProvisioner provisioner =
        builder()
            .suspendSteps(
                List.of(
                    log.step(
                        "drain",
                        ctx -> {
                          inStep.countDown();
                          await(release);
                        },
                        c -> {})))
            .build();
    provisioner.provision(Tenant.builder(ACME).build());
    provisioner.provision(Tenant.builder(GLOBEX).build());
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Tenant> suspending = pool.submit(() -> provisioner.suspend(ACME, "ops"));
      assertThat(inStep.await(10, TimeUnit.SECONDS)).isTrue();

      assertThatThrownBy(() -> provisioner.offboard(ACME))
          .isInstanceOfSatisfying(
              ProvisioningInProgressException.class, e -> assertThat(e.tenantId()).isEqualTo(ACME));
      assertThat(provisioner.offboard(GLOBEX).status()).isEqualTo(TenantStatus.DELETED);
      release.countDown();
      assertThat(suspending.get(10, TimeUnit.SECONDS).status()).isEqualTo(TenantStatus.SUSPENDED);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
    assertThat(provisioner.offboard(ACME).status()).isEqualTo(TenantStatus.DELETED);
  }

  @Test
  void provisionsManyTenantsConcurrently() throws Exception {
    TenantProvisioner provisioner =
        builder()
            .provisionSteps(
                List.of(log.step("a", ctx -> ctx.put("id", ctx.tenant().id().value()), c -> {})))
            .build();
    int threads = 8;
    int perThread = 10;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    provisioner.provision(Tenant.builder("t" + thread + "-" + i).build());
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(registry.list())
        .hasSize(threads * perThread)
        .allSatisfy(t -> assertThat(t.status()).isEqualTo(TenantStatus.ACTIVE));
    for (Tenant tenant : registry.list()) {
      assertThat(journal.forTenant(tenant.id()))
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.state()).isEqualTo(SagaState.DONE);
                assertThat(r.data()).containsEntry("id", tenant.id().value());
              });
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("test latch timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
