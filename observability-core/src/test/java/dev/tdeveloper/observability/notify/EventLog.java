package dev.tdeveloper.observability.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.event.EventListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Records delivery events and waits (up to 10 s) for them to arrive. */
final class EventLog implements EventListener<DeliveryEvent> {
  private final List<DeliveryEvent> events = new ArrayList<>();

  @Override
  public synchronized void onEvent(DeliveryEvent event) {
    events.add(event);
    notifyAll();
  }

  synchronized List<DeliveryEvent> all() {
    return List.copyOf(events);
  }

  <T extends DeliveryEvent> List<T> of(Class<T> type) {
    return all().stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Waits until {@code count} events of {@code type} arrived, and returns them. */
  synchronized <T extends DeliveryEvent> List<T> await(Class<T> type, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (of(type).size() < count) {
      long left = deadline - System.nanoTime();
      assertThat(left)
          .as("%d %s event(s) within 10 s: %s", count, type.getSimpleName(), events)
          .isPositive();
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return of(type);
  }
}
