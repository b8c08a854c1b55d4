package dev.tdeveloper.tenancy.usage;

import static dev.tdeveloper.tenancy.usage.MeterFixture.ACME;
import static dev.tdeveloper.tenancy.usage.MeterFixture.HOUR;
import static dev.tdeveloper.tenancy.usage.MeterFixture.METERS;
import static dev.tdeveloper.tenancy.usage.MeterFixture.T0;
import static dev.tdeveloper.tenancy.usage.MeterFixture.calls;
import static dev.tdeveloper.tenancy.usage.MeterFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.spi.UsageStore;
import dev.tdeveloper.tenancy.spi.UsageStoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class UsageMeterBadInputTest {
  private final MeterFixture fixture = new MeterFixture();
  private final FlakyStore flaky = new FlakyStore();
  private final UsageMeter meter = fixture.meter(flaky);

  /** Delegates to an in-memory store, failing appends while {@code failing} is set. */
  static final class FlakyStore implements UsageStore {
    final InMemoryUsageStore delegate = new InMemoryUsageStore();
    final AtomicBoolean failing = new AtomicBoolean();

    @Override
    public void append(UsageEvent event) {
      if (failing.get()) {
        throw new UsageStoreException("disk full");
      }
      delegate.append(event);
    }

    @Override
    public void replay(Consumer<? super UsageEvent> consumer) {
      delegate.replay(consumer);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  private List<Object> state() {
    List<Object> state = new ArrayList<>();
    flaky.delegate.replay(state::add);
    for (MeterDefinition definition : METERS) {
      state.add(meter.aggregate(ACME, definition.name(), T0));
    }
    state.add(meter.rememberedKeys());
    return state;
  }

  private void assertRejectedWithoutChange(Runnable call, String message) {
    List<Object> before = state();
    assertThatThrownBy(call::run)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void rejectsBadEventsWithoutChangingAnything() {
    meter.record(calls(ACME, Long.MAX_VALUE - 10, "big"));
    assertRejectedWithoutChange(
        () -> meter.record(calls(ACME, 11, "overflow")),
        "value 11 would overflow the SUM of meter 'api_calls' for tenant 'acme'");
    assertRejectedWithoutChange(
        () -> meter.record(event(ACME, "active_users", 1, T0, "no-user")),
        "lacks dimension 'user_id'");
    assertRejectedWithoutChange(
        () -> meter.record(event(ACME, "nope", 1, T0, "k")), "unknown meter 'nope'");
    assertRejectedWithoutChange(
        () ->
            meter.record(
                event(ACME, "api_calls", 1, fixture.clock.instant().plusSeconds(301), "f")),
        "is more than PT5M after now");
    assertThatThrownBy(() -> meter.record(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("event");
    assertThat(meter.record(calls(ACME, 10, "fits"))).isInstanceOf(RecordResult.Accepted.class);
  }

  @Test
  void acceptsTimestampsWithinTheFutureTolerance() {
    UsageEvent soon = event(ACME, "api_calls", 1, fixture.clock.instant().plusSeconds(300), "s");
    assertThat(meter.record(soon)).isInstanceOf(RecordResult.Accepted.class);
  }

  @Test
  void countsNothingWhenTheStoreFailsAndLetsTheSameKeyBeRetried() {
    flaky.failing.set(true);
    List<Object> before = state();
    assertThatThrownBy(() -> meter.record(calls(ACME, 5, "retry-me")))
        .isInstanceOf(UsageStoreException.class)
        .hasMessage("disk full");
    assertThat(state()).isEqualTo(before);

    flaky.failing.set(false);
    assertThat(meter.record(calls(ACME, 5, "retry-me"))).isInstanceOf(RecordResult.Accepted.class);
    assertThat(meter.aggregate(ACME, "api_calls", T0).value()).isEqualTo(5);
  }

  @Test
  void aThrowingListenerNeverBreaksRecording() {
    UsageMeter noisy =
        UsageMeter.builder()
            .meters(METERS)
            .store(new InMemoryUsageStore())
            .clock(fixture.clock)
            .listener(
                e -> {
                  throw new IllegalStateException("listener bug");
                })
            .build();
    noisy.record(calls(ACME, 1, "k"));
    assertThat(noisy.record(calls(ACME, 1, "k"))).isInstanceOf(RecordResult.Duplicate.class);
    assertThat(noisy.aggregate(ACME, "api_calls", T0).value()).isEqualTo(1);
  }

  @Test
  void validatesTheBuilder() {
    assertThatThrownBy(() -> UsageMeter.builder().store(new InMemoryUsageStore()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no meter defined");
    assertThatThrownBy(() -> UsageMeter.builder().meters(METERS).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no store set");
    UsageMeterBuilder builder = UsageMeter.builder().meters(METERS);
    assertThatThrownBy(() -> builder.meter(METERS.get(0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("meter 'api_calls' was already added");
    builder.clock(fixture.clock);
    assertThatThrownBy(() -> builder.clock(fixture.clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("clock was already set");
    assertThatThrownBy(() -> builder.futureTolerance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("futureTolerance must not be negative, was PT-1S");
    assertThatThrownBy(() -> builder.retention(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retention must be positive, was PT0S");
    assertThatThrownBy(() -> builder.store(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("store");
    assertThat(
            builder
                .store(new InMemoryUsageStore())
                .futureTolerance(HOUR)
                .build()
                .record(event(ACME, "api_calls", 1, fixture.clock.instant().plus(HOUR), "k")))
        .isInstanceOf(RecordResult.Accepted.class);
  }
}
