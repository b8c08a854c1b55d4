package dev.tdeveloper.observability.alert;

import java.time.Duration;
import java.time.Instant;

/**
 * The router's copy of one alert (one fingerprint), merged from every time a source sent it, with
 * the end Alertmanager gives it: the explicit {@code endsAt}, else the last receipt plus the
 * resolve timeout. Mutable; guarded by the router's lock.
 */
final class StoredAlert {
  private Alert alert;
  private Instant end;
  private boolean timeout;
  private int groups;
  private int routes = -1;

  StoredAlert(Alert alert, Instant now, Duration resolveTimeout) {
    replace(alert, now, resolveTimeout);
  }

  /** Starts a new occurrence: forgets the previous one. */
  void replace(Alert alert, Instant now, Duration resolveTimeout) {
    this.alert = alert;
    this.timeout = alert.endsAt().isEmpty();
    this.end = alert.endsAt().orElse(now.plus(resolveTimeout));
  }

  /**
   * Merges a re-sent alert: the earliest start is kept, the newer annotations and end win (a firing
   * re-send pushes the timeout out; an explicit end resolves).
   */
  void merge(Alert update, Instant now, Duration resolveTimeout) {
    Instant start =
        update.startsAt().isBefore(alert.startsAt()) ? update.startsAt() : alert.startsAt();
    this.timeout = update.endsAt().isEmpty();
    this.end = update.endsAt().orElse(now.plus(resolveTimeout));
    if (end.isBefore(start)) {
      end = start;
    }
    this.alert =
        new Alert(update.labels(), update.annotations(), start, update.endsAt().map(e -> end));
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

  /** Remembers how many routes the alert was routed to. */
  void routedTo(int count) {
    routes = count;
  }

  /** Returns how many routes the alert was last routed to; -1 before it was routed. */
  int routes() {
    return routes;
  }

  /** Returns how many groups hold it. */
  int groupCount() {
    return groups;
  }
}
