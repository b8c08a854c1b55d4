package dev.tdeveloper.observability.slo;

import dev.tdeveloper.observability.alert.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The burn-rate alerts evaluated for an SLO. {@link #standard()} is the set the SRE workbook, Sloth
 * and Pyrra use for a 30-day window: page at 14.4x over 1 h and 5 m (2% of the budget in an hour),
 * page at 6x over 6 h and 30 m (5% in 6 hours), ticket at 3x over 1 d and 2 h (10% in a day) and
 * ticket at 1x over 3 d and 6 h (10% in 3 days), with Pyrra's {@code for} durations of 2 m, 15 m, 1
 * h and 3 h.
 *
 * <p>For a 7- or 28-day SLO, {@link #scaledTo} multiplies every window and {@code for} by the
 * window ratio (7/30, 28/30), as Sloth does, so each alert still means the same fraction of the
 * budget; windows are rounded to whole minutes up to 6 hours and to whole hours beyond (a 28-day
 * SLO pages at 14.4x over 56 m and 5 m).
 *
 * <p>Immutable and thread-safe.
 *
 * @param rules the rules, none repeating the same severity and windows
 */
public record BurnRateAlertSet(List<BurnRateRule> rules) {
  /** The SLO window the standard set is written for: {@value #STANDARD_WINDOW_DAYS} days. */
  public static final int STANDARD_WINDOW_DAYS = 30;

  private static final BurnRateAlertSet STANDARD =
      new BurnRateAlertSet(
          List.of(
              rule(Severity.CRITICAL, 14.4, Duration.ofHours(1), Duration.ofMinutes(5), 2),
              rule(Severity.CRITICAL, 6, Duration.ofHours(6), Duration.ofMinutes(30), 15),
              rule(Severity.WARNING, 3, Duration.ofDays(1), Duration.ofHours(2), 60),
              rule(Severity.WARNING, 1, Duration.ofDays(3), Duration.ofHours(6), 180)));

  /**
   * Validates the set.
   *
   * @throws NullPointerException if {@code rules} or a rule is null
   * @throws IllegalArgumentException if there is no rule, or two rules have the same severity and
   *     windows (they would raise the same alert)
   */
  public BurnRateAlertSet {
    rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("rules: empty; allowed: at least one burn-rate rule");
    }
    Set<String> seen = new HashSet<>();
    for (BurnRateRule r : rules) {
      String key = r.severity() + "/" + r.longWindow() + "/" + r.shortWindow();
      if (!seen.add(key)) {
        throw new IllegalArgumentException(
            "rules: two rules with severity "
                + r.severity().label()
                + " and windows "
                + Windows.format(r.longWindow())
                + "/"
                + Windows.format(r.shortWindow())
                + "; allowed: each severity and window pair once");
      }
    }
  }

  private static BurnRateRule rule(
      Severity severity, double factor, Duration longWindow, Duration shortWindow, int forMinutes) {
    return new BurnRateRule(
        severity, factor, longWindow, shortWindow, Duration.ofMinutes(forMinutes));
  }

  /** Returns the standard set for a 30-day SLO. */
  public static BurnRateAlertSet standard() {
    return STANDARD;
  }

  /** Returns the standard set scaled to an SLO window, see {@link #scaledTo}. */
  public static BurnRateAlertSet standardFor(Duration sloWindow) {
    return STANDARD.scaledTo(sloWindow);
  }

  /**
   * Returns this set, written for a 30-day SLO, scaled to {@code sloWindow}: every window and
   * {@code for} multiplied by {@code sloWindow / 30 days}, factors unchanged; the same set for 30
   * days.
   *
   * @throws IllegalArgumentException if {@code sloWindow} is not positive
   */
  public BurnRateAlertSet scaledTo(Duration sloWindow) {
    Objects.requireNonNull(sloWindow, "sloWindow");
    if (sloWindow.isNegative() || sloWindow.isZero()) {
      throw new IllegalArgumentException("sloWindow: " + sloWindow + " must be positive");
    }
    double ratio = sloWindow.toMillis() / (double) Duration.ofDays(STANDARD_WINDOW_DAYS).toMillis();
    if (ratio == 1.0) {
      return this;
    }
    List<BurnRateRule> scaled = new ArrayList<>();
    for (BurnRateRule r : rules) {
      Duration shortWindow = Windows.scale(r.shortWindow(), ratio);
      Duration longWindow = Windows.scale(r.longWindow(), ratio);
      if (longWindow.compareTo(shortWindow) <= 0) {
        longWindow = shortWindow.plusMinutes(1);
      }
      scaled.add(
          new BurnRateRule(
              r.severity(),
              r.factor(),
              longWindow,
              shortWindow,
              Windows.scale(r.forDuration(), ratio)));
    }
    return new BurnRateAlertSet(scaled);
  }

  /** Returns the longest long window of the set. */
  public Duration longestWindow() {
    return rules.stream().map(BurnRateRule::longWindow).max(Duration::compareTo).orElseThrow();
  }
}
