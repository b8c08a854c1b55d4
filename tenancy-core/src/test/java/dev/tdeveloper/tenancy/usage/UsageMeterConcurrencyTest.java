package dev.tdeveloper.tenancy.usage;

import static dev.tdeveloper.tenancy.usage.MeterFixture.T0;
import static dev.tdeveloper.tenancy.usage.MeterFixture.calls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.UsageStore;
import dev.tdeveloper.tenancy.spi.UsageStoreException;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import dev.tdeveloper.tenancy.usage.file.FileUsageStore;
import dev.tdeveloper.tenancy.usage.file.FsyncPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class UsageMeterConcurrencyTest {
  private static final int THREADS = 8;
  private static final int KEYS_PER_TENANT = 300;
  private static final List<TenantId> TENANTS =
      List.of(TenantId.of("acme"), TenantId.of("globex"), TenantId.of("initech"));

  private static void recordsExactlyUnderContention(MeterFixture fixture, UsageStore store)
      throws Exception {
    UsageMeter meter = fixture.meter(store);
    ConcurrentHashMap<String, Boolean> accepted = new ConcurrentHashMap<>();
    // every thread records every key of every tenant: each key is raced by all threads
    Concurrently.run(
        THREADS,
        thread -> {
          for (int k = 0; k < KEYS_PER_TENANT; k++) {
            int key = (k + thread * 37) % KEYS_PER_TENANT;
            for (TenantId tenant : TENANTS) {
              RecordResult result = meter.record(calls(tenant, key, "k" + key));
              if (result instanceof RecordResult.Accepted) {
                assertThat(accepted.put(tenant + "/" + key, true)).isNull();
              }
            }
          }
        });
    long expectedSum = (long) KEYS_PER_TENANT * (KEYS_PER_TENANT - 1) / 2;
    for (TenantId tenant : TENANTS) {
      WindowAggregate aggregate = meter.aggregate(tenant, "api_calls", T0);
      assertThat(aggregate.value()).isEqualTo(expectedSum);
      assertThat(aggregate.eventCount()).isEqualTo(KEYS_PER_TENANT);
    }
    List<UsageEvent> stored = new ArrayList<>();
    store.replay(stored::add);
    assertThat(stored).hasSize(TENANTS.size() * KEYS_PER_TENANT).doesNotHaveDuplicates();
    assertThat(accepted).hasSize(TENANTS.size() * KEYS_PER_TENANT);
  }

  @Test
  void givesExactAggregatesWhenManyThreadsRecordTheSameKeys() throws Exception {
    recordsExactlyUnderContention(new MeterFixture(), new InMemoryUsageStore());
  }

  @Test
  void givesExactAggregatesOnAGroupCommittingFileStore(@TempDir Path dir) throws Exception {
    try (FileUsageStore store =
        FileUsageStore.builder(dir).fsyncPolicy(FsyncPolicy.GROUP_COMMIT).open()) {
      recordsExactlyUnderContention(new MeterFixture(), store);
    }
  }

  @Test
  void countsEveryAcceptedEventOnceWhileWindowsCloseConcurrently() throws Exception {
    MeterFixture fixture = new MeterFixture();
    UsageMeter meter = fixture.meter();
    AtomicLong acceptedSum = new AtomicLong();
    AtomicBoolean done = new AtomicBoolean();
    Concurrently.run(
        THREADS,
        thread -> {
          if (thread == 0) { // the clock thread: sweeps time across many window grace ends
            for (int i = 0; i < 400; i++) {
              fixture.clock.advance(Duration.ofSeconds(30));
              meter.closeExpiredWindows();
            }
            done.set(true);
            return;
          }
          for (int i = 0; !done.get() || i < 50; i++) {
            Instant now = fixture.clock.instant();
            UsageEvent event =
                MeterFixture.event(
                    TenantId.of("acme"),
                    "api_calls",
                    1 + i % 5,
                    now.minusSeconds(i % 900),
                    "t" + thread + "-" + i);
            if (meter.record(event) instanceof RecordResult.Accepted) {
              acceptedSum.addAndGet(event.value());
            }
          }
        });
    fixture.clock.advance(Duration.ofDays(1));
    long aggregated =
        meter.closedWindows(Instant.EPOCH, Instant.MAX).stream()
            .mapToLong(WindowAggregate::value)
            .sum();
    assertThat(aggregated).isEqualTo(acceptedSum.get());
    long stored = sumStored(fixture.store);
    assertThat(stored).isEqualTo(acceptedSum.get());
    assertThat(meter.rememberedKeys()).isZero();
  }

  private static long sumStored(UsageStore store) {
    AtomicLong sum = new AtomicLong();
    store.replay(e -> sum.addAndGet(e.value()));
    return sum.get();
  }

  /** Blocks the first append until released, failing it or not as told. */
  static final class GatedStore implements UsageStore {
    final InMemoryUsageStore delegate = new InMemoryUsageStore();
    final CountDownLatch entered = new CountDownLatch(1);
    final CompletableFuture<Boolean> release = new CompletableFuture<>();
    private final AtomicBoolean first = new AtomicBoolean(true);

    @Override
    public void append(UsageEvent event) {
      if (first.getAndSet(false)) {
        entered.countDown();
        if (!release.join()) {
          throw new UsageStoreException("gated failure");
        }
      }
      delegate.append(event);
    }

    @Override
    public void replay(Consumer<? super UsageEvent> consumer) {
      delegate.replay(consumer);
    }

    @Override
    public void close() {}
  }

  private static Thread awaitParked(Thread thread) {
    while (thread.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
    return thread;
  }

  @Test
  @Timeout(10)
  void aDuplicateWaitsForTheInFlightOriginalAndIsThenIgnored() throws Exception {
    GatedStore store = new GatedStore();
    UsageMeter meter = new MeterFixture().meter(store);
    CompletableFuture<RecordResult> original =
        CompletableFuture.supplyAsync(() -> meter.record(calls(TenantId.of("acme"), 5, "k")));
    store.entered.await();
    CompletableFuture<RecordResult> duplicate = new CompletableFuture<>();
    Thread second =
        new Thread(() -> duplicate.complete(meter.record(calls(TenantId.of("acme"), 5, "k"))));
    second.start();
    awaitParked(second);
    store.release.complete(true);
    assertThat(original.get()).isInstanceOf(RecordResult.Accepted.class);
    assertThat(duplicate.get()).isInstanceOf(RecordResult.Duplicate.class);
    assertThat(store.delegate.size()).isEqualTo(1);
  }

  @Test
  @Timeout(10)
  void aDuplicateTakesOverWhenTheInFlightOriginalFails() throws Exception {
    GatedStore store = new GatedStore();
    UsageMeter meter = new MeterFixture().meter(store);
    CompletableFuture<RecordResult> original =
        CompletableFuture.supplyAsync(() -> meter.record(calls(TenantId.of("acme"), 5, "k")));
    store.entered.await();
    CompletableFuture<RecordResult> retry = new CompletableFuture<>();
    Thread second =
        new Thread(() -> retry.complete(meter.record(calls(TenantId.of("acme"), 5, "k"))));
    second.start();
    awaitParked(second);
    store.release.complete(false);
    assertThat(original).failsWithin(Duration.ofSeconds(5));
    assertThat(retry.get()).isInstanceOf(RecordResult.Accepted.class);
    assertThat(meter.aggregate(TenantId.of("acme"), "api_calls", T0).value()).isEqualTo(5);
  }
}
