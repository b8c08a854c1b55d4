package dev.tdeveloper.observability.notify;

import java.io.IOException;

/**
 * What the queued notifiers (PagerDuty, Slack, webhook, e-mail) share: the name and the {@link
 * Delivery} queue whose thread hands each notification to {@link #attempt}. A subclass writes the
 * request and keeps its {@code toString} free of secrets. Thread-safe.
 */
abstract class QueuedNotifier implements Notifier {
  private final String name;
  private final Delivery delivery;

  /**
   * Starts the delivery thread. It calls {@link #attempt} only for notifications submitted after
   * construction (the queue's lock orders them), so the subclass's fields are set by then.
   */
  QueuedNotifier(QueuedNotifierBuilder<?> builder, Secrets secrets) {
    this.name = builder.options.name();
    this.delivery =
        new Delivery(
            name, builder.options.delivery(), this::attempt, builder.options.listeners(), secrets);
  }

  /** Hands one notification to the receiver, on the delivery thread. */
  abstract Outcome attempt(Notification notification) throws IOException, InterruptedException;

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final void send(Notification notification) {
    delivery.submit(notification);
  }

  @Override
  public final void close() {
    delivery.close();
  }
}
