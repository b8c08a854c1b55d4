package dev.tdeveloper.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@link LoadTest}'s command line: every option takes one value, and a value out of range, not a
 * number or missing fails with the option, the value and what is allowed. Immutable.
 *
 * @param settings the measured runs' settings
 * @param faultSeconds seconds between faults in the fault phase, 0 to skip it
 * @param faultRate the fault phase's requests per second
 */
record LoadTestOptions(LoadTest.Settings settings, long faultSeconds, double faultRate) {
  /**
   * The default warm-up, seconds: {@value}, ramped from {@value RampSchedule#DEFAULT_START_SHARE}
   * of the rate. Long enough for HotSpot's C2 compiler to finish the demo's request path on a
   * 2-core machine (benchmarks/README.md, "A slow-start warm-up").
   */
  static final long DEFAULT_WARMUP_SECONDS = 240;

  static final String KNOWN =
      "--rate, --warmup-seconds, --warmup-start-share, --seconds, --max-in-flight, --out, --wrk,"
          + " --fault-seconds, --fault-rate, --shield-ip-limit, --disk-floor";

  /**
   * Parses {@code args}; the defaults: {@code --rate 2000 --warmup-seconds} {@value
   * #DEFAULT_WARMUP_SECONDS} {@code --warmup-start-share 0.1 --seconds 60 --max-in-flight 512 --out
   * benchmarks/target/load --fault-seconds 20 --fault-rate 200 --disk-floor on}, no wrk, the demo's
   * own shield limit.
   *
   * @throws IllegalArgumentException for an unknown option, a missing value or a value out of range
   */
  static LoadTestOptions parse(String... args) {
    double rate = 2000;
    long warmup = DEFAULT_WARMUP_SECONDS;
    double startShare = RampSchedule.DEFAULT_START_SHARE;
    long seconds = 60;
    int inFlight = 512;
    Path out = Path.of("benchmarks/target/load");
    Optional<Path> wrk = Optional.empty();
    long faultSeconds = 20;
    double faultRate = 200;
    OptionalInt shieldIpLimit = OptionalInt.empty();
    boolean diskFloor = true;
    for (int i = 0; i < args.length; i += 2) {
      String option = args[i];
      if (i + 1 == args.length) {
        throw new IllegalArgumentException(option + " needs a value; known options: " + KNOWN);
      }
      String value = args[i + 1];
      switch (option) {
        case "--rate" -> rate = number(option, value, 0.001, 1_000_000);
        case "--warmup-seconds" -> warmup = whole(option, value, 0, 86_400);
        case "--warmup-start-share" -> startShare = share(option, value);
        case "--seconds" -> seconds = whole(option, value, 1, 86_400);
        case "--max-in-flight" -> inFlight = (int) whole(option, value, 1, 65_536);
        case "--out" -> out = Path.of(value);
        case "--wrk" -> wrk = Optional.of(Path.of(value));
        case "--fault-seconds" -> faultSeconds = whole(option, value, 0, 86_400);
        case "--fault-rate" -> faultRate = number(option, value, 0.001, 1_000_000);
        case "--shield-ip-limit" ->
            shieldIpLimit = OptionalInt.of((int) whole(option, value, 1, Integer.MAX_VALUE));
        case "--disk-floor" -> diskFloor = onOff(option, value);
        default ->
            throw new IllegalArgumentException("unknown option " + option + "; known: " + KNOWN);
      }
    }
    return new LoadTestOptions(
        new LoadTest.Settings(
            rate,
            Duration.ofSeconds(warmup),
            Duration.ofSeconds(seconds),
            inFlight,
            out,
            wrk,
            42,
            shieldIpLimit,
            diskFloor,
            startShare),
        faultSeconds,
        faultRate);
  }

  private static double number(String option, String value, double min, double max) {
    double d;
    try {
      d = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      d = Double.NaN;
    }
    if (!(d >= min && d <= max)) {
      throw new IllegalArgumentException(
          option + " must be a number from " + min + " to " + max + ", was " + value);
    }
    return d;
  }

  /** A share in (0, 1]: 1 is a flat warm-up, 0 would never start. */
  private static double share(String option, String value) {
    double d;
    try {
      d = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      d = Double.NaN;
    }
    if (!(d > 0 && d <= 1)) {
      throw new IllegalArgumentException(
          option + " must be a number above 0 and at most 1, was " + value);
    }
    return d;
  }

  private static long whole(String option, String value, long min, long max) {
    long n;
    try {
      n = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          option + " must be a whole number from " + min + " to " + max + ", was " + value, e);
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(
          option + " must be a whole number from " + min + " to " + max + ", was " + value);
    }
    return n;
  }

  private static boolean onOff(String option, String value) {
    return switch (value) {
      case "on" -> true;
      case "off" -> false;
      default -> throw new IllegalArgumentException(option + " must be on or off, was " + value);
    };
  }
}
