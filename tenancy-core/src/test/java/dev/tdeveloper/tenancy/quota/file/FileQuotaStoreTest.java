package dev.tdeveloper.tenancy.quota.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.QuotaAddResult;
import dev.tdeveloper.tenancy.spi.QuotaKey;
import dev.tdeveloper.tenancy.spi.QuotaStoreException;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileQuotaStoreTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  @TempDir Path temp;
  private final ManualClock clock = new ManualClock();
  private final Instant start = clock.instant();
  private final Instant hourEnd = start.plus(Duration.ofHours(1));
  private final Instant monthEnd = start.plus(Duration.ofDays(31));

  private Path dir() {
    return temp.resolve("quotas");
  }

  private FileQuotaStore open() {
    return FileQuotaStore.builder(dir()).clock(clock).open();
  }

  private QuotaKey key(TenantId tenant, String resource) {
    return new QuotaKey(tenant, resource, start);
  }

  private List<String> files() throws IOException {
    try (Stream<Path> files = Files.list(dir())) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void reopeningKeepsEveryCounterAndItsLimitDecisions() {
    try (FileQuotaStore store = open()) {
      store.tryAdd(key(ACME, "notes"), 82, 100, monthEnd);
      store.tryAdd(key(GLOBEX, "notes"), 5, 100, monthEnd);
      store.subtract(key(GLOBEX, "notes"), 2);
    }
    try (FileQuotaStore store = open()) {
      assertThat(store.used(key(ACME, "notes"))).isEqualTo(82);
      assertThat(store.used(key(GLOBEX, "notes"))).isEqualTo(3);
      assertThat(store.tryAdd(key(ACME, "notes"), 19, 100, monthEnd))
          .isEqualTo(new QuotaAddResult.Rejected(82));
      assertThat(store.tryAdd(key(ACME, "notes"), 18, 100, monthEnd))
          .isEqualTo(new QuotaAddResult.Added(100));
    }
    try (FileQuotaStore store = open()) {
      assertThat(store.used(key(ACME, "notes"))).isEqualTo(100);
    }
  }

  @Test
  void expiryIsKeptAcrossReopen() {
    try (FileQuotaStore store = open()) {
      store.tryAdd(key(ACME, "calls"), 7, 10, hourEnd);
      // A later add to the same counter keeps the expiry the counter was created with.
      store.tryAdd(key(ACME, "calls"), 1, 10, monthEnd);
    }
    clock.setTo(hourEnd.minusNanos(1));
    try (FileQuotaStore store = open()) {
      assertThat(store.used(key(ACME, "calls"))).isEqualTo(8);
    }
    clock.setTo(hourEnd);
    try (FileQuotaStore store = open()) {
      assertThat(store.used(key(ACME, "calls"))).isZero();
      assertThat(store.tryAdd(key(ACME, "calls"), 10, 10, monthEnd))
          .isEqualTo(new QuotaAddResult.Added(10));
    }
  }

  @Test
  void compactionKeepsExactlyTheLiveCounters() throws IOException {
    try (FileQuotaStore store = open()) {
      store.tryAdd(key(ACME, "live"), 4, 10, monthEnd);
      store.tryAdd(key(ACME, "expired"), 4, 10, hourEnd);
      store.tryAdd(key(ACME, "released"), 4, 10, monthEnd);
      store.subtract(key(ACME, "released"), 4);
      store.tryAdd(key(GLOBEX, "live"), 9, 10, monthEnd);
      clock.setTo(hourEnd);
      store.compact();
      assertThat(files())
          .containsExactly(
              "counters-00000000000000000002.log",
              "quota.lock",
              "snapshot-00000000000000000002.snap");
      assertThat(store.used(key(ACME, "live"))).isEqualTo(4);
      assertThat(store.used(key(GLOBEX, "live"))).isEqualTo(9);
      assertThat(store.tryAdd(key(ACME, "live"), 1, 10, monthEnd))
          .isEqualTo(new QuotaAddResult.Added(5));
    }
    Map<QuotaKey, Counter> stored = new HashMap<>();
    QuotaFiles.recover(dir(), stored);
    assertThat(stored)
        .containsOnly(
            Map.entry(key(ACME, "live"), new Counter(5, monthEnd)),
            Map.entry(key(GLOBEX, "live"), new Counter(9, monthEnd)));
  }

  @Test
  void compactsByItselfOnceTheLogReachesTheThreshold() throws IOException {
    try (FileQuotaStore store =
        FileQuotaStore.builder(dir())
            .clock(clock)
            .compactionThresholdBytes(FileQuotaStore.MIN_COMPACTION_THRESHOLD_BYTES)
            .open()) {
      for (int i = 0; i < 500; i++) {
        store.tryAdd(key(i % 2 == 0 ? ACME : GLOBEX, "calls-" + (i % 5)), 1, 1_000, monthEnd);
      }
      assertThat(files()).doesNotContain("counters-00000000000000000001.log");
    }
    Path log = dir().resolve(files().get(0)); // closed: cut to its records (no preallocated zeros)
    assertThat(Files.size(log)).isLessThan(FileQuotaStore.MIN_COMPACTION_THRESHOLD_BYTES);
    try (FileQuotaStore store = open()) {
      for (int r = 0; r < 5; r++) {
        assertThat(store.used(key(ACME, "calls-" + r)) + store.used(key(GLOBEX, "calls-" + r)))
            .isEqualTo(100);
      }
      assertThat(store.used(key(ACME, "calls-0"))).isEqualTo(50);
    }
  }

  @Test
  void badInputChangesNothingOnDisk() throws IOException {
    try (FileQuotaStore store = open()) {
      store.tryAdd(key(ACME, "calls"), 3, 10, monthEnd);
      List<String> before = files();
      long size = Files.size(dir().resolve("counters-00000000000000000001.log"));
      assertThatThrownBy(() -> store.tryAdd(key(ACME, "calls"), 0, 10, monthEnd))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("amount must be at least 1, was 0");
      assertThatThrownBy(() -> store.tryAdd(key(ACME, "calls"), 1, -5, monthEnd))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("limit must be at least 1, was -5");
      assertThatThrownBy(() -> store.subtract(key(ACME, "calls"), -1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("amount must be at least 1, was -1");
      assertThatThrownBy(() -> store.used(null)).isInstanceOf(NullPointerException.class);
      // Nothing to record: a rejection, an add for an ended window, a subtract of an absent
      // counter.
      store.tryAdd(key(ACME, "calls"), 8, 10, monthEnd);
      store.tryAdd(key(ACME, "ended"), 1, 10, start);
      store.subtract(key(GLOBEX, "calls"), 1);
      assertThat(files()).isEqualTo(before);
      assertThat(Files.size(dir().resolve("counters-00000000000000000001.log"))).isEqualTo(size);
      assertThat(store.used(key(ACME, "calls"))).isEqualTo(3);
    }
  }

  @Test
  void builderNamesTheBadSetting() {
    assertThatThrownBy(() -> FileQuotaStore.builder(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("directory");
    assertThatThrownBy(() -> FileQuotaStore.builder(dir()).clock(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("clock");
    assertThatThrownBy(() -> FileQuotaStore.builder(dir()).fsyncPolicy(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("policy");
    assertThatThrownBy(() -> FileQuotaStore.builder(dir()).compactionThresholdBytes(100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("compactionThresholdBytes must be from 4096 to 1073741824, was 100");
    assertThatThrownBy(() -> FileQuotaStore.builder(dir()).clock(clock).clock(clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("clock was already set");
    assertThat(dir()).doesNotExist();
  }

  @Test
  void aSecondStoreOnALockedDirectoryFailsUntilTheFirstCloses() {
    FileQuotaStore first = open();
    first.tryAdd(key(ACME, "calls"), 1, 10, monthEnd);
    assertThatThrownBy(this::open)
        .isInstanceOf(QuotaStoreException.class)
        .hasMessageContaining(dir().toString())
        .hasMessageContaining("is locked");
    first.close();
    try (FileQuotaStore second = open()) {
      assertThat(second.used(key(ACME, "calls"))).isEqualTo(1);
    }
  }

  @Test
  void aClosedStoreRefusesUse() {
    FileQuotaStore store = open();
    store.close();
    store.close();
    assertThatThrownBy(() -> store.used(key(ACME, "calls")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> store.tryAdd(key(ACME, "calls"), 1, 10, monthEnd))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(store::compact).isInstanceOf(IllegalStateException.class);
  }
}
