package dev.tdeveloper.tenancy.internal;

import dev.tdeveloper.tenancy.event.EventListener;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An immutable list of event listeners that publishes safely: a listener that throws is logged and
 * the others still run. Thread-safe.
 *
 * @param <E> the event type
 */
public final class Listeners<E> {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
  private static final Listeners<?> NONE = new Listeners<>(List.of());

  private final List<EventListener<? super E>> listeners;

  private Listeners(List<EventListener<? super E>> listeners) {
    this.listeners = listeners;
  }

  /** Returns an empty list of listeners. */
  @SuppressWarnings("unchecked")
  public static <E> Listeners<E> none() {
    return (Listeners<E>) NONE;
  }

  /** Returns the listeners given, copied. */
  public static <E> Listeners<E> of(List<? extends EventListener<? super E>> listeners) {
    Objects.requireNonNull(listeners, "listeners");
    if (listeners.isEmpty()) {
      return none();
    }
    List<EventListener<? super E>> copy = new java.util.ArrayList<>(listeners.size());
    for (EventListener<? super E> listener : listeners) {
      copy.add(Objects.requireNonNull(listener, "listener"));
    }
    return new Listeners<E>(List.copyOf(copy));
  }

  /** Returns a copy with {@code listener} added at the end. */
  public Listeners<E> with(EventListener<? super E> listener) {
    Objects.requireNonNull(listener, "listener");
    java.util.ArrayList<EventListener<? super E>> copy = new java.util.ArrayList<>(listeners);
    copy.add(listener);
    return new Listeners<E>(List.copyOf(copy));
  }

  /** Returns whether there are no listeners, so callers can skip building an event. */
  public boolean isEmpty() {
    return listeners.isEmpty();
  }

  /**
   * Delivers {@code event} to every listener in order; a listener's exception is logged, not
   * thrown.
   */
  public void publish(E event) {
    for (EventListener<? super E> listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException | LinkageError e) {
        LOG.warn("event listener {} failed on {}", listener, event, e);
      }
    }
  }
}
