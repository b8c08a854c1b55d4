package dev.tdeveloper.tenancy.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.migration.MigrationJournal;
import dev.tdeveloper.tenancy.migration.MigrationPhase;
import dev.tdeveloper.tenancy.migration.MigrationPlan;
import dev.tdeveloper.tenancy.migration.MigrationState;
import dev.tdeveloper.tenancy.routing.ShardId;
import dev.tdeveloper.tenancy.spi.Checksum;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link MigrationJournal} must have. A backend proves itself by extending this
 * class and returning a new, empty journal from {@link #newJournal()}; it is closed after each
 * test.
 */
public abstract class MigrationJournalContract {
  /** A fixed time for test states. */
  protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** The journal under test, new and empty for each test. */
  protected MigrationJournal journal;

  /** Returns a new, empty journal. */
  protected abstract MigrationJournal newJournal();

  @BeforeEach
  void setUpJournal() {
    journal = newJournal();
  }

  @AfterEach
  void closeJournal() {
    journal.close();
  }

  /** Returns the PLANNED state of a new migration of {@code tenant} planned {@code second}s in. */
  protected static MigrationState planned(String tenant, int second) {
    MigrationPlan plan =
        new MigrationPlan(
            UUID.randomUUID(),
            TenantId.of(tenant),
            ShardId.of("cell-1"),
            ShardId.of("cell-2"),
            "store-1",
            "store-2",
            42,
            new Checksum(42, "0123456789abcdef".repeat(4)),
            false,
            T0.plusSeconds(second));
    return MigrationState.planned(plan, plan.plannedAt());
  }

  @Test
  void findsTheLatestStateOfAMigration() {
    MigrationState acme = planned("acme", 1);
    assertThat(journal.tryBegin(acme)).isTrue();
    MigrationState copying = acme.enter(MigrationPhase.COPYING, T0.plusSeconds(2));
    MigrationState copied = copying.copied("k0009", 10, T0.plusSeconds(3));
    journal.update(copying);
    journal.update(copied);

    assertThat(journal.find(acme.plan().id())).contains(copied);
    assertThat(journal.find(UUID.randomUUID())).isEmpty();
  }

  @Test
  void keepsEveryFieldOfAState() {
    MigrationState acme = planned("acme", 1);
    MigrationPlan p = acme.plan();
    MigrationPlan overwriting =
        new MigrationPlan(
            p.id(),
            p.tenant(),
            p.source(),
            p.target(),
            p.sourceStore(),
            p.targetStore(),
            p.recordCount(),
            p.sourceChecksum(),
            true,
            p.plannedAt());
    MigrationState full =
        new MigrationState(
            overwriting,
            MigrationPhase.COPYING,
            Optional.of("key \" newline \n unicode é 日本 😀"),
            1234,
            T0.plusMillis(1500),
            Optional.of("java.io.UncheckedIOException: timeout"));

    journal.tryBegin(MigrationState.planned(overwriting, T0));
    journal.update(full);

    assertThat(journal.find(p.id())).contains(full);
    assertThat(journal.list()).containsExactly(full);
  }

  @Test
  void allowsOneUnfinishedMigrationPerTenant() {
    MigrationState acme = planned("acme", 1);
    assertThat(journal.tryBegin(acme)).isTrue();
    MigrationState second = planned("acme", 2);
    assertThat(journal.tryBegin(second)).isFalse();
    assertThat(journal.find(second.plan().id())).isEmpty();
    assertThat(journal.tryBegin(planned("globex", 3))).isTrue();
    assertThat(journal.unfinished(TenantId.of("acme"))).contains(acme);

    journal.update(acme.finished(MigrationPhase.ABORTED, "test", T0.plusSeconds(4)));
    assertThat(journal.unfinished(TenantId.of("acme"))).isEmpty();
    assertThat(journal.tryBegin(planned("acme", 5))).isTrue();
    assertThat(journal.list()).hasSize(3);
  }

  @Test
  void listsOldestPlanFirst() {
    MigrationState later = planned("acme", 9);
    MigrationState earlier = planned("globex", 1);
    MigrationState middle = planned("initech", 5);
    journal.tryBegin(later);
    journal.tryBegin(earlier);
    journal.tryBegin(middle);

    assertThat(journal.list()).containsExactly(earlier, middle, later);
  }

  @Test
  void refusesAReusedIdAndChangesNothing() {
    MigrationState acme = planned("acme", 1);
    journal.tryBegin(acme);
    MigrationState failed = acme.finished(MigrationPhase.FAILED, "test", T0.plusSeconds(2));
    journal.update(failed);

    assertThatThrownBy(() -> journal.tryBegin(acme))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(acme.plan().id().toString())
        .hasMessageContaining("already recorded");
    assertThat(journal.find(acme.plan().id())).contains(failed);
    assertThat(journal.unfinished(TenantId.of("acme"))).isEmpty();
  }

  @Test
  void refusesAnUpdateOfAnUnknownMigrationAndChangesNothing() {
    MigrationState unknown = planned("globex", 1);

    assertThatThrownBy(() -> journal.update(unknown))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown migration " + unknown.plan().id());
    assertThat(journal.find(unknown.plan().id())).isEmpty();
    assertThat(journal.list()).isEmpty();
  }

  @Test
  void rejectsNullArguments() {
    assertThatThrownBy(() -> journal.tryBegin(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> journal.update(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> journal.find(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> journal.unfinished(null)).isInstanceOf(NullPointerException.class);
    assertThat(journal.list()).isEmpty();
  }

  @Test
  void concurrentBeginsForOneTenantAdmitExactlyOne() throws Exception {
    AtomicInteger admitted = new AtomicInteger();
    Concurrently.run(
        16,
        thread -> {
          if (journal.tryBegin(planned("acme", thread))) {
            admitted.incrementAndGet();
          }
        });

    assertThat(admitted).hasValue(1);
    assertThat(journal.list()).hasSize(1);
  }

  @Test
  void concurrentMigrationsOfManyTenantsAreAllKept() throws Exception {
    int threads = 8;
    int batches = 20;
    Concurrently.run(
        threads,
        thread -> {
          MigrationState state = planned("t" + thread, thread);
          journal.tryBegin(state);
          state = state.enter(MigrationPhase.COPYING, T0);
          for (int b = 0; b < batches; b++) {
            state = state.copied(String.format("k%04d", b), 1, T0.plusSeconds(b));
            journal.update(state);
          }
        });

    assertThat(journal.list())
        .hasSize(threads)
        .allSatisfy(s -> assertThat(s.copiedRecords()).isEqualTo(batches))
        .allSatisfy(s -> assertThat(s.lastCopiedKey()).contains("k0019"));
  }
}
