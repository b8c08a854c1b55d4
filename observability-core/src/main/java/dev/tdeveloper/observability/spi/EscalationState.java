package dev.tdeveloper.observability.spi;

import dev.tdeveloper.observability.alert.Severity;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where the escalation of one incident stands, as an {@link EscalationStateStore} keeps it: the
 * policy, the pass ({@code round}) and level last notified, when the next level is due, whom it has
 * notified so far and whether somebody acknowledged. What a restarted escalator needs to go on
 * without paging level 1 again. Immutable and thread-safe.
 *
 * @param incidentId the incident, matching {@link #INCIDENT_ID}
 * @param tenant the tenant the incident is about, if one
 * @param policy the escalation policy's name
 * @param title the incident's title, for notifications sent after a restart
 * @param severity the incident's severity
 * @param startedAt when escalation began (level 1 was notified)
 * @param round the pass through the policy, 0 for the first
 * @param level the level last notified, 0 for the first
 * @param nextEscalationAt when the next level is due; empty when escalation has run its course or
 *     stopped
 * @param notified every receiver notified so far, sorted
 * @param acknowledgement who acknowledged and when, if somebody did
 */
public record EscalationState(
    String incidentId,
    Optional<String> tenant,
    String policy,
    String title,
    Severity severity,
    Instant startedAt,
    int round,
    int level,
    Optional<Instant> nextEscalationAt,
    Set<String> notified,
    Optional<Acknowledgement> acknowledgement) {

  /** Allowed incident ids: letters, digits, {@code _ -}, 1 to 64, safe as a file name. */
  public static final Pattern INCIDENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /**
   * Who acknowledged an incident, and when.
   *
   * @param by the user (or system) that acknowledged, not blank
   * @param at when
   */
  public record Acknowledgement(String by, Instant at) {
    /**
     * Validates the acknowledgement.
     *
     * @throws IllegalArgumentException if {@code by} is blank
     */
    public Acknowledgement {
      Objects.requireNonNull(by, "by");
      Objects.requireNonNull(at, "at");
      if (by.isBlank()) {
        throw new IllegalArgumentException("acknowledgement: 'by' is blank");
      }
    }
  }

  /**
   * Validates the state.
   *
   * @throws IllegalArgumentException if the incident id is invalid, the policy or title blank, or
   *     round or level negative
   */
  public EscalationState {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(nextEscalationAt, "nextEscalationAt");
    Objects.requireNonNull(notified, "notified");
    Objects.requireNonNull(acknowledgement, "acknowledgement");
    if (!INCIDENT_ID.matcher(incidentId).matches()) {
      throw new IllegalArgumentException(
          "incident id '" + incidentId + "' is invalid; allowed: 1 to 64 letters, digits, _ or -");
    }
    if (policy.isBlank()) {
      throw new IllegalArgumentException("escalation state " + incidentId + ": policy is blank");
    }
    if (title.isBlank()) {
      throw new IllegalArgumentException("escalation state " + incidentId + ": title is blank");
    }
    if (round < 0 || level < 0) {
      throw new IllegalArgumentException(
          "escalation state "
              + incidentId
              + ": round "
              + round
              + " and level "
              + level
              + " must be 0 or more");
    }
    notified = Collections.unmodifiableSortedSet(new TreeSet<>(notified));
  }

  /** Returns whether somebody acknowledged the incident. */
  public boolean isAcknowledged() {
    return acknowledgement.isPresent();
  }
}
