package dev.tdeveloper.observability.notify;

import dev.tdeveloper.tenancy.event.EventListener;

/**
 * The settings every queued notifier's builder shares: name, delivery settings and listeners, each
 * returning the concrete builder so that calls chain in any order. Only this package's builders
 * extend it. Not thread-safe, as builders are not.
 *
 * @param <B> the concrete builder
 */
public abstract class QueuedNotifierBuilder<B extends QueuedNotifierBuilder<B>> {
  final NotifierOptions options;

  QueuedNotifierBuilder(String kind) {
    this.options = new NotifierOptions(kind);
  }

  /** This builder as its concrete type, for chaining. */
  abstract B self();

  /**
   * Sets the notifier's name; default its kind: {@code pagerduty}, {@code slack}, {@code webhook}
   * or {@code email}.
   */
  public B name(String name) {
    options.name(name);
    return self();
  }

  /** Sets the delivery settings; default {@link DeliverySettings#defaults()}. */
  public B delivery(DeliverySettings delivery) {
    options.delivery(delivery);
    return self();
  }

  /** Adds a listener for {@link DeliveryEvent}s. */
  public B listener(EventListener<? super DeliveryEvent> listener) {
    options.listener(listener);
    return self();
  }
}
