package dev.tdeveloper.observability.slo;

import dev.tdeveloper.observability.alert.Severity;
import java.time.Duration;
import java.util.Objects;

/**
 * One multi-window burn-rate alert of the SRE workbook (chapter 5): it fires when the burn rate
 * over both the long and the short window exceeds {@code factor}, and has done so for {@code
 * forDuration} (so a blip does not page). The long window makes the alert significant (a factor of
 * 14.4 over 1 hour of a 30-day SLO is 2% of the budget), the short one makes it reset quickly once
 * errors stop.
 *
 * <p>Immutable and thread-safe.
 *
 * @param severity {@link Severity#CRITICAL} for a page, {@link Severity#WARNING} for a ticket
 * @param factor the burn rate both windows must exceed, above 0
 * @param longWindow the long window, longer than {@code shortWindow}
 * @param shortWindow the short window
 * @param forDuration how long the condition must hold before the alert fires; zero fires at once
 */
public record BurnRateRule(
    Severity severity,
    double factor,
    Duration longWindow,
    Duration shortWindow,
    Duration forDuration) {

  /**
   * Validates the rule.
   *
   * @throws NullPointerException naming a null field
   * @throws IllegalArgumentException naming the field, the value and what is allowed: a factor that
   *     is not a finite number above 0, a window the recorder cannot answer (1 minute to 6 hours in
   *     whole minutes, beyond that in whole hours), a short window not shorter than the long one,
   *     or a negative {@code forDuration}
   */
  public BurnRateRule {
    Objects.requireNonNull(severity, "severity");
    if (!(factor > 0) || !Double.isFinite(factor)) {
      throw new IllegalArgumentException(
          "factor: " + factor + " is not allowed; allowed: a finite number above 0");
    }
    Windows.check("longWindow", longWindow);
    Windows.check("shortWindow", shortWindow);
    if (shortWindow.compareTo(longWindow) >= 0) {
      throw new IllegalArgumentException(
          "shortWindow: "
              + Windows.format(shortWindow)
              + " is not shorter than longWindow "
              + Windows.format(longWindow)
              + "; allowed: a window shorter than the long one");
    }
    Objects.requireNonNull(forDuration, "forDuration");
    if (forDuration.isNegative()) {
      throw new IllegalArgumentException(
          "forDuration: " + forDuration + " is negative; allowed: zero or more");
    }
  }

  /** Returns whether this rule pages ({@link Severity#CRITICAL}) rather than opens a ticket. */
  public boolean pages() {
    return severity == Severity.CRITICAL;
  }

  /** Returns the rule as {@code critical 14.4x over 1h/5m for 2m}. */
  @Override
  public String toString() {
    return severity.label()
        + " "
        + factor
        + "x over "
        + Windows.format(longWindow)
        + "/"
        + Windows.format(shortWindow)
        + " for "
        + Windows.format(forDuration);
  }
}
