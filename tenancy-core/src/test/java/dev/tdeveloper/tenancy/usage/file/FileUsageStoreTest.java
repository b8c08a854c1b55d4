package dev.tdeveloper.tenancy.usage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.spi.ProviderSelector;
import dev.tdeveloper.tenancy.spi.UsageStore;
import dev.tdeveloper.tenancy.spi.UsageStoreException;
import dev.tdeveloper.tenancy.spi.UsageStoreProvider;
import dev.tdeveloper.tenancy.testkit.UsageStoreContract;
import dev.tdeveloper.tenancy.usage.UsageEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FileUsageStoreTest extends UsageStoreContract {
  @TempDir Path temp;
  private final AtomicInteger stores = new AtomicInteger();

  @Override
  protected UsageStore createStore() {
    // small segments so the contract's concurrent test also rolls segments under load
    return FileUsageStore.builder(temp.resolve("contract-" + stores.incrementAndGet()))
        .segmentSizeBytes(4096)
        .open();
  }

  private static List<UsageEvent> append(UsageStore store, int count) {
    List<UsageEvent> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      UsageEvent event = event("acme", "key-" + i, i);
      store.append(event);
      events.add(event);
    }
    return events;
  }

  @ParameterizedTest
  @EnumSource(FsyncPolicy.class)
  void keepsEventsAcrossReopenWithEveryPolicy(FsyncPolicy policy) {
    Path dir = temp.resolve(policy.name());
    List<UsageEvent> first;
    try (FileUsageStore store = FileUsageStore.builder(dir).fsyncPolicy(policy).open()) {
      assertThat(store.fsyncPolicy()).isEqualTo(policy);
      first = append(store, 20);
    }
    try (FileUsageStore store = FileUsageStore.builder(dir).fsyncPolicy(policy).open()) {
      assertThat(replayed(store)).containsExactlyElementsOf(first);
      UsageEvent more = event("globex", "after-reopen", 7);
      store.append(more);
      assertThat(replayed(store)).hasSize(21).endsWith(more);
    }
  }

  @Test
  void rollsSegmentsAtTheSizeLimitAndReplaysAcrossThem() throws IOException {
    Path dir = temp.resolve("rolling");
    List<UsageEvent> events;
    try (FileUsageStore store =
        FileUsageStore.builder(dir).fsyncPolicy(FsyncPolicy.NEVER).segmentSizeBytes(1024).open()) {
      events = append(store, 100);
    }
    List<Path> segments = SegmentFiles.list(dir);
    int frame = EventCodec.frame(events.get(0)).length;
    assertThat(segments).hasSizeGreaterThan(5);
    for (Path segment : segments) {
      assertThat(Files.size(segment)).isLessThanOrEqualTo(1024 + frame);
    }
    try (FileUsageStore store = FileUsageStore.builder(dir).segmentSizeBytes(1024).open()) {
      assertThat(replayed(store)).containsExactlyElementsOf(events);
    }
  }

  @Test
  void rollsUnderConcurrentGroupCommitAppendsAndLosesNothingAcrossReopen() throws Exception {
    Path dir = temp.resolve("concurrent-rolls");
    List<UsageEvent> events = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      events.add(event("tenant-" + i % 8, "key-" + i, i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (FileUsageStore store = FileUsageStore.builder(dir).segmentSizeBytes(1024).open()) {
      List<Future<?>> appends = new ArrayList<>();
      for (UsageEvent event : events) {
        appends.add(pool.submit(() -> store.append(event)));
      }
      for (Future<?> append : appends) {
        append.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(SegmentFiles.list(dir)).hasSizeGreaterThan(20);
    try (FileUsageStore store = FileUsageStore.builder(dir).segmentSizeBytes(1024).open()) {
      assertThat(replayed(store)).containsExactlyInAnyOrderElementsOf(events);
    }
  }

  @Test
  void batchedGroupCommitKeepsSegmentsWithinTheLimitAndReplaysEveryAcknowledgedAppend()
      throws Exception {
    Path dir = temp.resolve("batched");
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    int frame;
    try (FileUsageStore store = FileUsageStore.builder(dir).segmentSizeBytes(2048).open()) {
      List<Future<?>> appends = new ArrayList<>();
      for (int t = 0; t < 15; t++) {
        int thread = t;
        appends.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 100; i++) {
                    UsageEvent e = event("tenant-" + thread, "t" + thread + "-" + i, i);
                    store.append(e);
                    acknowledged.add(e.idempotencyKey());
                  }
                }));
      }
      Future<?> replays =
          pool.submit(
              () -> {
                for (int round = 0; round < 20; round++) {
                  Set<String> before = Set.copyOf(acknowledged);
                  List<String> keys = new ArrayList<>();
                  store.replay(e -> keys.add(e.idempotencyKey()));
                  assertThat(keys).doesNotHaveDuplicates().containsAll(before);
                }
              });
      for (Future<?> append : appends) {
        append.get();
      }
      replays.get();
      frame = EventCodec.frame(event("tenant-10", "t10-99", 99)).length;
    } finally {
      pool.shutdownNow();
    }
    assertThat(acknowledged).hasSize(1500);
    for (Path segment : SegmentFiles.list(dir)) {
      assertThat(Files.size(segment)).as(segment.toString()).isLessThanOrEqualTo(2048 + frame);
    }
    try (FileUsageStore store = FileUsageStore.builder(dir).segmentSizeBytes(2048).open()) {
      List<String> keys = new ArrayList<>();
      store.replay(e -> keys.add(e.idempotencyKey()));
      assertThat(keys).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(acknowledged);
      for (int t = 0; t < 15; t++) {
        String prefix = "t" + t + "-";
        List<String> own = keys.stream().filter(k -> k.startsWith(prefix)).toList();
        assertThat(own)
            .as("one appender's events keep its order")
            .isSortedAccordingTo(
                java.util.Comparator.comparingInt(
                    k -> Integer.parseInt(k.substring(prefix.length()))));
      }
    }
  }

  @Test
  void refusesASecondStoreOnTheSameDirectoryUntilTheFirstCloses() {
    Path dir = temp.resolve("locked");
    FileUsageStore first = FileUsageStore.builder(dir).open();
    assertThatThrownBy(() -> FileUsageStore.builder(dir).open())
        .isInstanceOf(UsageStoreException.class)
        .hasMessageContaining("is locked");
    first.append(event("acme", "1", 1));
    first.close();
    try (FileUsageStore second = FileUsageStore.builder(dir).open()) {
      assertThat(replayed(second)).hasSize(1);
    }
  }

  @Test
  void isFoundThroughServiceLoaderAndValidatesProperties() {
    UsageStoreProvider provider =
        ProviderSelector.select(UsageStoreProvider.class, Optional.of("file"), "tenancy-core");
    Path dir = temp.resolve("provided");
    try (UsageStore store =
        provider.create(
            Map.of(
                "directory",
                dir.toString(),
                "fsync-policy",
                "every_append",
                "segment-size-bytes",
                "2048"))) {
      store.append(event("acme", "1", 1));
      assertThat(((FileUsageStore) store).fsyncPolicy()).isEqualTo(FsyncPolicy.EVERY_APPEND);
    }
    assertThatThrownBy(() -> provider.create(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'directory' is required");
    assertThatThrownBy(() -> provider.create(Map.of("directory", "x", "colour", "red")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown property 'colour'");
    assertThatThrownBy(() -> provider.create(Map.of("directory", "x", "fsync-policy", "sometimes")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'sometimes'");
  }

  @Test
  void validatesBuilderSettings() {
    FileUsageStoreBuilder builder = FileUsageStore.builder(temp.resolve("b"));
    assertThatThrownBy(() -> builder.segmentSizeBytes(1023))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("segmentSizeBytes must be from 1024")
        .hasMessageContaining("was 1023");
    builder.fsyncPolicy(FsyncPolicy.NEVER);
    assertThatThrownBy(() -> builder.fsyncPolicy(FsyncPolicy.NEVER))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> FileUsageStore.builder(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("directory");
  }
}
