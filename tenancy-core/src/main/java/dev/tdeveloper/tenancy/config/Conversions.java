package dev.tdeveloper.tenancy.config;

import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts scalars to the types {@link TenantSettings} offers. Each converter returns empty when
 * the scalar has the wrong type or is out of range; the caller builds the error message.
 */
final class Conversions {
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,18})(ms|s|m|h|d)");

  /** A type a setting can be read as, with the phrase used in error messages. */
  record Type<T>(String expected, Function<Scalar, Optional<T>> converter) {}

  static final Type<String> STRING = new Type<>("a string", s -> Optional.of(s.text()));

  static final Type<Integer> INT =
      new Type<>(
          "an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE,
          s -> integer(s, Integer.MIN_VALUE, Integer.MAX_VALUE).map(BigInteger::intValueExact));

  static final Type<Long> LONG =
      new Type<>(
          "an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE,
          s -> integer(s, Long.MIN_VALUE, Long.MAX_VALUE).map(BigInteger::longValueExact));

  static final Type<Double> DOUBLE = new Type<>("a finite number", Conversions::toDouble);

  static final Type<Boolean> BOOLEAN =
      new Type<>(
          "a boolean (true or false)",
          s ->
              s.kind() == Scalar.Kind.BOOLEAN
                  ? Optional.of(Boolean.parseBoolean(s.text()))
                  : Optional.empty());

  static final Type<Duration> DURATION =
      new Type<>(
          "a non-negative duration such as PT1S, 500ms, 1s, 5m, 1h or 1d", Conversions::toDuration);

  private Conversions() {}

  private static Optional<BigInteger> integer(Scalar s, long min, long max) {
    if (s.kind() != Scalar.Kind.INTEGER) {
      return Optional.empty();
    }
    BigInteger value = new BigInteger(s.text());
    boolean inRange =
        value.compareTo(BigInteger.valueOf(min)) >= 0
            && value.compareTo(BigInteger.valueOf(max)) <= 0;
    return inRange ? Optional.of(value) : Optional.empty();
  }

  private static Optional<Double> toDouble(Scalar s) {
    if (s.kind() != Scalar.Kind.INTEGER && s.kind() != Scalar.Kind.FLOAT) {
      return Optional.empty();
    }
    double value = Double.parseDouble(s.text());
    return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
  }

  /**
   * Parses ISO-8601 ({@code PT1S}, {@code P1D}, case-insensitive) or a whole number followed by
   * {@code ms}, {@code s}, {@code m}, {@code h} or {@code d}. Negative durations are refused.
   */
  static Optional<Duration> toDuration(Scalar s) {
    if (s.kind() != Scalar.Kind.STRING) {
      return Optional.empty();
    }
    String text = s.text().trim();
    try {
      Matcher m = SHORT_DURATION.matcher(text);
      Duration duration;
      if (m.matches()) {
        long amount = Long.parseLong(m.group(1));
        duration =
            switch (m.group(2)) {
              case "ms" -> Duration.ofMillis(amount);
              case "s" -> Duration.ofSeconds(amount);
              case "m" -> Duration.ofMinutes(amount);
              case "h" -> Duration.ofHours(amount);
              default -> Duration.ofDays(amount);
            };
      } else if (text.startsWith("P") || text.startsWith("p")) {
        duration = Duration.parse(text);
      } else {
        return Optional.empty();
      }
      return duration.isNegative() ? Optional.empty() : Optional.of(duration);
    } catch (DateTimeParseException | ArithmeticException e) {
      return Optional.empty();
    }
  }
}
