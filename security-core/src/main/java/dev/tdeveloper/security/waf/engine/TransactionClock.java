package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.tenancy.time.Ticker;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The time variables of a transaction: {@code DURATION} from the monotonic ticker since the
 * transaction started, {@code TIME*} from the wall clock in UTC, formatted as libmodsecurity3
 * formats them ({@code TIME} is {@code HH:MM:SS}; hours, minutes, seconds and day zero-padded to
 * two digits; {@code TIME_MON} 0 to 11; {@code TIME_WDAY} 0 (Sunday) to 6; {@code TIME_EPOCH}
 * seconds). Confined to one transaction.
 */
final class TransactionClock {
  private final InstantSource wall;
  private final Ticker ticker;
  private final long started;

  TransactionClock(InstantSource wall, Ticker ticker) {
    this.wall = Objects.requireNonNull(wall, "wallClock");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.started = ticker.read();
  }

  /** {@code DURATION}: whole milliseconds since the transaction started. */
  String durationMillis() {
    return Long.toString(Math.max(0, ticker.read() - started) / 1_000_000L);
  }

  /** Appends the value of a {@code TIME*} variable; nothing for another name. */
  void collect(String variable, List<Target> out) {
    ZonedDateTime t = wall.instant().atZone(ZoneOffset.UTC);
    String value =
        switch (variable) {
          case "TIME" -> two(t.getHour()) + ":" + two(t.getMinute()) + ":" + two(t.getSecond());
          case "TIME_DAY" -> two(t.getDayOfMonth());
          case "TIME_EPOCH" -> Long.toString(t.toEpochSecond());
          case "TIME_HOUR" -> two(t.getHour());
          case "TIME_MIN" -> two(t.getMinute());
          case "TIME_MON" -> Integer.toString(t.getMonthValue() - 1);
          case "TIME_SEC" -> two(t.getSecond());
          case "TIME_WDAY" -> Integer.toString(t.getDayOfWeek().getValue() % 7);
          case "TIME_YEAR" -> Integer.toString(t.getYear());
          default -> null;
        };
    if (value != null) {
      out.add(new Target(variable, variable, value));
    }
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }
}
