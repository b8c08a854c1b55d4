package dev.tdeveloper.tenancy.usage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.usage.Aggregation;
import dev.tdeveloper.tenancy.usage.MeterDefinition;
import dev.tdeveloper.tenancy.usage.UsageEvent;
import dev.tdeveloper.tenancy.usage.UsageMeter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileUsageStoreCompactionTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final List<TenantId> TENANTS = List.of(TenantId.of("acme"), TenantId.of("globex"));

  @TempDir Path dir;

  private FileUsageStore open() {
    return FileUsageStore.builder(dir).segmentSizeBytes(1024).open();
  }

  static UsageEvent event(int minute, String key) {
    return UsageEvent.of(TENANTS.get(0), "api_calls", 1, T0.plusSeconds(60L * minute), key);
  }

  static List<UsageEvent> replayed(FileUsageStore store) {
    List<UsageEvent> events = new ArrayList<>();
    store.replay(events::add);
    return events;
  }

  private long segments() throws IOException {
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("segment-")).count();
    }
  }

  @Test
  void dropsOnlyTheOldestWholeSegmentsOlderThanTheHorizon() throws IOException {
    List<UsageEvent> all = new ArrayList<>();
    try (FileUsageStore store = open()) {
      for (int i = 0; i < 100; i++) {
        all.add(event(i, "k" + i));
        store.append(all.get(i));
      }
      long before = segments();
      Instant horizon = T0.plusSeconds(60L * 50);

      int dropped = store.compact(horizon);

      List<UsageEvent> kept = replayed(store);
      assertThat(dropped).isPositive().isEqualTo(before - segments());
      assertThat(all).endsWith(kept.toArray(UsageEvent[]::new));
      assertThat(kept).as("every event at or after the horizon").containsAll(all.subList(50, 100));
      assertThat(all.get(all.size() - kept.size() - 1).timestamp()).isBefore(horizon);
      assertThat(store.compact(horizon)).as("nothing more to drop").isZero();

      assertThat(store.compact(Instant.MAX)).isPositive();
      assertThat(segments()).as("the segment appended to stays").isEqualTo(1);
    }
    try (FileUsageStore reopened = open()) {
      List<UsageEvent> kept = replayed(reopened);
      assertThat(all).endsWith(kept.toArray(UsageEvent[]::new));
      UsageEvent more = event(200, "more");
      reopened.append(more);
      assertThat(replayed(reopened)).endsWith(more).hasSize(kept.size() + 1);
    }
  }

  @Test
  void stopsAtTheFirstSegmentHoldingANewerEvent() throws IOException {
    try (FileUsageStore store = open()) {
      store.append(event(10_000, "from-the-future"));
      for (int i = 0; i < 100; i++) {
        store.append(event(i, "k" + i));
      }
      long before = segments();

      assertThat(store.compact(T0.plusSeconds(60L * 50))).isZero();
      assertThat(segments()).isEqualTo(before);
      assertThat(replayed(store)).hasSize(101);
    }
  }

  @Test
  void aSegmentMissingAfterTheCompactedOnesIsCorruption() throws IOException {
    try (FileUsageStore store = open()) {
      for (int i = 0; i < 100; i++) {
        store.append(event(i, "k" + i));
      }
      store.compact(T0.plusSeconds(60L * 50));
    }
    Path first;
    try (var files = Files.list(dir)) {
      first =
          files
              .filter(f -> f.getFileName().toString().startsWith("segment-"))
              .sorted()
              .findFirst()
              .orElseThrow();
    }
    Files.delete(first);

    assertThatThrownBy(this::open)
        .isInstanceOf(CorruptUsageStoreException.class)
        .hasMessageContaining(first.getFileName().toString())
        .hasMessageContaining("missing");
  }

  @Test
  void aMeterRebuiltFromACompactedStoreAnswersAsBefore() throws IOException {
    ManualClock clock = new ManualClock(T0);
    MeterDefinition calls =
        MeterDefinition.of(
            "api_calls", Aggregation.SUM, Duration.ofHours(1), Duration.ofMinutes(10));
    List<UsageEvent> recorded = new ArrayList<>();
    try (FileUsageStore store = open()) {
      UsageMeter meter = meter(store, clock, calls);
      for (int hour = 0; hour < 72; hour++) {
        clock.advance(Duration.ofHours(1));
        for (TenantId tenant : TENANTS) {
          for (int n = 0; n < 3; n++) {
            UsageEvent event =
                UsageEvent.of(
                    tenant,
                    "api_calls",
                    n + 1,
                    clock.instant().minusSeconds(60),
                    "h" + hour + "-" + n);
            meter.record(event);
            recorded.add(event);
          }
        }
      }
    }
    List<Object> before;
    long segmentsBefore = segments();
    try (FileUsageStore store = open()) {
      UsageMeter meter = meter(store, clock, calls);
      before = answers(meter, recorded);
      assertThat(store.compact(meter.storeHorizon())).isPositive();
    }
    assertThat(segments()).isLessThan(segmentsBefore / 2);
    try (FileUsageStore store = open()) {
      assertThat(replayed(store).size()).isLessThan(recorded.size() / 2);
      assertThat(answers(meter(store, clock, calls), recorded)).isEqualTo(before);
    }
  }

  private static UsageMeter meter(FileUsageStore store, ManualClock clock, MeterDefinition def) {
    return UsageMeter.builder()
        .meter(def)
        .store(store)
        .clock(clock)
        .retention(Duration.ofHours(12))
        .build();
  }

  /**
   * The meter's windows, closed windows, and its verdict on a retry of the first and last events.
   */
  private static List<Object> answers(UsageMeter meter, List<UsageEvent> recorded) {
    List<Object> answers = new ArrayList<>(meter.closedWindows(Instant.EPOCH, Instant.MAX));
    for (TenantId tenant : TENANTS) {
      answers.addAll(meter.windows(tenant, "api_calls", Instant.EPOCH, Instant.MAX));
    }
    answers.add(meter.record(recorded.get(0)));
    answers.add(meter.record(recorded.get(recorded.size() - 1)));
    return answers;
  }
}
