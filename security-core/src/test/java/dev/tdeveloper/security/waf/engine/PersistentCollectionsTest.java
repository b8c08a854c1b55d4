package dev.tdeveloper.security.waf.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PersistentCollectionsTest {
  private final ManualClock clock = new ManualClock();
  private final PersistentCollections store =
      new PersistentCollections(clock, Duration.ofSeconds(600), 10, 5);

  @Test
  void valuesPersistAcrossTransactionsOfATenant() {
    store.open("a", "IP", "203.0.113.7").set("Counter", "1");
    assertThat(store.open("a", "ip", "203.0.113.7").get("COUNTER")).contains("1");
    assertThat(store.open("a", "IP", "203.0.113.7").keys()).containsExactly("counter");
  }

  @Test
  void neverLeaksAcrossTenants() {
    store.open("a", "IP", "203.0.113.7").set("blocked", "1");
    MutableCollection other = store.open("b", "IP", "203.0.113.7");
    assertThat(other.get("blocked")).isEmpty();
    assertThat(other.keys()).isEmpty();
    other.set("blocked", "0");
    assertThat(store.open("a", "IP", "203.0.113.7").get("blocked")).contains("1");
  }

  @Test
  void oneTenantFillingItsStoreNeverEvictsAnother() {
    store.open("victim", "IP", "198.51.100.1").set("score", "5");
    for (int i = 0; i < 1_000; i++) {
      store.open("attacker", "IP", "10.0.0." + i).set("x", "1");
    }
    assertThat(store.records("attacker")).isLessThanOrEqualTo(10);
    assertThat(store.open("victim", "IP", "198.51.100.1").get("score")).contains("5");
    assertThat(store.records("victim")).isEqualTo(1);
  }

  @Test
  void collectionsAndKeysAreSeparateRecords() {
    store.open("a", "IP", "k").set("v", "ip");
    store.open("a", "GLOBAL", "k").set("v", "global");
    store.open("a", "IP", "K").set("v", "upper key");
    assertThat(store.open("a", "IP", "k").get("v")).contains("ip");
    assertThat(store.open("a", "GLOBAL", "k").get("v")).contains("global");
    assertThat(store.open("a", "IP", "K").get("v")).contains("upper key");
  }

  @Test
  void expirevarRemovesAValueAfterItsTimeToLive() {
    MutableCollection ip = store.open("a", "IP", "1.2.3.4");
    ip.set("blocked", "1");
    ip.expire("blocked", Duration.ofSeconds(60));
    clock.advance(Duration.ofSeconds(59));
    assertThat(ip.get("blocked")).contains("1");
    clock.advance(Duration.ofSeconds(1));
    assertThat(ip.get("blocked")).isEmpty();
    assertThat(ip.keys()).isEmpty();
  }

  @Test
  void updatingAValueKeepsItsExpiry() {
    MutableCollection ip = store.open("a", "IP", "1.2.3.4");
    ip.set("counter", "1");
    ip.expire("counter", Duration.ofSeconds(60));
    clock.advance(Duration.ofSeconds(30));
    ip.set("counter", "2");
    clock.advance(Duration.ofSeconds(30));
    assertThat(ip.get("counter")).isEmpty();
    ip.set("counter", "1");
    clock.advance(Duration.ofSeconds(300));
    assertThat(ip.get("counter")).contains("1");
  }

  @Test
  void recordExpiresAfterTheCollectionTimeoutWithoutWrites() {
    store.open("a", "IP", "1.2.3.4").set("a", "1");
    clock.advance(Duration.ofSeconds(599));
    store.open("a", "IP", "1.2.3.4").set("b", "2");
    clock.advance(Duration.ofSeconds(599));
    assertThat(store.open("a", "IP", "1.2.3.4").get("a")).contains("1");
    clock.advance(Duration.ofSeconds(1));
    assertThat(store.open("a", "IP", "1.2.3.4").get("a")).isEmpty();
    assertThat(store.records("a")).isZero();
  }

  @Test
  void readsDoNotRestartTheCollectionTimeout() {
    store.open("a", "IP", "1.2.3.4").set("a", "1");
    for (int i = 0; i < 599; i++) {
      clock.advance(Duration.ofSeconds(1));
      MutableCollection ip = store.open("a", "IP", "1.2.3.4");
      assertThat(ip.get("a")).contains("1");
      assertThat(ip.keys()).containsExactly("a");
    }
    clock.advance(Duration.ofSeconds(1));
    assertThat(store.open("a", "IP", "1.2.3.4").get("a")).isEmpty();
    assertThat(store.open("a", "IP", "1.2.3.4").keys()).isEmpty();
  }

  @Test
  void aWriteAfterTheTimeoutStartsAnEmptyRecord() {
    store.open("a", "IP", "1.2.3.4").set("old", "1");
    clock.advance(Duration.ofSeconds(600));
    MutableCollection ip = store.open("a", "IP", "1.2.3.4");
    ip.set("new", "2");
    assertThat(ip.keys()).containsExactly("new");
    assertThat(ip.get("old")).isEmpty();
  }

  @Test
  void twoThreadsWritingOneRecordAfterItsTimeoutLoseNoWriteAndNeverSeeTheOldKeys()
      throws Exception {
    PersistentCollections big = new PersistentCollections(clock, Duration.ofSeconds(600), 10, 5000);
    big.open("a", "IP", "one").set("stale", "1");
    clock.advance(Duration.ofSeconds(600));
    assertThat(writeFromTwoThreads(big, "stale")).isEmpty();
    assertThat(big.open("a", "IP", "one").keys()).hasSize(2 * 500).doesNotContain("stale");
  }

  @Test
  void twoThreadsWritingOneRecordLoseNoWriteAndNeverSeeAnExpiredKey() throws Exception {
    PersistentCollections big = new PersistentCollections(clock, Duration.ofSeconds(600), 10, 5000);
    MutableCollection ip = big.open("a", "IP", "one");
    ip.set("flag", "1");
    ip.expire("flag", Duration.ofSeconds(60));
    clock.advance(Duration.ofSeconds(60));
    assertThat(writeFromTwoThreads(big, "flag")).isEmpty();
    assertThat(big.open("a", "IP", "one").keys()).hasSize(2 * 500).doesNotContain("flag");
    assertThat(big.open("a", "IP", "one").get("flag")).isEmpty();
  }

  /**
   * Two threads each write 500 keys of their own into record IP:one of tenant a, reading back each
   * write and the expired key; the failures seen, none when every read was right.
   */
  private static List<String> writeFromTwoThreads(PersistentCollections s, String expired)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<java.util.concurrent.Future<List<String>>> done = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int id = t;
      done.add(
          pool.submit(
              () -> {
                List<String> failures = new ArrayList<>();
                start.await();
                for (int i = 0; i < 500; i++) {
                  MutableCollection ip = s.open("a", "IP", "one");
                  ip.set("t" + id + "_" + i, Integer.toString(i));
                  if (!ip.get("t" + id + "_" + i).equals(java.util.Optional.of("" + i))) {
                    failures.add("lost t" + id + "_" + i);
                  }
                  if (ip.get(expired).isPresent()) {
                    failures.add("resurrected " + expired + " at t" + id + "_" + i);
                  }
                }
                return failures;
              }));
    }
    start.countDown();
    List<String> failures = new ArrayList<>();
    for (var f : done) {
      failures.addAll(f.get(30, TimeUnit.SECONDS));
    }
    pool.shutdown();
    return failures;
  }

  @Test
  void readsDoNotCreateRecords() {
    assertThat(store.open("a", "IP", "1.2.3.4").get("x")).isEmpty();
    assertThat(store.records("a")).isZero();
  }

  @Test
  void aRecordKeepsAtMostItsKeyBound() {
    MutableCollection ip = store.open("a", "IP", "1.2.3.4");
    for (int i = 0; i < 20; i++) {
      ip.set("k" + i, "v");
    }
    assertThat(ip.keys()).hasSize(5);
    ip.set("k0", "updated");
    assertThat(ip.get("k0")).contains("updated");
  }

  @Test
  void removeDeletesAValue() {
    MutableCollection ip = store.open("a", "IP", "1.2.3.4");
    ip.set("x", "1");
    ip.remove("X");
    assertThat(ip.get("x")).isEmpty();
  }

  @Test
  void rejectsBadBounds() {
    assertThatThrownBy(() -> new PersistentCollections(clock, Duration.ZERO, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> new PersistentCollections(clock, Duration.ofSeconds(1), 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRecordsPerTenant");
    assertThatThrownBy(() -> new PersistentCollections(clock, Duration.ofSeconds(1), 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxKeysPerRecord");
  }

  @Test
  void concurrentWritersOfDistinctKeysAllLand() throws Exception {
    PersistentCollections big = PersistentCollections.inMemory(clock);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<java.util.concurrent.Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < 100; i++) {
                  big.open("a", "GLOBAL", "g").set("t" + id + "_" + i, "1");
                }
                return null;
              }));
    }
    start.countDown();
    for (var f : done) {
      f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(big.open("a", "GLOBAL", "g").keys()).hasSize(threads * 100);
  }

  @Property(tries = 50)
  void writesOfOneTenantAreInvisibleToAnother(
      @ForAll @AlphaChars @StringLength(min = 1, max = 8) String key,
      @ForAll @AlphaChars @StringLength(min = 1, max = 8) String record,
      @ForAll @IntRange(min = 1, max = 50) int writes) {
    PersistentCollections s = PersistentCollections.inMemory(new ManualClock());
    for (int i = 0; i < writes; i++) {
      s.open("t1", "IP", record + i).set(key, "v" + i);
    }
    for (int i = 0; i < writes; i++) {
      assertThat(s.open("t2", "IP", record + i).get(key)).isEmpty();
      assertThat(s.open("t1", "IP", record + i).get(key)).contains("v" + i);
    }
    assertThat(s.records("t2")).isZero();
  }
}
