package dev.tdeveloper.tenancy.usage;

import static dev.tdeveloper.tenancy.usage.MeterFixture.ACME;
import static dev.tdeveloper.tenancy.usage.MeterFixture.GRACE;
import static dev.tdeveloper.tenancy.usage.MeterFixture.HOUR;
import static dev.tdeveloper.tenancy.usage.MeterFixture.T0;
import static dev.tdeveloper.tenancy.usage.MeterFixture.calls;
import static dev.tdeveloper.tenancy.usage.MeterFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.usage.file.FileUsageStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageMeterIdempotencyTest {
  private final MeterFixture fixture = new MeterFixture();
  private final UsageMeter meter = fixture.meter();

  @Test
  void countsARepeatedKeyOnceAndStoresItOnce() {
    assertThat(meter.record(calls(ACME, 5, "req-1"))).isInstanceOf(RecordResult.Accepted.class);
    assertThat(meter.record(calls(ACME, 5, "req-1"))).isEqualTo(new RecordResult.Duplicate(T0));
    assertThat(meter.aggregate(ACME, "api_calls", T0).value()).isEqualTo(5);
    assertThat(fixture.store.size()).isEqualTo(1);
    assertThat(fixture.published(UsageMeterEvent.DuplicateIgnored.class))
        .containsExactly(new UsageMeterEvent.DuplicateIgnored(ACME, "api_calls", "req-1", T0));
  }

  @Test
  void scopesKeysToTheMeterSoOneRequestCanFeedSeveralMeters() {
    meter.record(calls(ACME, 5, "req-1"));
    assertThat(meter.record(event(ACME, "requests", 1, T0, "req-1")))
        .isInstanceOf(RecordResult.Accepted.class);
    assertThat(meter.aggregate(ACME, "requests", T0).value()).isEqualTo(1);
  }

  @Test
  void remembersKeysOfOpenWindowsAcrossARestart(@TempDir Path dir) {
    try (FileUsageStore store = FileUsageStore.builder(dir).open()) {
      UsageMeter first = fixture.meter(store);
      first.record(calls(ACME, 5, "req-1"));
      first.record(event(ACME, "active_users", 1, T0, "u").withDimension("user_id", "alice"));
    }
    try (FileUsageStore store = FileUsageStore.builder(dir).open()) {
      UsageMeter restarted = fixture.meter(store);
      assertThat(restarted.aggregate(ACME, "api_calls", T0).value()).isEqualTo(5);
      assertThat(restarted.record(calls(ACME, 5, "req-1")))
          .isEqualTo(new RecordResult.Duplicate(T0));
      restarted.record(event(ACME, "active_users", 1, T0, "v").withDimension("user_id", "alice"));
      assertThat(restarted.aggregate(ACME, "active_users", T0).value()).isEqualTo(1);
      assertThat(restarted.aggregate(ACME, "api_calls", T0).value()).isEqualTo(5);
    }
    assertThat(fixture.published(UsageMeterEvent.ReplayCompleted.class))
        .endsWith(
            new UsageMeterEvent.ReplayCompleted(0, 0, 0, 0),
            new UsageMeterEvent.ReplayCompleted(2, 0, 0, 0));
  }

  @Test
  void countsALateEventInsideGraceInItsOwnWindow() {
    fixture.clock.setTo(T0.plus(HOUR).plus(Duration.ofMinutes(5))); // 11:05, 10:00 in grace
    UsageEvent late = event(ACME, "api_calls", 7, T0.plus(Duration.ofMinutes(59)), "late");
    assertThat(meter.record(late)).isEqualTo(new RecordResult.Accepted(T0));
    assertThat(meter.aggregate(ACME, "api_calls", T0).value()).isEqualTo(7);
    assertThat(meter.aggregate(ACME, "api_calls", T0.plus(HOUR)).eventCount()).isZero();
  }

  @Test
  void refusesAnEventAfterItsGraceEndWithoutStoringIt() {
    meter.record(calls(ACME, 1, "on-time"));
    Instant graceEnd = T0.plus(HOUR).plus(GRACE);
    fixture.clock.setTo(graceEnd);
    UsageEvent tooLate = event(ACME, "api_calls", 7, T0.plusSeconds(5), "too-late");

    assertThat(meter.record(tooLate)).isEqualTo(new RecordResult.TooLate(T0.plus(HOUR), graceEnd));
    assertThat(fixture.store.size()).isEqualTo(1);
    assertThat(meter.aggregate(ACME, "api_calls", T0).value()).isEqualTo(1);
    assertThat(fixture.published(UsageMeterEvent.LateEventRefused.class))
        .containsExactly(
            new UsageMeterEvent.LateEventRefused(
                ACME, "api_calls", "too-late", T0.plusSeconds(5), graceEnd));
  }

  @Test
  void refusesALateEventForAWindowThatNeverHadEvents() {
    fixture.clock.advance(Duration.ofDays(2));
    assertThat(meter.record(calls(ACME, 1, "k"))).isInstanceOf(RecordResult.TooLate.class);
    assertThat(fixture.store.size()).isZero();
    assertThat(meter.windows(ACME, "api_calls", Instant.EPOCH, Instant.MAX)).isEmpty();
  }

  @Test
  void forgetsKeysOnceTheWindowClosesSoMemoryStaysBounded() {
    for (int i = 0; i < 100; i++) {
      meter.record(calls(ACME, 1, "k" + i));
    }
    assertThat(meter.rememberedKeys()).isEqualTo(100);
    fixture.clock.setTo(T0.plus(HOUR).plus(GRACE));
    meter.closeExpiredWindows();
    assertThat(meter.rememberedKeys()).isZero();
    assertThat(meter.record(calls(ACME, 1, "k0"))).isInstanceOf(RecordResult.TooLate.class);
    assertThat(meter.aggregate(ACME, "api_calls", T0).value()).isEqualTo(100);
  }

  @Test
  void restartForgetsKeysOfWindowsClosedMeanwhileButKeepsTheirTotals() {
    meter.record(calls(ACME, 4, "k"));
    fixture.clock.advance(Duration.ofDays(1));
    UsageMeter restarted = fixture.meter();
    assertThat(restarted.rememberedKeys()).isZero();
    assertThat(restarted.aggregate(ACME, "api_calls", T0))
        .isEqualTo(new WindowAggregate(ACME, "api_calls", T0, T0.plus(HOUR), 4, 1, true));
    assertThat(fixture.published(UsageMeterEvent.WindowClosed.class))
        .as("windows closed before the restart are not announced again")
        .isEmpty();
  }

  @Test
  void skipsStoredEventsOfMetersNoLongerDefined() {
    meter.record(calls(ACME, 4, "k"));
    meter.record(event(ACME, "requests", 1, T0, "k"));
    UsageMeter fewer =
        UsageMeter.builder()
            .meter(MeterDefinition.of("requests", Aggregation.COUNT, HOUR, GRACE))
            .store(fixture.store)
            .clock(fixture.clock)
            .listener(fixture.published::add)
            .build();
    assertThat(fewer.aggregate(ACME, "requests", T0).value()).isEqualTo(1);
    assertThat(fixture.published(UsageMeterEvent.ReplayCompleted.class))
        .endsWith(new UsageMeterEvent.ReplayCompleted(1, 0, 1, 0));
  }

  @Test
  void dropsClosedWindowsOlderThanTheRetentionFromMemoryButNotFromTheStore() {
    UsageMeter shortMemory =
        UsageMeter.builder()
            .meters(MeterFixture.METERS)
            .store(fixture.store)
            .clock(fixture.clock)
            .retention(Duration.ofDays(1))
            .listener(fixture.published::add)
            .build();
    shortMemory.record(calls(ACME, 4, "k"));
    fixture.clock.setTo(T0.plus(HOUR).plus(GRACE).plus(Duration.ofDays(1)));
    assertThat(shortMemory.aggregate(ACME, "api_calls", T0).value())
        .as("still retained")
        .isEqualTo(4);

    fixture.clock.advance(Duration.ofSeconds(1));
    shortMemory.closeExpiredWindows();
    assertThat(shortMemory.closedWindows(Instant.EPOCH, Instant.MAX)).isEmpty();
    assertThat(shortMemory.windows(ACME, "api_calls", Instant.EPOCH, Instant.MAX)).isEmpty();
    assertThatThrownBy(() -> shortMemory.aggregate(ACME, "api_calls", T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("closed more than the retention (PT24H) ago");
    assertThat(fixture.store.size()).isEqualTo(1);

    UsageMeter.builder()
        .meters(MeterFixture.METERS)
        .store(fixture.store)
        .clock(fixture.clock)
        .retention(Duration.ofDays(1))
        .listener(fixture.published::add)
        .build();
    assertThat(fixture.published(UsageMeterEvent.ReplayCompleted.class))
        .endsWith(new UsageMeterEvent.ReplayCompleted(0, 0, 0, 1));
  }
}
