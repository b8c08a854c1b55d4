package dev.tdeveloper.observability.alert;

import dev.tdeveloper.observability.notify.Notification;
import java.util.Objects;

/** What an {@link AlertRouter} tells its listeners. Immutable. */
public sealed interface AlertRouterEvent {

  /**
   * A notification was handed to the receiver's notifiers.
   *
   * @param notification what was sent
   */
  record Notified(Notification notification) implements AlertRouterEvent {
    /** Validates the event. */
    public Notified {
      Objects.requireNonNull(notification, "notification");
    }
  }

  /**
   * A silence was added.
   *
   * @param silence the new silence
   */
  record SilenceAdded(Silence silence) implements AlertRouterEvent {
    /** Validates the event. */
    public SilenceAdded {
      Objects.requireNonNull(silence, "silence");
    }
  }

  /**
   * A silence was expired by hand.
   *
   * @param silence the silence as expired
   */
  record SilenceExpired(Silence silence) implements AlertRouterEvent {
    /** Validates the event. */
    public SilenceExpired {
      Objects.requireNonNull(silence, "silence");
    }
  }
}
