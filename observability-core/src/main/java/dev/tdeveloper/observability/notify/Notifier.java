package dev.tdeveloper.observability.notify;

/**
 * Delivers {@link Notification}s to a system people watch (PagerDuty, Slack, a webhook, e-mail, the
 * log). The {@code AlertRouter} and escalation hand notifications to notifiers and never wait for
 * delivery.
 *
 * <p>Contract: {@link #send} returns at once; delivery happens on the notifier's own thread(s) with
 * retries where the target is remote. A notifier never throws from {@link #send} for a delivery
 * failure (it reports the failure to its listeners and its log); it may throw {@link
 * IllegalStateException} after {@link #close()}. Secrets a notifier holds (routing keys, signing
 * keys, webhook URLs with tokens) never appear in its {@code toString}, its log or its events.
 * Implementations are thread-safe.
 */
public interface Notifier extends AutoCloseable {
  /**
   * Returns the notifier's name, unique among the notifiers of one router, such as {@code
   * pagerduty}.
   */
  String name();

  /**
   * Accepts a notification for delivery.
   *
   * @param notification what to deliver
   * @throws IllegalStateException if the notifier is closed
   */
  void send(Notification notification);

  /** Stops accepting notifications, delivers what is queued within the notifier's drain timeout. */
  @Override
  void close();
}
