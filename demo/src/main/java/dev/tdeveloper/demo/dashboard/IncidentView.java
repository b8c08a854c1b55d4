package dev.tdeveloper.demo.dashboard;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One open incident as the dashboard shows it: alerts of one tenant or dependency correlated into
 * one, with the alert the correlation takes for the root cause. Immutable.
 *
 * @param id the incident id (PagerDuty's {@code dedup_key})
 * @param title what the on-call engineer reads first
 * @param tenant the tenant concerned, or empty when it spans tenants
 * @param severity the highest severity of its alerts ({@code critical}, {@code error}, ...)
 * @param status {@code triggered}, {@code acknowledged} or {@code resolved}
 * @param openedAt when its first alert fired
 * @param rootCause the name of the earliest, most upstream alert
 * @param alertCount how many alerts it groups, at least 1
 */
public record IncidentView(
    String id,
    String title,
    Optional<String> tenant,
    String severity,
    String status,
    Instant openedAt,
    String rootCause,
    int alertCount) {

  /**
   * Validates the view.
   *
   * @throws NullPointerException naming the field if one is null
   * @throws IllegalArgumentException naming the field and value if one is blank or out of range
   */
  public IncidentView {
    nonBlank("id", id);
    nonBlank("title", title);
    Objects.requireNonNull(tenant, "tenant");
    nonBlank("severity", severity);
    nonBlank("status", status);
    Objects.requireNonNull(openedAt, "openedAt");
    nonBlank("rootCause", rootCause);
    if (alertCount < 1) {
      throw new IllegalArgumentException(
          "alertCount of incident " + id + ": " + alertCount + "; allowed: >= 1");
    }
  }

  private static void nonBlank(String field, String value) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + ": '" + value + "'; allowed: non-blank text");
    }
  }
}
