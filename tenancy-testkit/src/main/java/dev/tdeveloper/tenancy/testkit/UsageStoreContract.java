package dev.tdeveloper.tenancy.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.UsageStore;
import dev.tdeveloper.tenancy.usage.UsageEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link UsageStore} passes: extend it and return a new, empty store from {@link
 * #createStore()}. Stores created by the kit are closed after each test.
 */
public abstract class UsageStoreContract {
  private final List<UsageStore> created = new ArrayList<>();

  /** Returns a new, empty, open store. */
  protected abstract UsageStore createStore();

  /** Returns a fresh store, closed automatically after the test. */
  protected final UsageStore store() {
    UsageStore store = createStore();
    created.add(store);
    return store;
  }

  @AfterEach
  void closeStores() {
    created.forEach(UsageStore::close);
  }

  /** Returns a simple event of {@code tenant} with key {@code key}. */
  protected static UsageEvent event(String tenant, String key, long value) {
    return UsageEvent.of(
        TenantId.of(tenant), "api_calls", value, Instant.parse("2026-01-01T10:00:00Z"), key);
  }

  /** Returns every event of {@code store}, in replay order. */
  protected static List<UsageEvent> replayed(UsageStore store) {
    List<UsageEvent> events = new ArrayList<>();
    store.replay(events::add);
    return events;
  }

  @Test
  void replaysNothingWhenEmpty() {
    assertThat(replayed(store())).isEmpty();
  }

  @Test
  void replaysEventsInAppendOrder() {
    UsageStore store = store();
    List<UsageEvent> appended = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      UsageEvent event = event(i % 2 == 0 ? "acme" : "globex", "key-" + i, i);
      store.append(event);
      appended.add(event);
    }
    assertThat(replayed(store)).containsExactlyElementsOf(appended);
    assertThat(replayed(store)).as("replay is repeatable").containsExactlyElementsOf(appended);
  }

  @Test
  void roundTripsEveryFieldExactly() {
    UsageStore store = store();
    Map<String, String> dimensions = new TreeMap<>();
    for (int i = 0; i < UsageEvent.MAX_DIMENSIONS; i++) {
      dimensions.put("dim_" + i, "wert-é-日本-" + "x".repeat(i * 10));
    }
    String printable = "~!\"#$%&'()*+,-./ 09:;<=>?@AZ[\\]^_`az{|}";
    UsageEvent rich =
        new UsageEvent(
            TenantId.of("a".repeat(TenantId.MAX_LENGTH)),
            "m".repeat(UsageEvent.MAX_TOKEN_LENGTH),
            Long.MAX_VALUE,
            Instant.parse("9999-12-31T23:59:59.999999999Z"),
            printable + "k".repeat(UsageEvent.MAX_IDEMPOTENCY_KEY_LENGTH - printable.length()),
            dimensions);
    UsageEvent plain = UsageEvent.of(TenantId.of("b"), "c", 0, Instant.EPOCH, "k");
    store.append(rich);
    store.append(plain);
    assertThat(replayed(store)).containsExactly(rich, plain);
  }

  @Test
  void keepsEveryConcurrentAppendInEachThreadsOrder() throws Exception {
    UsageStore store = store();
    int threads = 8;
    int perThread = 150;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String tenant = "tenant-" + t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    store.append(event(tenant, String.valueOf(i), i));
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
    List<UsageEvent> events = replayed(store);
    assertThat(events).hasSize(threads * perThread).doesNotHaveDuplicates();
    for (int t = 0; t < threads; t++) {
      String tenant = "tenant-" + t;
      assertThat(events.stream().filter(e -> e.tenant().value().equals(tenant)))
          .extracting(UsageEvent::idempotencyKey)
          .containsExactlyElementsOf(
              java.util.stream.IntStream.range(0, perThread).mapToObj(String::valueOf).toList());
    }
  }

  @Test
  void replaySeesAppendsMadeAfterAnEarlierReplay() {
    UsageStore store = store();
    store.append(event("acme", "1", 1));
    assertThat(replayed(store)).hasSize(1);
    store.append(event("acme", "2", 2));
    assertThat(replayed(store)).extracting(UsageEvent::idempotencyKey).containsExactly("1", "2");
  }

  @Test
  void rejectsNullArguments() {
    UsageStore store = store();
    assertThatThrownBy(() -> store.append(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("event");
    assertThatThrownBy(() -> store.replay(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("consumer");
    assertThat(replayed(store)).isEmpty();
  }

  @Test
  void refusesUseAfterCloseAndClosesIdempotently() {
    UsageStore store = store();
    store.append(event("acme", "1", 1));
    store.close();
    store.close();
    assertThatThrownBy(() -> store.append(event("acme", "2", 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> store.replay(e -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }
}
