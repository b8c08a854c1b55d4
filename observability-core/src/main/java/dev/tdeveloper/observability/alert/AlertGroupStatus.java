package dev.tdeveloper.observability.alert;

import dev.tdeveloper.observability.Labels;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One aggregation group as the router holds it, for an admin view. Immutable.
 *
 * @param key the group key (the {@code Notification} key and PagerDuty {@code dedup_key})
 * @param receiver the receiver its notifications go to
 * @param groupLabels the labels its alerts share
 * @param alerts its alerts
 * @param nextFlush when it is next considered for notification
 */
public record AlertGroupStatus(
    String key, String receiver, Labels groupLabels, List<Alert> alerts, Instant nextFlush) {
  /** Validates and copies the list. */
  public AlertGroupStatus {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(groupLabels, "groupLabels");
    Objects.requireNonNull(nextFlush, "nextFlush");
    alerts = List.copyOf(alerts);
  }
}
