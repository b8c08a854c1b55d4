package dev.tdeveloper.tenancy.event;

/**
 * Receives the events a component publishes; registered on the component's builder. Listeners are
 * called synchronously on the thread that caused the event, so they should be quick (hand heavy
 * work to an executor). A listener that throws is logged and skipped: it never breaks the operation
 * that emitted the event, nor other listeners.
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface EventListener<E> {
  /** Receives one event. */
  void onEvent(E event);
}
