package dev.tdeveloper.demo.notes;

import dev.tdeveloper.tenancy.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A durable change log in memory, for tests: each tenant's changes in a list whose index is the
 * position; {@link #truncateBefore} drops a tenant's changes below a position. Thread-safe.
 */
final class MemoryChangeLog implements NoteChangeLog {
  private final Map<TenantId, List<Change>> changes = new HashMap<>();
  private final Map<TenantId, Long> start = new HashMap<>();

  @Override
  public synchronized void put(TenantId tenant, long id, byte[] record) {
    of(tenant).add(new Change(id, Optional.of(record.clone())));
  }

  @Override
  public synchronized void delete(TenantId tenant, long id) {
    of(tenant).add(new Change(id, Optional.empty()));
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public synchronized long position(TenantId tenant) {
    return of(tenant).size();
  }

  @Override
  public synchronized void replay(TenantId tenant, long from, Consumer<Change> consumer) {
    if (from < start.getOrDefault(tenant, 0L)) {
      throw new IllegalStateException("truncated past " + from);
    }
    List<Change> list = of(tenant);
    for (long i = from; i < list.size(); i++) {
      consumer.accept(list.get((int) i));
    }
  }

  synchronized void truncateBefore(TenantId tenant, long position) {
    start.put(tenant, position);
  }

  private List<Change> of(TenantId tenant) {
    return changes.computeIfAbsent(tenant, t -> new ArrayList<>());
  }
}
