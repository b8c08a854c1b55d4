package dev.tdeveloper.observability.alert;

import dev.tdeveloper.observability.Labels;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Alerts of one route that share the group labels (Alertmanager's aggregation group), with the time
 * of its next flush: group_wait after creation, then every group_interval, and its creation
 * sequence number (groups due at one flush are flushed in creation order). Mutable; guarded by the
 * router's lock.
 */
final class AggregationGroup {
  final String key;
  final Route route;
  final Labels groupLabels;
  final Map<Long, StoredAlert> alerts = new LinkedHashMap<>();
  final long seq;
  Instant nextFlush;
  boolean hasFlushed;
  boolean due;

  AggregationGroup(String key, Route route, Labels groupLabels, Instant now, long seq) {
    this.key = key;
    this.seq = seq;
    this.route = route;
    this.groupLabels = groupLabels;
    this.nextFlush = now.plus(route.groupWait());
  }

  /**
   * Adds an alert (if new to the group); an alert that started more than group_wait ago makes a
   * group that never flushed flush at once, as in Alertmanager.
   */
  void add(StoredAlert alert, Instant now) {
    if (alerts.putIfAbsent(alert.fingerprint(), alert) == null) {
      alert.joinedGroup();
    }
    if (!hasFlushed && alert.alert().startsAt().plus(route.groupWait()).isBefore(now)) {
      if (now.isBefore(nextFlush)) {
        nextFlush = now;
      }
    }
  }

  /**
   * Alertmanager's deduplication: whether a notification is due given the last one sent for this
   * group and receiver and the current (unmuted) firing and resolved fingerprints.
   */
  boolean needsUpdate(
      Optional<NotificationLogEntry> last, Set<Long> firing, Set<Long> resolved, Instant now) {
    if (last.isEmpty()) {
      return !firing.isEmpty();
    }
    NotificationLogEntry entry = last.get();
    if (!entry.firing().containsAll(firing)) {
      return true; // a firing alert the receiver has not heard of
    }
    if (firing.isEmpty()) {
      return !entry.firing().isEmpty(); // everything resolved: tell, unless nothing was told
    }
    if (!entry.resolved().containsAll(resolved)) {
      return true; // a newly resolved alert
    }
    return entry.at().plus(route.repeatInterval()).isBefore(now); // strictly, as Alertmanager
  }

  /**
   * Returns the key of a group: the route's key and the group labels, stable across restarts so the
   * persisted notification log still applies.
   */
  static String keyOf(Route route, Labels groupLabels) {
    return route.key() + ":" + groupLabels;
  }
}
