package dev.tdeveloper.tenancy.testkit;

import dev.tdeveloper.tenancy.time.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock moved only by the test: both a wall clock ({@link InstantSource}) and a monotonic {@link
 * Ticker}, advancing together. Thread-safe.
 */
public final class ManualClock implements InstantSource, Ticker {
  private final Instant origin;
  private final AtomicLong nanos = new AtomicLong();

  /** Creates a clock at {@code 2026-01-01T00:00:00Z}. */
  public ManualClock() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** Creates a clock at {@code start}. */
  public ManualClock(Instant start) {
    this.origin = Objects.requireNonNull(start, "start");
  }

  /** Moves both clocks forward by {@code amount}. */
  public ManualClock advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("amount must not be negative, was " + amount);
    }
    nanos.addAndGet(amount.toNanos());
    return this;
  }

  /** Moves both clocks forward by {@code nanos} nanoseconds. */
  public ManualClock advanceNanos(long nanos) {
    return advance(Duration.ofNanos(nanos));
  }

  /** Moves both clocks to {@code instant}, which must not be in the clock's past. */
  public ManualClock setTo(Instant instant) {
    Duration delta = Duration.between(instant(), instant);
    return advance(delta);
  }

  @Override
  public Instant instant() {
    return origin.plusNanos(nanos.get());
  }

  @Override
  public long read() {
    return nanos.get();
  }
}
