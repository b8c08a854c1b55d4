package dev.tdeveloper.observability.alert;

import java.util.Locale;

/**
 * How urgent an alert is, with the four levels PagerDuty's Events API v2 accepts. An alert carries
 * its severity as the label {@code severity} (lower case), the Alertmanager convention, so routes
 * can match on it.
 */
public enum Severity {
  /** Wakes someone up: the service or a tenant is down or about to breach its SLO. */
  CRITICAL,
  /** Needs attention soon. */
  ERROR,
  /** Worth a ticket. */
  WARNING,
  /** For the record. */
  INFO;

  private static final Severity[] VALUES = values();

  private final String label = name().toLowerCase(Locale.ROOT);

  /** Returns the label value, such as {@code critical}. */
  public String label() {
    return label;
  }

  /**
   * Returns the severity of a label value.
   *
   * @throws IllegalArgumentException naming the value and the allowed ones
   */
  public static Severity ofLabel(String value) {
    for (Severity s : VALUES) {
      if (s.label.equals(value)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "severity: '" + value + "' is not one of critical, error, warning, info");
  }
}
