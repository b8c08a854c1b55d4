package dev.tdeveloper.observability.alert;

import dev.tdeveloper.observability.Labels;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One alert as an alert source reports it, in Alertmanager's model: identifying {@link Labels}
 * (which must include {@code alertname} and {@code severity}), descriptive annotations such as
 * {@code summary} and {@code runbook_url}, when it started, and when it ended if it is resolved.
 *
 * <p>Two alerts with the same labels are the same alert ({@link #fingerprint()}); a source re-sends
 * a firing alert periodically and sends it with {@code endsAt} to resolve it.
 *
 * @param labels identify the alert; include {@code alertname} and {@code severity}
 * @param annotations descriptive text, not identifying
 * @param startsAt when the condition began
 * @param endsAt when it ended; empty while firing
 */
public record Alert(
    Labels labels, Map<String, String> annotations, Instant startsAt, Optional<Instant> endsAt) {

  /** The label naming the alert. */
  public static final String ALERTNAME = "alertname";

  /** The label carrying the {@link Severity}. */
  public static final String SEVERITY = "severity";

  /** The label carrying the tenant id, for alerts about one tenant. */
  public static final String TENANT = "tenant";

  /**
   * Validates the alert.
   *
   * @throws IllegalArgumentException if {@code alertname} or {@code severity} is missing, the
   *     severity is not a {@link Severity} label, or {@code endsAt} is before {@code startsAt}
   */
  public Alert {
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(annotations, "annotations");
    Objects.requireNonNull(startsAt, "startsAt");
    Objects.requireNonNull(endsAt, "endsAt");
    if (labels.get(ALERTNAME).isEmpty()) {
      throw new IllegalArgumentException("alert " + labels + ": the label 'alertname' is required");
    }
    String severity =
        labels
            .get(SEVERITY)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "alert "
                            + labels
                            + ": the label 'severity' is required (critical, error, warning, info)"));
    Severity.ofLabel(severity);
    if (endsAt.isPresent() && endsAt.get().isBefore(startsAt)) {
      throw new IllegalArgumentException(
          "alert " + labels + ": endsAt " + endsAt.get() + " is before startsAt " + startsAt);
    }
    annotations = Map.copyOf(new TreeMap<>(annotations));
  }

  /** Returns a firing alert. */
  public static Alert firing(Labels labels, Map<String, String> annotations, Instant startsAt) {
    return new Alert(labels, annotations, startsAt, Optional.empty());
  }

  /** Returns this alert resolved at {@code at}. */
  public Alert resolvedAt(Instant at) {
    return new Alert(labels, annotations, startsAt, Optional.of(at));
  }

  /** Returns the alert's name. */
  public String name() {
    return labels.get(ALERTNAME).orElseThrow();
  }

  /** Returns the alert's severity. */
  public Severity severity() {
    return Severity.ofLabel(labels.get(SEVERITY).orElseThrow());
  }

  /** Returns the tenant the alert is about, if it names one. */
  public Optional<String> tenant() {
    return labels.get(TENANT);
  }

  /** Returns the identity of the alert: its labels' fingerprint. */
  public long fingerprint() {
    return labels.fingerprint();
  }

  /** Returns whether the alert has ended at or before {@code now}. */
  public boolean isResolvedAt(Instant now) {
    return endsAt.isPresent() && !endsAt.get().isAfter(now);
  }
}
