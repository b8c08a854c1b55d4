package dev.tdeveloper.tenancy.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.routing.ShardId;
import dev.tdeveloper.tenancy.spi.Checksum;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryMigrationJournalTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final MigrationJournal journal = MigrationJournal.inMemory();

  private static MigrationState planned(String tenant, int second) {
    MigrationPlan plan =
        new MigrationPlan(
            UUID.randomUUID(),
            TenantId.of(tenant),
            ShardId.of("cell-1"),
            ShardId.of("cell-2"),
            "store-1",
            "store-2",
            0,
            Checksum.EMPTY,
            false,
            T0.plusSeconds(second));
    return MigrationState.planned(plan, plan.plannedAt());
  }

  @Test
  void allowsOneUnfinishedMigrationPerTenant() {
    MigrationState acme = planned("acme", 1);
    assertThat(journal.tryBegin(acme)).isTrue();
    assertThat(journal.tryBegin(planned("acme", 2))).isFalse();
    assertThat(journal.tryBegin(planned("globex", 3))).isTrue();
    assertThat(journal.unfinished(TenantId.of("acme"))).contains(acme);

    journal.update(acme.finished(MigrationPhase.ABORTED, "test", T0.plusSeconds(4)));
    assertThat(journal.unfinished(TenantId.of("acme"))).isEmpty();
    assertThat(journal.tryBegin(planned("acme", 5))).isTrue();
    assertThat(journal.list()).hasSize(3).extracting(s -> s.plan().plannedAt()).isSorted();
  }

  @Test
  void rejectsReusedIdsAndUnknownUpdates() {
    MigrationState acme = planned("acme", 1);
    journal.tryBegin(acme);
    journal.update(acme.finished(MigrationPhase.FAILED, "test", T0));
    assertThatThrownBy(() -> journal.tryBegin(acme))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already recorded");
    MigrationState unknown = planned("globex", 1);
    assertThatThrownBy(() -> journal.update(unknown))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown migration " + unknown.plan().id());
    assertThat(journal.find(unknown.plan().id())).isEmpty();
  }

  @Test
  void concurrentBeginsForOneTenantAdmitExactlyOne() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        MigrationState state = planned("acme", i);
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return journal.tryBegin(state);
                }));
      }
      start.countDown();
      int admitted = 0;
      for (Future<Boolean> result : results) {
        admitted += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(admitted).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void statesValidateTheirFields() {
    MigrationState acme = planned("acme", 1);
    assertThatThrownBy(() -> acme.finished(MigrationPhase.COPYING, "x", T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be terminal");
    assertThatThrownBy(
            () ->
                new MigrationPlan(
                    UUID.randomUUID(),
                    TenantId.of("a"),
                    ShardId.of("c"),
                    ShardId.of("c"),
                    "s",
                    "t",
                    0,
                    Checksum.EMPTY,
                    false,
                    T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("target must differ from source");
    assertThat(acme.copied("k9", 10, T0).copied("k19", 10, T0).copiedRecords()).isEqualTo(20);
  }
}
