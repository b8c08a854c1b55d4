package dev.tdeveloper.backend.postgres.pitr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.tdeveloper.backend.postgres.TestPools;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.ChangeRecord;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Beyond the contract: two instances, paging, bad settings. */
@ExtendWith(LocalPostgresExtension.class)
class PostgresChangeJournalTest {
  private static final BackupScope ACME = BackupScope.of(TenantId.of("acme"));
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static int tables;

  private HikariDataSource first;
  private HikariDataSource second;
  private String table;

  @BeforeEach
  void open(LocalPostgres postgres) {
    first = pool(postgres);
    second = pool(postgres);
    table = "journal_test.j" + (++tables) + "_" + ProcessHandle.current().pid();
    PostgresChangeJournal.of(first, table, 1024).createTables();
  }

  @AfterEach
  void close() {
    first.close();
    second.close();
  }

  private static HikariDataSource pool(LocalPostgres postgres) {
    return TestPools.superuser(postgres, LocalPostgres.DEFAULT_DATABASE, 4);
  }

  @Test
  void appendsFromTwoInstancesAreNumberedWithoutGapsOrRepeats() throws Exception {
    PostgresChangeJournal one = PostgresChangeJournal.of(first, table, 1024);
    PostgresChangeJournal two = PostgresChangeJournal.of(second, table, 1024);
    int threads = 6;
    int each = 40;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        PostgresChangeJournal journal = t % 2 == 0 ? one : two;
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < each; i++) {
                    journal.append(
                        ACME,
                        T0,
                        "files",
                        "t" + thread + "/" + i,
                        Optional.of((thread + ":" + i).getBytes(StandardCharsets.UTF_8)));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    List<ChangeRecord> records = new ArrayList<>();
    two.read(ACME, 0, records::add);
    assertThat(records)
        .extracting(ChangeRecord::sequence)
        .containsExactlyElementsOf(LongStream.range(0, threads * each).boxed().toList());
    assertThat(records).extracting(ChangeRecord::path).doesNotHaveDuplicates();
    assertThat(one.nextSequence(ACME)).isEqualTo(threads * each);
  }

  @Test
  void readsPastOnePageInOrder() {
    PostgresChangeJournal journal = PostgresChangeJournal.of(first, table, 1024);
    int count = PostgresChangeJournal.PAGE_RECORDS * 2 + 7;
    for (int i = 0; i < count; i++) {
      journal.append(
          ACME,
          T0,
          "files",
          "f" + i,
          i % 3 == 0 ? Optional.empty() : Optional.of(new byte[] {(byte) i}));
    }
    List<ChangeRecord> records = new ArrayList<>();
    journal.read(ACME, 5, records::add);
    assertThat(records)
        .extracting(ChangeRecord::sequence)
        .containsExactlyElementsOf(LongStream.range(5, count).boxed().toList());
    assertThat(records.get(0).content()).isPresent();
    assertThat(records.get(1).content()).as("record 6 is a deletion").isEmpty();
  }

  @Test
  void refusesContentOverItsLimitAndBadSettings() {
    PostgresChangeJournal journal = PostgresChangeJournal.of(first, table, 1024);
    assertThatThrownBy(() -> journal.append(ACME, T0, "files", "big", Optional.of(new byte[1025])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("content of big is 1025 bytes; at most 1024 allowed");
    assertThatThrownBy(() -> journal.append(ACME, T0, "Bad Source", "a", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("source 'Bad Source' must be 1 to 64 characters");
    assertThat(journal.nextSequence(ACME)).isZero();
    assertThatThrownBy(() -> PostgresChangeJournal.of(first, "bad-table", 1024))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table must match");
    assertThatThrownBy(() -> PostgresChangeJournal.of(first, table, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "maxContentBytes must be 1 to " + PostgresChangeJournal.MAX_CONTENT_BYTES + ", got 0");
  }
}
