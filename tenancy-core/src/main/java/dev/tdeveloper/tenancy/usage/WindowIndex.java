package dev.tdeveloper.tenancy.usage;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The windows of every tenant and meter, indexed by (tenant, meter) then window start, with two
 * queues ordered by grace end: windows still open (to seal them when their grace ends) and sealed
 * windows (to evict them once they are older than the retention). Both cost a peek when nothing is
 * due.
 *
 * <p>Thread-safe.
 */
final class WindowIndex {
  private final ConcurrentHashMap<SeriesKey, ConcurrentSkipListMap<Instant, WindowState>> series =
      new ConcurrentHashMap<>();
  private final PriorityBlockingQueue<WindowState> open =
      new PriorityBlockingQueue<>(64, Comparator.comparing((WindowState w) -> w.graceEnd));
  private final PriorityBlockingQueue<WindowState> sealed =
      new PriorityBlockingQueue<>(64, Comparator.comparing((WindowState w) -> w.graceEnd));
  private final ReentrantLock closing = new ReentrantLock();

  /**
   * Returns the window of {@code tenant}'s {@code meter} starting at {@code start}, creating it.
   */
  WindowState getOrCreate(TenantId tenant, MeterDefinition meter, Instant start) {
    ConcurrentSkipListMap<Instant, WindowState> windows =
        series.computeIfAbsent(
            new SeriesKey(tenant, meter.name()), k -> new ConcurrentSkipListMap<>());
    WindowState window = windows.get(start);
    if (window == null) {
      WindowState created = new WindowState(tenant, meter, start);
      window = windows.putIfAbsent(start, created);
      if (window == null) {
        open.add(created);
        window = created;
      }
    }
    return window;
  }

  /** Returns the window, or null if it was never created. */
  WindowState get(TenantId tenant, String meter, Instant start) {
    ConcurrentSkipListMap<Instant, WindowState> windows = series.get(new SeriesKey(tenant, meter));
    return windows == null ? null : windows.get(start);
  }

  /** Returns the windows of one series starting in {@code [from, to)}, oldest first. */
  List<WindowState> range(TenantId tenant, String meter, Instant from, Instant to) {
    ConcurrentSkipListMap<Instant, WindowState> windows = series.get(new SeriesKey(tenant, meter));
    return windows == null ? List.of() : List.copyOf(windows.subMap(from, to).values());
  }

  /** Returns the windows of every series starting in {@code [from, to)}, by tenant and meter. */
  List<WindowState> allInRange(Instant from, Instant to) {
    List<WindowState> result = new ArrayList<>();
    series.keySet().stream()
        .sorted()
        .forEach(key -> result.addAll(series.get(key).subMap(from, to).values()));
    return result;
  }

  /**
   * Seals every window whose grace end is at or before {@code now} and that has no append in flight
   * (those stay queued for a later call), then evicts sealed windows whose grace end is before
   * {@code evictBefore}. Skips the work if another thread is doing it.
   *
   * @return the final aggregates of the windows this call sealed
   */
  List<WindowAggregate> closeExpired(Instant now, Instant evictBefore) {
    WindowState nextOpen = open.peek();
    WindowState nextSealed = sealed.peek();
    boolean due =
        (nextOpen != null && !now.isBefore(nextOpen.graceEnd))
            || (nextSealed != null && nextSealed.graceEnd.isBefore(evictBefore));
    if (!due || !closing.tryLock()) {
      return List.of();
    }
    List<WindowState> busy = new ArrayList<>();
    List<WindowAggregate> closed = new ArrayList<>();
    try {
      for (WindowState head = open.peek();
          head != null && !now.isBefore(head.graceEnd);
          head = open.peek()) {
        WindowState window = open.poll();
        if (window.trySeal(now)) {
          closed.add(window.snapshot(now));
          sealed.add(window);
        } else if (!window.isSealed()) {
          busy.add(window);
        }
      }
      open.addAll(busy);
      for (WindowState head = sealed.peek();
          head != null && head.graceEnd.isBefore(evictBefore);
          head = sealed.peek()) {
        WindowState window = sealed.poll();
        series.get(new SeriesKey(window.tenant, window.meter.name())).remove(window.start, window);
      }
    } finally {
      closing.unlock();
    }
    return closed;
  }

  /** Identifies one tenant's series of windows of one meter. */
  private record SeriesKey(TenantId tenant, String meter) implements Comparable<SeriesKey> {
    @Override
    public int compareTo(SeriesKey other) {
      int byTenant = tenant.compareTo(other.tenant);
      return byTenant != 0 ? byTenant : meter.compareTo(other.meter);
    }
  }
}
