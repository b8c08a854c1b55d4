package dev.tdeveloper.tenancy.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Refuses an event a meter cannot record at all: one lacking its unique dimension or from too far
 * ahead.
 */
final class EventAdmission {
  private EventAdmission() {}

  /**
   * Checks that {@code event} carries {@code meter}'s unique dimension, if any, and then that it is
   * not more than {@code futureTolerance} after the clock's now, which it returns.
   *
   * @throws IllegalArgumentException if it does not or is
   */
  static Instant check(
      UsageEvent event, MeterDefinition meter, InstantSource clock, Duration futureTolerance) {
    meter
        .uniqueDimension()
        .filter(d -> !event.dimensions().containsKey(d))
        .ifPresent(
            d -> {
              throw new IllegalArgumentException(
                  "event '"
                      + event.idempotencyKey()
                      + "' of UNIQUE_COUNT meter '"
                      + meter.name()
                      + "' lacks dimension '"
                      + d
                      + "'");
            });
    Instant now = clock.instant();
    if (event.timestamp().isAfter(now.plus(futureTolerance))) {
      throw new IllegalArgumentException(
          "timestamp "
              + event.timestamp()
              + " of event '"
              + event.idempotencyKey()
              + "' is more than "
              + futureTolerance
              + " after now ("
              + now
              + ")");
    }
    return now;
  }
}
