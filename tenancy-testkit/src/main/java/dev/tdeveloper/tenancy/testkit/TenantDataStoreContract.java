package dev.tdeveloper.tenancy.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.Checksum;
import dev.tdeveloper.tenancy.spi.DataRecord;
import dev.tdeveloper.tenancy.spi.TenantDataStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link TenantDataStore} must have. A backend's test extends this class and
 * implements {@link #createStore()}; each test gets a fresh, empty store.
 */
public abstract class TenantDataStoreContract {
  protected static final TenantId ACME = TenantId.of("acme");
  protected static final TenantId GLOBEX = TenantId.of("globex");

  /** The store under test. */
  protected TenantDataStore store;

  /** Returns a new store holding no records for {@link #ACME} and {@link #GLOBEX}. */
  protected abstract TenantDataStore createStore();

  @BeforeEach
  void createFreshStore() {
    store = createStore();
  }

  protected static DataRecord record(String key, String value) {
    return new DataRecord(key, value.getBytes(UTF_8));
  }

  protected static List<DataRecord> records(String prefix, int count) {
    List<DataRecord> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      records.add(record(String.format("%s%04d", prefix, i), "value-" + i));
    }
    return records;
  }

  private List<DataRecord> exportAll(TenantId tenant, int batchSize) {
    List<DataRecord> all = new ArrayList<>();
    Optional<String> after = Optional.empty();
    while (true) {
      List<DataRecord> page = store.export(tenant, after, batchSize);
      assertThat(page.size()).isLessThanOrEqualTo(batchSize);
      if (page.isEmpty()) {
        return all;
      }
      all.addAll(page);
      after = Optional.of(page.get(page.size() - 1).key());
    }
  }

  @Test
  public void hasAName() {
    assertThat(store.name()).isNotBlank();
  }

  @Test
  public void exportsInKeyOrderPageByPage() {
    List<DataRecord> records = records("k", 25);
    List<DataRecord> shuffled = new ArrayList<>(records);
    Collections.shuffle(shuffled, new Random(1));
    store.importBatch(ACME, shuffled);

    assertThat(exportAll(ACME, 7)).containsExactlyElementsOf(records);
    assertThat(store.export(ACME, Optional.empty(), 3))
        .containsExactlyElementsOf(records.subList(0, 3));
    assertThat(store.export(ACME, Optional.of("k0010"), 2))
        .containsExactly(records.get(11), records.get(12));
    assertThat(store.export(ACME, Optional.of("k0010x"), 1)).containsExactly(records.get(11));
    assertThat(store.export(ACME, Optional.of("k0024"), 5)).isEmpty();
  }

  @Test
  public void exportsInCodePointOrder() {
    List<String> keys = List.of("\ud83d\ude00", "\uffff", "\u00e9", "b", "a", "B");
    store.importBatch(ACME, keys.stream().map(k -> record(k, k)).toList());
    List<String> expected = new ArrayList<>(keys);
    expected.sort(DataRecord.KEY_ORDER);
    assertThat(exportAll(ACME, 2).stream().map(DataRecord::key))
        .containsExactlyElementsOf(expected);
  }

  @Test
  public void unknownTenantHasNothing() {
    assertThat(store.export(ACME, Optional.empty(), 10)).isEmpty();
    assertThat(store.checksum(ACME)).isEqualTo(Checksum.EMPTY);
    assertThat(store.deleteAll(ACME)).isZero();
  }

  @Test
  public void importUpsertsAndIsIdempotent() {
    store.importBatch(ACME, records("k", 10));
    store.importBatch(ACME, records("k", 10));
    assertThat(store.checksum(ACME)).isEqualTo(Checksum.of(records("k", 10)));

    store.importBatch(ACME, List.of(record("k0003", "changed"), record("z", "new")));
    List<DataRecord> all = exportAll(ACME, 100);
    assertThat(all).hasSize(11).contains(record("k0003", "changed"), record("z", "new"));
    assertThat(store.checksum(ACME)).isEqualTo(Checksum.of(all));
    store.importBatch(ACME, List.of());
    assertThat(exportAll(ACME, 100)).isEqualTo(all);
  }

  @Test
  public void keepsEmptyAndBinaryValues() {
    DataRecord binary = new DataRecord("bin", new byte[] {0, -1, -128, 127});
    DataRecord empty = new DataRecord("empty", new byte[0]);
    store.importBatch(ACME, List.of(binary, empty));
    assertThat(exportAll(ACME, 10)).containsExactly(binary, empty);
  }

  @Test
  public void checksumIgnoresImportOrderAndBatching() {
    List<DataRecord> records = records("k", 40);
    store.importBatch(ACME, records);
    List<DataRecord> reversed = new ArrayList<>(records);
    Collections.reverse(reversed);
    for (int i = 0; i < reversed.size(); i += 9) {
      store.importBatch(GLOBEX, reversed.subList(i, Math.min(i + 9, reversed.size())));
    }
    assertThat(store.checksum(GLOBEX)).isEqualTo(store.checksum(ACME));
    assertThat(store.checksum(ACME)).isEqualTo(Checksum.of(records));
  }

  @Test
  public void rejectsInvalidBatchesWithoutChangingAnything() {
    store.importBatch(ACME, List.of(record("a", "1")));
    Checksum before = store.checksum(ACME);
    assertThatThrownBy(() -> store.importBatch(ACME, List.of(record("b", "2"), record("b", "3"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'b'");
    List<DataRecord> withNull = new ArrayList<>();
    withNull.add(record("c", "4"));
    withNull.add(null);
    assertThatThrownBy(() -> store.importBatch(ACME, withNull))
        .isInstanceOf(NullPointerException.class);
    assertThat(store.checksum(ACME)).isEqualTo(before);
  }

  @Test
  public void rejectsBadArguments() {
    assertThatThrownBy(() -> store.export(ACME, Optional.empty(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("batchSize");
    assertThatThrownBy(
            () -> store.export(ACME, Optional.empty(), TenantDataStore.MAX_BATCH_SIZE + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.export(ACME, Optional.of(""), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.export(null, Optional.empty(), 1))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.importBatch(ACME, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.checksum(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.deleteAll(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  public void neverLeaksAcrossTenants() {
    store.importBatch(ACME, List.of(record("shared", "acme-secret"), record("a-only", "1")));
    store.importBatch(GLOBEX, List.of(record("shared", "globex-secret")));

    assertThat(exportAll(ACME, 10))
        .containsExactly(record("a-only", "1"), record("shared", "acme-secret"));
    assertThat(exportAll(GLOBEX, 10)).containsExactly(record("shared", "globex-secret"));
    assertThat(store.checksum(GLOBEX))
        .isEqualTo(Checksum.of(List.of(record("shared", "globex-secret"))));

    store.importBatch(GLOBEX, List.of(record("shared", "globex-2")));
    assertThat(exportAll(ACME, 10)).contains(record("shared", "acme-secret"));

    assertThat(store.deleteAll(ACME)).isEqualTo(2);
    assertThat(exportAll(ACME, 10)).isEmpty();
    assertThat(exportAll(GLOBEX, 10)).containsExactly(record("shared", "globex-2"));
  }

  @Test
  public void mutatingArraysNeverChangesStoredData() {
    byte[] bytes = "original".getBytes(UTF_8);
    DataRecord record = new DataRecord("k", bytes);
    store.importBatch(ACME, List.of(record));
    bytes[0] = 'X';
    store.export(ACME, Optional.empty(), 1).get(0).value()[0] = 'Y';
    assertThat(store.export(ACME, Optional.empty(), 1)).containsExactly(record("k", "original"));
  }

  @Test
  public void concurrentImportsAreAllKept() throws Exception {
    int threads = 4;
    int batches = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        TenantId tenant = t % 2 == 0 ? ACME : GLOBEX;
        String prefix = "t" + t + "-";
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int b = 0; b < batches; b++) {
                    store.importBatch(tenant, records(prefix + b + "-", 4));
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
    assertThat(exportAll(ACME, 1_000)).hasSize(2 * batches * 4);
    assertThat(exportAll(GLOBEX, 1_000)).hasSize(2 * batches * 4);
    assertThat(exportAll(ACME, 1_000)).allSatisfy(r -> assertThat(r.key()).matches("t[02]-.*"));
  }
}
