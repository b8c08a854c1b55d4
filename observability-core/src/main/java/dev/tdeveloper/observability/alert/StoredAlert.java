package dev.tdeveloper.observability.alert;

import dev.tdeveloper.observability.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The router's copy of one alert (one fingerprint), merged from every time a source sent it, with
 * the end Alertmanager gives it: the explicit {@code endsAt}, else the last receipt plus the
 * resolve timeout. It also keeps where its labels route (the routes and the group of each),
 * computed once: routes are immutable, so the labels always route the same way. Mutable; guarded by
 * the router's lock.
 */
final class StoredAlert {
  private Alert alert;
  private Instant end;
  private boolean timeout;
  private int groups;
  private Routing routing;
  private String sortKey;

  /**
   * Where an alert's labels go: the routes that receive it, with the group labels and group key at
   * each (same index).
   */
  record Routing(List<Route> routes, List<Labels> groupLabels, List<String> groupKeys) {}

  StoredAlert(Alert alert, Instant now, Duration resolveTimeout) {
    replace(alert, now, resolveTimeout);
  }

  /** Starts a new occurrence: forgets the previous one. */
  void replace(Alert alert, Instant now, Duration resolveTimeout) {
    if (this.alert != null && !this.alert.labels().equals(alert.labels())) {
      routing = null; // a fingerprint collision: other labels may route elsewhere
      sortKey = null;
    }
    this.alert = alert;
    this.timeout = alert.endsAt().isEmpty();
    this.end = alert.endsAt().orElse(now.plus(resolveTimeout));
  }

  /**
   * Merges a re-sent alert: the earliest start is kept, the newer annotations and end win (a firing
   * re-send pushes the timeout out; an explicit end resolves). A firing re-send that changes
   * nothing keeps the alert held, so the common case allocates no new alert.
   */
  void merge(Alert update, Instant now, Duration resolveTimeout) {
    boolean keepsStart = !update.startsAt().isBefore(alert.startsAt());
    Instant start = keepsStart ? alert.startsAt() : update.startsAt();
    this.timeout = update.endsAt().isEmpty();
    this.end = timeout ? now.plus(resolveTimeout) : update.endsAt().get();
    if (end.isBefore(start)) {
      end = start;
    }
    if (timeout && keepsStart && alert.endsAt().isEmpty() && sameLabelsAndAnnotations(update)) {
      return; // the merged alert would equal the one held
    }
    if (!alert.labels().equals(update.labels())) {
      routing = null;
      sortKey = null;
    }
    this.alert =
        new Alert(update.labels(), update.annotations(), start, update.endsAt().map(e -> end));
  }

  private boolean sameLabelsAndAnnotations(Alert update) {
    return update == alert
        || ((update.labels() == alert.labels() || update.labels().equals(alert.labels()))
            && (update.annotations() == alert.annotations()
                || update.annotations().equals(alert.annotations())));
  }

  /** Returns whether the alert has ended at {@code now} (explicitly or by resolve timeout). */
  boolean resolvedAt(Instant now) {
    return !end.isAfter(now);
  }

  /** Returns whether {@code update} starts after this occurrence ended: a new occurrence. */
  boolean isNewOccurrence(Alert update, Instant now) {
    return resolvedAt(now) && update.startsAt().isAfter(end);
  }

  /** Returns the alert as a receiver sees it at {@code now}: with its end once resolved. */
  Alert viewAt(Instant now) {
    return timeout && resolvedAt(now) ? alert.resolvedAt(end) : alert;
  }

  Alert alert() {
    return alert;
  }

  long fingerprint() {
    return alert.fingerprint();
  }

  /** Counts the aggregation groups holding this alert. */
  void joinedGroup() {
    groups++;
  }

  /** Returns whether no group holds it any more. */
  boolean leftGroup() {
    return --groups == 0;
  }

  /** Remembers where the alert's labels route. */
  void routedTo(Routing routing) {
    this.routing = routing;
  }

  /** Returns where the alert's labels route; null before it was routed. */
  Routing routing() {
    return routing;
  }

  /** Returns how many routes the alert was routed to; -1 before it was routed. */
  int routes() {
    return routing == null ? -1 : routing.routes().size();
  }

  /** Returns the labels as text, the tie-break of the order alerts are notified in. */
  String sortKey() {
    if (sortKey == null) {
      sortKey = alert.labels().toString();
    }
    return sortKey;
  }

  /** Returns how many groups hold it. */
  int groupCount() {
    return groups;
  }
}
