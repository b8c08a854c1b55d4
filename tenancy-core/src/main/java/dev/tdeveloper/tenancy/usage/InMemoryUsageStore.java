package dev.tdeveloper.tenancy.usage;

import dev.tdeveloper.tenancy.spi.UsageStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@link UsageStore} that keeps events in memory: fast, and lost when the process exits. For
 * tests, and for services whose usage is only informative; bill from a durable store such as {@link
 * dev.tdeveloper.tenancy.usage.file.FileUsageStore}.
 *
 * <p>Thread-safe; {@link #replay} works on a snapshot taken when it starts.
 */
public final class InMemoryUsageStore implements UsageStore {
  private final List<UsageEvent> events = new ArrayList<>();
  private boolean closed;

  /** Creates an empty store. */
  public InMemoryUsageStore() {}

  @Override
  public void append(UsageEvent event) {
    Objects.requireNonNull(event, "event");
    synchronized (events) {
      requireOpen();
      events.add(event);
    }
  }

  @Override
  public void replay(Consumer<? super UsageEvent> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    List<UsageEvent> snapshot;
    synchronized (events) {
      requireOpen();
      snapshot = List.copyOf(events);
    }
    snapshot.forEach(consumer);
  }

  /** Returns how many events are stored. */
  public int size() {
    synchronized (events) {
      return events.size();
    }
  }

  @Override
  public void close() {
    synchronized (events) {
      closed = true;
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("usage store is closed");
    }
  }
}
