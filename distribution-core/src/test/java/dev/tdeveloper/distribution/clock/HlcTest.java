package dev.tdeveloper.distribution.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.distribution.DistributionException;
import dev.tdeveloper.distribution.spi.HlcStateStore;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HlcTest {
  private static final long T = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

  private final AtomicLong pt = new AtomicLong(T);

  /** Records every mark stored. */
  private static class RecordingStore implements HlcStateStore {
    final List<Long> stored = new ArrayList<>();
    long mark;
    boolean failing;

    @Override
    public synchronized long load() {
      return mark;
    }

    @Override
    public synchronized void store(long highWaterMillis) {
      if (failing) {
        throw new DistributionException("disk full");
      }
      stored.add(highWaterMillis);
      mark = Math.max(mark, highWaterMillis);
    }
  }

  private Hlc clock() {
    return Hlc.builder().physicalMillis(pt::get).build();
  }

  private Hlc durable(HlcStateStore store, long windowMillis) {
    return Hlc.builder()
        .physicalMillis(pt::get)
        .reservationWindow(Duration.ofMillis(windowMillis))
        .stateStore(store)
        .build();
  }

  private static HlcTimestamp ts(long l, int c) {
    return new HlcTimestamp(l, c);
  }

  @Test
  void sendTakesPhysicalTimeWhenItMovedOn() {
    Hlc hlc = clock();
    assertThat(hlc.now()).isEqualTo(ts(T, 0));
    pt.set(T + 5);
    assertThat(hlc.now()).isEqualTo(ts(T + 5, 0));
  }

  @Test
  void sendCountsWithinOneMillisecondAndWhenPhysicalTimeGoesBack() {
    Hlc hlc = clock();
    hlc.now();
    assertThat(hlc.now()).isEqualTo(ts(T, 1));
    assertThat(hlc.now()).isEqualTo(ts(T, 2));
    pt.set(T - 100);
    assertThat(hlc.now()).isEqualTo(ts(T, 3));
  }

  @Test
  void encodedStampsFollowTheSameRulesWithoutAnObjectPerStamp() {
    Hlc hlc = clock();
    assertThat(HlcTimestamp.decode(hlc.nowEncoded())).isEqualTo(ts(T, 0));
    assertThat(hlc.now()).isEqualTo(ts(T, 1));
    assertThat(HlcTimestamp.decode(hlc.updateEncoded(ts(T + 50, 7).encode())))
        .isEqualTo(ts(T + 50, 8));
    assertThat(hlc.current()).isEqualTo(ts(T + 50, 8));
    assertThatThrownBy(() -> hlc.updateEncoded(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1")
        .hasMessageContaining("allowed: 0 to");
    assertThatThrownBy(() -> hlc.updateEncoded(ts(T + 60_000, 0).encode()))
        .isInstanceOf(ClockSkewException.class);
    assertThat(hlc.current()).isEqualTo(ts(T + 50, 8));
  }

  @Test
  void receiveFollowsEachCaseOfThePapersRule() {
    Hlc hlc = clock();
    hlc.now(); // (T, 0)
    hlc.now(); // (T, 1)
    // l' == l == lm: max(c, cm) + 1
    assertThat(hlc.update(ts(T, 7))).isEqualTo(ts(T, 8));
    assertThat(hlc.update(ts(T, 3))).isEqualTo(ts(T, 9));
    // l' == lm > l: cm + 1
    assertThat(hlc.update(ts(T + 40, 4))).isEqualTo(ts(T + 40, 5));
    // l' == l > lm: c + 1
    assertThat(hlc.update(ts(T + 10, 99))).isEqualTo(ts(T + 40, 6));
    // pt ahead of both: (pt, 0)
    pt.set(T + 50);
    assertThat(hlc.update(ts(T + 45, 2))).isEqualTo(ts(T + 50, 0));
    // physical time equal to l and lm
    assertThat(hlc.update(ts(T + 50, 3))).isEqualTo(ts(T + 50, 4));
  }

  @Test
  void refusesARemoteStampBeyondTheMaxOffsetAndStaysUnchanged() {
    Hlc hlc = Hlc.builder().physicalMillis(pt::get).maxOffset(Duration.ofMillis(200)).build();
    HlcTimestamp before = hlc.now();

    assertThatThrownBy(() -> hlc.update(ts(T + 201, 0)))
        .isInstanceOf(ClockSkewException.class)
        .hasMessageContaining(String.valueOf(T + 201))
        .hasMessageContaining("201 ms ahead")
        .hasMessageContaining("(" + T + " ms)")
        .hasMessageContaining("maximum offset is 200 ms")
        .satisfies(
            e -> {
              ClockSkewException skew = (ClockSkewException) e;
              assertThat(skew.remote()).isEqualTo(ts(T + 201, 0));
              assertThat(skew.physicalMillis()).isEqualTo(T);
              assertThat(skew.maxOffset()).isEqualTo(Duration.ofMillis(200));
            });
    assertThat(hlc.current()).isEqualTo(before);
    assertThat(hlc.update(ts(T + 200, 65_000))).isEqualTo(ts(T + 200, 65_001));
  }

  @Test
  void aFullCounterCarriesIntoTheNextMillisecond() {
    Hlc hlc = clock();
    assertThat(hlc.update(ts(T, HlcTimestamp.MAX_LOGICAL - 1)))
        .isEqualTo(ts(T, HlcTimestamp.MAX_LOGICAL));
    assertThat(hlc.now()).isEqualTo(ts(T + 1, 0));
    assertThat(hlc.now()).isEqualTo(ts(T + 1, 1));
    assertThat(hlc.update(ts(T + 1, HlcTimestamp.MAX_LOGICAL))).isEqualTo(ts(T + 2, 0));
  }

  @Test
  void issuesMoreThan65536StampsInOneMillisecondInOrder() {
    Hlc hlc = clock();
    HlcTimestamp previous = HlcTimestamp.ZERO;
    for (int i = 0; i < 3 * 65_536; i++) {
      HlcTimestamp stamp = hlc.now();
      assertThat(stamp).isGreaterThan(previous);
      previous = stamp;
    }
    assertThat(previous).isEqualTo(ts(T + 2, HlcTimestamp.MAX_LOGICAL));
  }

  @Test
  void readsAnInjectedInstantSource() {
    ManualClock manual = new ManualClock(Instant.ofEpochMilli(T));
    Hlc hlc = Hlc.builder().physicalClock(manual).build();
    assertThat(hlc.now()).isEqualTo(ts(T, 0));
    manual.advance(Duration.ofSeconds(1));
    assertThat(hlc.now()).isEqualTo(ts(T + 1_000, 0));
  }

  @Test
  void renewsTheMarkAheadOnceAStampFallsInTheWindowsLastHalf() {
    RecordingStore store = new RecordingStore();
    Hlc hlc = durable(store, 100);
    for (int ms = 0; ms < 250; ms++) {
      pt.set(T + ms);
      hlc.now();
      hlc.now();
    }
    // the first stamp waits for T + 100; from T + 51 on, each stamp past half the window renews
    assertThat(store.stored).containsExactly(T + 100, T + 151, T + 202, T + 253, T + 304);
    assertThat(hlc.current().physicalMillis()).isLessThanOrEqualTo(store.mark);
  }

  @Test
  void reservesAheadOfARemoteStampBeforeIssuingIt() {
    RecordingStore store = new RecordingStore();
    Hlc hlc = Hlc.builder().physicalMillis(pt::get).stateStore(store).build();
    hlc.now();
    HlcTimestamp stamp = hlc.update(ts(T + 400, 0));
    assertThat(store.mark).isGreaterThanOrEqualTo(stamp.physicalMillis());
  }

  @Test
  void startsAboveTheStoredMarkEvenWhenPhysicalTimeWentBack() {
    RecordingStore store = new RecordingStore();
    store.mark = T + 1_000;
    pt.set(T - 60_000);
    Hlc hlc = Hlc.builder().physicalMillis(pt::get).stateStore(store).build();
    assertThat(hlc.now()).isEqualTo(ts(T + 1_001, 0));
    assertThat(hlc.now()).isEqualTo(ts(T + 1_001, 1));
    assertThat(store.mark).isGreaterThanOrEqualTo(T + 1_001);
  }

  @Test
  void issuesNoStampWhenTheMarkCannotBeStored() {
    RecordingStore store = new RecordingStore();
    Hlc hlc = durable(store, 10);
    HlcTimestamp last = hlc.now();
    store.failing = true;
    pt.set(T + 50);
    assertThatThrownBy(hlc::now).isInstanceOf(DistributionException.class).hasMessage("disk full");
    assertThat(hlc.current()).isEqualTo(last);
    store.failing = false;
    assertThat(hlc.now()).isEqualTo(ts(T + 50, 0));
  }

  @Test
  @Timeout(30) // a stamp that waited for the blocked renewal would hang here
  void othersKeepStampingUnderTheOldMarkWhileOneThreadRenewsIt() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RecordingStore store =
        new RecordingStore() {
          @Override
          public void store(long highWaterMillis) {
            if (highWaterMillis > T + 100) {
              entered.countDown();
              await(release);
            }
            super.store(highWaterMillis);
          }
        };
    Hlc hlc = durable(store, 100);
    hlc.now();
    pt.set(T + 60);
    Thread renewer = new Thread(hlc::now);
    renewer.start();
    entered.await();
    // the renewal of T + 160 is blocked in the store: stamps up to T + 100 do not wait for it
    pt.set(T + 100);
    assertThat(hlc.now()).isEqualTo(ts(T + 100, 0));
    assertThat(hlc.now()).isEqualTo(ts(T + 100, 1));
    release.countDown();
    renewer.join();
    assertThat(store.stored).containsExactly(T + 100, T + 160);
  }

  @Test
  void aFailedRenewalAheadKeepsTheStampAndSurfacesWhenTheMarkIsPassed() {
    RecordingStore store = new RecordingStore();
    Hlc hlc = durable(store, 100);
    hlc.now();
    store.failing = true;
    pt.set(T + 70);
    assertThat(hlc.now()).isEqualTo(ts(T + 70, 0)); // covered by T + 100; its renewal failed
    pt.set(T + 101);
    assertThatThrownBy(hlc::now).isInstanceOf(DistributionException.class).hasMessage("disk full");
    assertThat(hlc.current()).isEqualTo(ts(T + 70, 0));
    store.failing = false;
    assertThat(hlc.now()).isEqualTo(ts(T + 101, 0));
    assertThat(store.stored).containsExactly(T + 100, T + 201);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void refusesAPhysicalClockOutOfRange() {
    pt.set(-1);
    Hlc hlc = clock();
    assertThatThrownBy(hlc::now)
        .isInstanceOf(DistributionException.class)
        .hasMessageContaining("physical clock reads -1 ms");
  }

  @Test
  void validatesTheBuilder() {
    assertThatThrownBy(() -> Hlc.builder().maxOffset(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxOffset PT0S")
        .hasMessageContaining("1 ms to 1 day");
    assertThatThrownBy(() -> Hlc.builder().physicalMillis(pt::get).physicalClock(new ManualClock()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("physical time source");
    assertThatThrownBy(
            () -> Hlc.builder().maxOffset(Duration.ofMillis(1)).maxOffset(Duration.ofMillis(2)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                Hlc.builder()
                    .maxOffset(Duration.ofMillis(100))
                    .reservationWindow(Duration.ofMillis(101))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exceeds maxOffset");
    assertThatThrownBy(() -> Hlc.builder().stateStore(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("store");
    Hlc defaults = Hlc.builder().build();
    assertThat(defaults.maxOffset()).isEqualTo(Duration.ofMillis(500));
    assertThat(defaults.reservationWindow()).isEqualTo(Duration.ofMillis(250));
    assertThat(Hlc.builder().maxOffset(Duration.ofMillis(100)).build().reservationWindow())
        .isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void concurrentStampsAreUniqueAndIncreasePerThread() throws Exception {
    ManualClock manual = new ManualClock(Instant.ofEpochMilli(T));
    RecordingStore store = new RecordingStore();
    Hlc hlc =
        Hlc.builder()
            .physicalClock(manual)
            .reservationWindow(Duration.ofMillis(5))
            .stateStore(store)
            .build();
    int threads = 8;
    int perThread = 20_000;
    ConcurrentHashMap<Long, Boolean> seen = new ConcurrentHashMap<>();
    Concurrently.run(
        threads,
        thread -> {
          long previous = -1;
          for (int i = 0; i < perThread; i++) {
            if (thread == 0 && i % 100 == 0) {
              manual.advance(Duration.ofMillis(1));
            }
            HlcTimestamp stamp = i % 3 == 0 ? hlc.update(hlc.current()) : hlc.now();
            long packed = stamp.encode();
            assertThat(packed).isGreaterThan(previous);
            assertThat(seen.putIfAbsent(packed, Boolean.TRUE)).isNull();
            assertThat(stamp.physicalMillis()).isLessThanOrEqualTo(store.load());
            previous = packed;
          }
        });
    assertThat(seen).hasSize(threads * perThread);
  }
}
