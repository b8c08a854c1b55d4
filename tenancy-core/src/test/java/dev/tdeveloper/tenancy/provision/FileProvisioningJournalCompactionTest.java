package dev.tdeveloper.tenancy.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.ProvisioningJournal;
import dev.tdeveloper.tenancy.spi.SagaRecord;
import dev.tdeveloper.tenancy.spi.SagaState;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileProvisioningJournalCompactionTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final List<String> TENANTS = List.of("acme", "globex", "initech");

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(T0);

  private FileProvisioningJournal open() {
    return FileProvisioningJournal.builder(dir.resolve("p.journal"))
        .finishedRetention(Duration.ofDays(1))
        .clock(clock)
        .open();
  }

  /** Records a saga step by step up to {@code completed} steps; returns its last record. */
  static SagaRecord run(ProvisioningJournal journal, String id, String tenant, int completed) {
    SagaRecord record = null;
    for (int step = 0; step <= completed; step++) {
      record = Sagas.running(id, tenant, step, T0.plusSeconds(step));
      journal.record(record);
    }
    return record;
  }

  /** Every answer the journal gives about {@code ids} and {@link #TENANTS}. */
  static List<Object> answers(ProvisioningJournal journal, List<String> ids) {
    List<Object> answers = new ArrayList<>(journal.incomplete());
    TENANTS.forEach(t -> answers.add(journal.forTenant(TenantId.of(t))));
    ids.forEach(id -> answers.add(journal.find(id)));
    return answers;
  }

  @Test
  void compactionDropsSupersededRecordsAndAnswersEverythingAsBefore() {
    List<String> ids = List.of("z", "a", "done", "failed", "unknown");
    List<Object> before;
    try (FileProvisioningJournal journal = open()) {
      run(journal, "z", "acme", 2);
      run(journal, "a", "acme", 1);
      journal.record(Sagas.finished(run(journal, "done", "globex", 3), SagaState.DONE, T0));
      journal.record(Sagas.finished(run(journal, "failed", "acme", 1), SagaState.FAILED, T0));
      before = answers(journal, ids);
      long size = journal.sizeBytes();

      long shrunk = journal.compact();

      assertThat(shrunk).isPositive();
      assertThat(journal.sizeBytes()).isEqualTo(size - shrunk);
      assertThat(answers(journal, ids)).isEqualTo(before);
      assertThatThrownBy(() -> journal.record(Sagas.running("done", "globex", 0, T0)))
          .as("a finished saga still cannot be updated")
          .isInstanceOf(IllegalStateException.class);
    }
    try (FileProvisioningJournal reopened = open()) {
      assertThat(answers(reopened, ids)).isEqualTo(before);
    }
  }

  @Test
  void dropsOnlyFinishedSagasOlderThanTheRetention() {
    try (FileProvisioningJournal journal = open()) {
      journal.record(Sagas.finished(run(journal, "old-done", "acme", 1), SagaState.DONE, T0));
      SagaRecord oldRunning = run(journal, "old-running", "globex", 1);
      clock.advance(Duration.ofHours(30));
      SagaRecord recent =
          Sagas.finished(run(journal, "recent", "initech", 0), SagaState.FAILED, clock.instant());
      journal.record(recent);

      journal.compact();

      assertThat(journal.find("old-done")).isEmpty();
      assertThat(journal.find("old-running")).contains(oldRunning);
      assertThat(journal.find("recent")).contains(recent);
      assertThat(journal.incomplete()).containsExactly(oldRunning);
    }
    try (FileProvisioningJournal reopened = open()) {
      assertThat(reopened.forTenant(TenantId.of("acme"))).isEmpty();
      assertThat(reopened.incomplete())
          .extracting(SagaRecord::sagaId)
          .containsExactly("old-running");
      assertThat(reopened.find("recent")).isPresent();
    }
  }

  @Test
  void compactsByItselfOnceTheFileReachesTheThreshold() throws Exception {
    Path file = dir.resolve("auto.journal");
    try (FileProvisioningJournal journal =
        FileProvisioningJournal.builder(file).compactionThresholdBytes(4096).clock(clock).open()) {
      for (int saga = 0; saga < 100; saga++) {
        journal.record(Sagas.finished(run(journal, "s" + saga, "acme", 2), SagaState.DONE, T0));
      }
      run(journal, "last", "acme", 1);
    }
    try (FileProvisioningJournal reopened = FileProvisioningJournal.open(file)) {
      assertThat(reopened.forTenant(TenantId.of("acme"))).hasSize(101);
      assertThat(reopened.incomplete()).extracting(SagaRecord::sagaId).containsExactly("last");
      long latestOnly = reopened.sizeBytes();
      assertThat(Files.size(file)).isLessThan(2 * Math.max(4096, latestOnly) + 2048);
    }
  }

  /** Record factories shaped like the contract's. */
  static final class Sagas {
    private Sagas() {}

    static SagaRecord running(String id, String tenant, int completed, Instant at) {
      return new SagaRecord(
          id,
          LifecycleOperation.PROVISION,
          TenantId.of(tenant),
          List.of("a", "b", "c"),
          completed,
          Optional.empty(),
          SagaState.RUNNING,
          Map.of("step", String.valueOf(completed)),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          List.of(),
          T0,
          at);
    }

    static SagaRecord finished(SagaRecord r, SagaState state, Instant at) {
      boolean failed = state == SagaState.FAILED;
      return new SagaRecord(
          r.sagaId(),
          r.operation(),
          r.tenantId(),
          r.steps(),
          failed ? 0 : r.steps().size(),
          Optional.empty(),
          state,
          r.data(),
          r.reason(),
          failed ? Optional.of("b") : Optional.empty(),
          failed ? Optional.of("java.lang.IllegalStateException: boom") : Optional.empty(),
          List.of(),
          r.startedAt(),
          at);
    }
  }
}
