package dev.tdeveloper.tenancy.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.spi.SagaRecord;
import dev.tdeveloper.tenancy.spi.SagaState;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash and resume over the durable file journal. A crash is simulated by a step throwing an {@link
 * Error}, which the provisioner deliberately does not catch, leaving the journal as it is; the
 * journal is then closed (as the OS would release a dead process's file) and a new provisioner over
 * the same file and registry resumes.
 */
class ProvisioningResumeTest {
  private static final TenantId ACME = TenantId.of("acme");

  /** Stands for the process dying in the middle of a step. */
  static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    SimulatedCrash(String where) {
      super("simulated crash in " + where);
    }
  }

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();
  private final TenantRegistry registry = TenantRegistry.inMemory();
  private final StepLog log = new StepLog();
  private final List<ProvisioningEvent> events = new ArrayList<>();
  private FileProvisioningJournal journal;

  private Path file() {
    return dir.resolve("sagas.journal");
  }

  private TenantProvisioner provisioner(List<ProvisioningStep> provisionSteps) {
    journal = FileProvisioningJournal.open(file());
    return TenantProvisioner.builder()
        .registry(registry)
        .clock(clock)
        .journal(journal)
        .provisionSteps(provisionSteps)
        .listener(events::add)
        .build();
  }

  @AfterEach
  void closeJournal() {
    if (journal != null) {
      journal.close();
    }
  }

  /** Steps a, b, c; b crashes the process on its first run only, after storing some data. */
  private List<ProvisioningStep> stepsCrashingOnceIn(String crashing) {
    AtomicBoolean crashed = new AtomicBoolean();
    List<ProvisioningStep> steps = new ArrayList<>();
    for (String name : List.of("a", "b", "c")) {
      steps.add(
          log.step(
              name,
              ctx -> {
                ctx.put(name, "created-by-" + name);
                if (name.equals(crashing) && crashed.compareAndSet(false, true)) {
                  throw new SimulatedCrash(name);
                }
              },
              ctx -> {}));
    }
    return steps;
  }

  private void crash(Runnable operation) {
    assertThatThrownBy(operation::run).isInstanceOf(SimulatedCrash.class);
    journal.close();
  }

  @Test
  void resumesACrashedSagaFromTheInterruptedStepWithoutRerunningCompletedOnes() {
    List<ProvisioningStep> steps = stepsCrashingOnceIn("b");
    TenantProvisioner first = provisioner(steps);
    crash(() -> first.provision(Tenant.builder(ACME).build()));
    assertThat(registry.find(ACME).orElseThrow().status()).isEqualTo(TenantStatus.PROVISIONING);

    TenantProvisioner second = provisioner(steps);
    SagaRecord before = journal.incomplete().get(0);
    List<SagaRecord> resumed = second.resumeIncomplete();

    assertThat(before.state()).isEqualTo(SagaState.RUNNING);
    assertThat(before.completed()).isEqualTo(1);
    assertThat(before.activeStep()).contains("b");
    assertThat(log.entries()).containsExactly("apply:a", "apply:b", "apply:b", "apply:c");
    assertThat(registry.find(ACME).orElseThrow().status()).isEqualTo(TenantStatus.ACTIVE);
    assertThat(resumed)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.state()).isEqualTo(SagaState.DONE);
              assertThat(r.sagaId()).isEqualTo(before.sagaId());
              assertThat(r.data()).containsKeys("a", "b", "c");
            });
    assertThat(journal.incomplete()).isEmpty();
    assertThat(events)
        .filteredOn(ProvisioningEvent.SagaResumed.class::isInstance)
        .singleElement()
        .satisfies(
            e -> assertThat(((ProvisioningEvent.SagaResumed) e).interruptedStep()).contains("b"));
  }

  @Test
  void resumesAfterATornFinalJournalRecord() throws Exception {
    List<ProvisioningStep> steps = stepsCrashingOnceIn("c");
    TenantProvisioner first = provisioner(steps);
    crash(() -> first.provision(Tenant.builder(ACME).build()));
    FileProvisioningJournalTest.truncateBy(file(), 5);

    TenantProvisioner second = provisioner(steps);
    assertThat(journal.discardedBytesOnOpen()).isPositive();
    SagaRecord survivor = journal.incomplete().get(0);
    assertThat(survivor.completed()).isEqualTo(2);
    assertThat(survivor.activeStep()).isEmpty();
    second.resumeIncomplete();

    assertThat(log.entries()).containsExactly("apply:a", "apply:b", "apply:c", "apply:c");
    assertThat(registry.find(ACME).orElseThrow().status()).isEqualTo(TenantStatus.ACTIVE);
  }

  @Test
  void resumesACrashedCompensationAndFinishesIt() {
    AtomicBoolean crashed = new AtomicBoolean();
    List<ProvisioningStep> steps =
        List.of(
            log.step("a"),
            log.step(
                "b",
                ctx -> {},
                ctx -> {
                  if (crashed.compareAndSet(false, true)) {
                    throw new SimulatedCrash("compensate b");
                  }
                }),
            log.failing("c"));
    TenantProvisioner first = provisioner(steps);
    crash(() -> first.provision(Tenant.builder(ACME).build()));

    TenantProvisioner second = provisioner(steps);
    assertThat(journal.incomplete().get(0).state()).isEqualTo(SagaState.COMPENSATING);
    List<SagaRecord> resumed = second.resumeIncomplete();

    assertThat(log.entries())
        .containsExactly(
            "apply:a", "apply:b", "apply:c", "compensate:b", "compensate:b", "compensate:a");
    assertThat(resumed)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.state()).isEqualTo(SagaState.FAILED);
              assertThat(r.failedStep()).contains("c");
              assertThat(r.compensatedFully()).isTrue();
            });
    assertThat(registry.find(ACME).orElseThrow().status()).isEqualTo(TenantStatus.DELETED);
  }

  @Test
  void aCrashBeforeTheTenantWasRecordedEndsTheSagaFailedWithNothingToUndo() {
    TenantRegistry crashingOnCreate = new CrashOnCreate(registry);
    journal = FileProvisioningJournal.open(file());
    TenantProvisioner first =
        TenantProvisioner.builder()
            .registry(crashingOnCreate)
            .journal(journal)
            .provisionSteps(List.of(log.step("a")))
            .build();
    crash(() -> first.provision(Tenant.builder(ACME).build()));

    TenantProvisioner second = provisioner(List.of(log.step("a")));
    List<SagaRecord> resumed = second.resumeIncomplete();

    assertThat(resumed)
        .singleElement()
        .satisfies(r -> assertThat(r.state()).isEqualTo(SagaState.FAILED));
    assertThat(resumed.get(0).failure())
        .hasValueSatisfying(f -> assertThat(f).contains("not found"));
    assertThat(registry.find(ACME)).isEmpty();
    assertThat(log.entries()).isEmpty();
  }

  @Test
  void refusesNewOperationsOnATenantWithAnIncompleteSagaUntilResumed() {
    List<ProvisioningStep> steps = stepsCrashingOnceIn("b");
    TenantProvisioner first = provisioner(steps);
    crash(() -> first.provision(Tenant.builder(ACME).build()));

    TenantProvisioner second = provisioner(steps);
    assertThatThrownBy(() -> second.offboard(ACME))
        .isInstanceOf(ProvisioningInProgressException.class)
        .hasMessageContaining("resumeIncomplete");
    assertThat(registry.find(ACME).orElseThrow().status()).isEqualTo(TenantStatus.PROVISIONING);

    second.resumeIncomplete();
    assertThat(second.offboard(ACME).status()).isEqualTo(TenantStatus.DELETED);
  }

  @Test
  void refusesToResumeWhenTheStepsChangedSinceTheSagaStarted() {
    TenantProvisioner first = provisioner(stepsCrashingOnceIn("b"));
    crash(() -> first.provision(Tenant.builder(ACME).build()));

    TenantProvisioner changed = provisioner(List.of(log.step("a"), log.step("c")));
    List<String> before = log.entries();

    assertThatThrownBy(changed::resumeIncomplete)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[a, b, c]")
        .hasMessageContaining("[a, c]");
    assertThat(log.entries()).isEqualTo(before);
    assertThat(journal.incomplete()).hasSize(1);
  }

  @Test
  void resumingWithNothingIncompleteDoesNothing() {
    TenantProvisioner provisioner = provisioner(List.of(log.step("a")));
    provisioner.provision(Tenant.builder(ACME).build());

    assertThat(provisioner.resumeIncomplete()).isEmpty();
    assertThat(log.entries()).containsExactly("apply:a");
  }

  /** A registry whose create crashes the process before recording anything. */
  private static final class CrashOnCreate implements TenantRegistry {
    private final TenantRegistry delegate;

    CrashOnCreate(TenantRegistry delegate) {
      this.delegate = delegate;
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
      return delegate.find(id);
    }

    @Override
    public Tenant create(Tenant tenant) {
      throw new SimulatedCrash("create");
    }

    @Override
    public Tenant update(TenantId id, UnaryOperator<Tenant> change) {
      return delegate.update(id, change);
    }

    @Override
    public List<Tenant> list() {
      return delegate.list();
    }
  }
}
