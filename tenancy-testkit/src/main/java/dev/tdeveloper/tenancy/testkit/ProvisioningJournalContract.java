package dev.tdeveloper.tenancy.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.provision.LifecycleOperation;
import dev.tdeveloper.tenancy.spi.ProvisioningJournal;
import dev.tdeveloper.tenancy.spi.SagaRecord;
import dev.tdeveloper.tenancy.spi.SagaState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ProvisioningJournal} must have. A backend proves itself by extending
 * this class (from the tenancy-core test-jar) and returning a new, empty journal from {@link
 * #newJournal()}; it is closed after each test.
 */
public abstract class ProvisioningJournalContract {
  /** A fixed start time for test records. */
  protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** The journal under test, new and empty for each test. */
  protected ProvisioningJournal journal;

  /** Returns a new, empty journal. */
  protected abstract ProvisioningJournal newJournal();

  @BeforeEach
  void setUpJournal() {
    journal = newJournal();
  }

  @AfterEach
  void closeJournal() {
    journal.close();
  }

  /** Returns a RUNNING record of a 3-step PROVISION saga with {@code completed} steps done. */
  protected static SagaRecord running(String sagaId, String tenant, int completed, Instant at) {
    return new SagaRecord(
        sagaId,
        LifecycleOperation.PROVISION,
        TenantId.of(tenant),
        List.of("a", "b", "c"),
        completed,
        Optional.empty(),
        SagaState.RUNNING,
        Map.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        T0,
        at);
  }

  /** Returns {@code record} moved to {@code state} (DONE or FAILED) at {@code at}. */
  protected static SagaRecord finished(SagaRecord record, SagaState state, Instant at) {
    boolean failed = state == SagaState.FAILED;
    return new SagaRecord(
        record.sagaId(),
        record.operation(),
        record.tenantId(),
        record.steps(),
        failed ? 0 : record.steps().size(),
        Optional.empty(),
        state,
        record.data(),
        record.reason(),
        failed ? Optional.of("b") : Optional.empty(),
        failed ? Optional.of("java.lang.IllegalStateException: boom") : Optional.empty(),
        List.of(),
        record.startedAt(),
        at);
  }

  @Test
  void findsTheLatestRecordOfASaga() {
    journal.record(running("s1", "acme", 0, T0));
    journal.record(running("s1", "acme", 2, T0.plusSeconds(2)));

    assertThat(journal.find("s1")).contains(running("s1", "acme", 2, T0.plusSeconds(2)));
    assertThat(journal.find("unknown")).isEmpty();
  }

  @Test
  void keepsEveryFieldOfARecord() {
    SagaRecord full =
        new SagaRecord(
            "s-full",
            LifecycleOperation.SUSPEND,
            TenantId.of("acme"),
            List.of("revoke-keys", "scale-down"),
            1,
            Optional.of("revoke-keys"),
            SagaState.COMPENSATING,
            Map.of("db", "acme_db", "note", "quote \" newline \n unicode é 日本"),
            Optional.of("unpaid invoice"),
            Optional.of("scale-down"),
            Optional.of("java.io.UncheckedIOException: timeout"),
            List.of("x"),
            T0,
            T0.plusMillis(1500));

    journal.record(full);

    assertThat(journal.find("s-full")).contains(full);
  }

  @Test
  void listsIncompleteSagasOldestFirst() {
    SagaRecord later = running("later", "acme", 0, T0.plusSeconds(5));
    later = withStart(later, T0.plusSeconds(5));
    journal.record(later);
    journal.record(running("earlier", "globex", 1, T0));
    journal.record(finished(running("done", "initech", 0, T0), SagaState.DONE, T0));
    SagaRecord failed = running("failed", "initech", 0, T0);
    journal.record(failed);
    journal.record(finished(failed, SagaState.FAILED, T0.plusSeconds(1)));

    assertThat(journal.incomplete())
        .extracting(SagaRecord::sagaId)
        .containsExactly("earlier", "later");
  }

  @Test
  void listsOnlyTheGivenTenantsSagas() {
    journal.record(running("a1", "acme", 0, T0));
    journal.record(running("g1", "globex", 0, T0));
    journal.record(running("a2", "acme", 1, T0));

    assertThat(journal.forTenant(TenantId.of("acme")))
        .extracting(SagaRecord::sagaId)
        .containsExactly("a1", "a2");
    assertThat(journal.forTenant(TenantId.of("initech"))).isEmpty();
  }

  @Test
  void sagasStartedTogetherKeepTheOrderTheyWereFirstRecordedIn() {
    journal.record(running("z", "acme", 0, T0));
    journal.record(running("a", "acme", 0, T0));
    journal.record(running("m", "acme", 0, T0));
    journal.record(running("z", "acme", 1, T0.plusSeconds(1)));

    assertThat(journal.forTenant(TenantId.of("acme")))
        .extracting(SagaRecord::sagaId)
        .containsExactly("z", "a", "m");
    assertThat(journal.incomplete()).extracting(SagaRecord::sagaId).containsExactly("z", "a", "m");
  }

  @Test
  void refusesARecordThatWouldMoveASagaToAnotherTenant() {
    journal.record(running("s1", "acme", 1, T0));

    assertThatThrownBy(() -> journal.record(running("s1", "globex", 2, T0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("s1")
        .hasMessageContaining("globex");
    assertThat(journal.find("s1")).contains(running("s1", "acme", 1, T0));
    assertThat(journal.forTenant(TenantId.of("globex"))).isEmpty();
  }

  @Test
  void refusesUpdatesOfATerminalSaga() {
    SagaRecord done = finished(running("s1", "acme", 0, T0), SagaState.DONE, T0.plusSeconds(1));
    journal.record(running("s1", "acme", 0, T0));
    journal.record(done);

    assertThatThrownBy(() -> journal.record(running("s1", "acme", 1, T0.plusSeconds(2))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DONE");
    assertThat(journal.find("s1")).contains(done);
    assertThat(journal.incomplete()).isEmpty();
  }

  @Test
  void rejectsNullArguments() {
    assertThatThrownBy(() -> journal.record(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> journal.find(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> journal.forTenant(null)).isInstanceOf(NullPointerException.class);
    assertThat(journal.incomplete()).isEmpty();
  }

  @Test
  void concurrentSagasOfManyTenantsAreAllKept() throws Exception {
    int threads = 8;
    int sagasPerThread = 20;
    Concurrently.run(
        threads,
        thread -> {
          for (int s = 0; s < sagasPerThread; s++) {
            String tenant = "t" + thread;
            String id = tenant + "-s" + s;
            for (int step = 0; step <= 3; step++) {
              journal.record(running(id, tenant, step, T0.plusSeconds(step)));
            }
          }
        });

    assertThat(journal.incomplete()).hasSize(threads * sagasPerThread);
    for (int t = 0; t < threads; t++) {
      assertThat(journal.forTenant(TenantId.of("t" + t)))
          .hasSize(sagasPerThread)
          .allSatisfy(r -> assertThat(r.completed()).isEqualTo(3));
    }
  }

  private static SagaRecord withStart(SagaRecord r, Instant start) {
    return new SagaRecord(
        r.sagaId(),
        r.operation(),
        r.tenantId(),
        r.steps(),
        r.completed(),
        r.activeStep(),
        r.state(),
        r.data(),
        r.reason(),
        r.failedStep(),
        r.failure(),
        r.compensationFailures(),
        start,
        r.updatedAt());
  }
}
