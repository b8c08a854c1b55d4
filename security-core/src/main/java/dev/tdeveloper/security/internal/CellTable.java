package dev.tdeveloper.security.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/**
 * The keyed store of GCRA cells: a segmented, linear-probing hash table whose lookups are lock-free
 * and allocation-free; inserts, removals and growth take the segment's lock. A cell whose buckets
 * are all full carries no information (a new cell would behave the same), so it can be dropped at
 * any time: a full segment first sweeps such cells, then grows, and only at {@code maxKeys} forgets
 * the cell with the least debt among a small sample. Memory is therefore bounded by {@code maxKeys}
 * whatever keys arrive. Thread-safe.
 */
final class CellTable {
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Cell[].class);
  private static final int SEGMENT_BITS = 6;
  private static final int INITIAL_SLOTS = 16;
  private static final int EVICTION_SAMPLE = 16;

  private final Segment[] segments = new Segment[1 << SEGMENT_BITS];
  private final int maxSlotsPerSegment;
  private final int maxKeysPerSegment;

  CellTable(int maxKeys) {
    int perSegment = Math.max(4, (maxKeys + segments.length - 1) / segments.length);
    this.maxKeysPerSegment = perSegment;
    int slots = Integer.highestOneBit(perSegment * 4 / 3 + 1) << 1;
    this.maxSlotsPerSegment = Math.max(INITIAL_SLOTS, slots);
    for (int i = 0; i < segments.length; i++) {
      segments[i] = new Segment(Math.min(INITIAL_SLOTS, maxSlotsPerSegment));
    }
  }

  static int spread(Object key) {
    return key.hashCode() * 0x9E3779B1;
  }

  private Segment segmentFor(int hash) {
    return segments[hash >>> (32 - SEGMENT_BITS)];
  }

  private static int home(int hash, int mask) {
    return (hash ^ (hash >>> 16)) & mask;
  }

  /** Returns the live or dead cell of {@code key}, or null; lock-free. */
  Cell find(Object key, int hash) {
    Cell[] slots = segmentFor(hash).slots;
    int mask = slots.length - 1;
    for (int i = home(hash, mask); ; i = (i + 1) & mask) {
      Cell c = (Cell) SLOT.getAcquire(slots, i);
      if (c == null) {
        return null;
      }
      if (c.hash == hash && (c.key == key || c.key.equals(key))) {
        return c;
      }
    }
  }

  /**
   * Returns the live cell of {@code key}, creating it with {@code policy} under the segment lock
   * when absent or dead.
   */
  Cell findOrCreate(Object key, int hash, CompiledPolicy policy, long now) {
    Segment segment = segmentFor(hash);
    synchronized (segment) {
      Cell[] slots = segment.slots;
      int mask = slots.length - 1;
      int i = home(hash, mask);
      for (Cell c; (c = slots[i]) != null; i = (i + 1) & mask) {
        if (c.hash == hash && c.key.equals(key)) {
          if (c.tat(0) != Cell.DEAD) {
            return c;
          }
          Cell fresh = Cell.create(key, hash, policy);
          SLOT.setRelease(slots, i, fresh);
          return fresh;
        }
      }
      segment.makeRoom(now);
      Cell fresh = Cell.create(key, hash, policy);
      segment.insert(fresh);
      return fresh;
    }
  }

  /** Replaces {@code old} (already dead) by {@code replacement} of the same key, under the lock. */
  void replace(Cell old, Cell replacement) {
    Segment segment = segmentFor(old.hash);
    synchronized (segment) {
      Cell[] slots = segment.slots;
      int mask = slots.length - 1;
      for (int i = home(old.hash, mask); slots[i] != null; i = (i + 1) & mask) {
        if (slots[i] == old) {
          SLOT.setRelease(slots, i, replacement);
          return;
        }
      }
    }
  }

  /**
   * Moves the live {@code cell} to policy {@code next} under its segment's lock, carrying its
   * consumed permits over ({@link Gcra#convert}); does nothing if the cell died or already holds
   * {@code next}. The caller looks the key up again afterwards (the cell may have been replaced).
   */
  void convert(Cell cell, CompiledPolicy next, long now) {
    synchronized (segmentFor(cell.hash)) {
      CompiledPolicy old = cell.policy;
      if (cell.tat(0) != Cell.DEAD && !old.sameAs(next)) {
        Gcra.convert(this, cell, old, next, now);
      }
    }
  }

  /** Drops every cell without debt; returns how many were dropped. */
  int sweep(long now) {
    int dropped = 0;
    for (Segment s : segments) {
      synchronized (s) {
        dropped += s.sweep(now);
      }
    }
    return dropped;
  }

  /** Visits every live cell under its segment's lock. */
  void forEachLocked(Consumer<Cell> visitor) {
    for (Segment s : segments) {
      synchronized (s) {
        for (Cell c : s.slots) {
          if (c != null && c.tat(0) != Cell.DEAD) {
            visitor.accept(c);
          }
        }
      }
    }
  }

  /** Returns the number of cells held, live or awaiting a sweep. */
  long size() {
    long size = 0;
    for (Segment s : segments) {
      synchronized (s) {
        size += s.size;
      }
    }
    return size;
  }

  private final class Segment {
    volatile Cell[] slots;
    int size;
    int cursor;

    Segment(int capacity) {
      slots = new Cell[capacity];
    }

    /** Ensures one more cell fits: sweep, then grow, then (at the cap) evict from a sample. */
    void makeRoom(long now) {
      if (size < maxKeysPerSegment && (size + 1) * 4 <= slots.length * 3) {
        return;
      }
      sweep(now);
      if ((size + 1) * 4 <= slots.length * 3 && size < maxKeysPerSegment) {
        return;
      }
      if (slots.length < maxSlotsPerSegment) {
        resize(slots.length * 2);
        return;
      }
      while (size >= maxKeysPerSegment || (size + 1) * 4 > slots.length * 3) {
        evictOne(now);
      }
    }

    void insert(Cell cell) {
      Cell[] t = slots;
      int mask = t.length - 1;
      int i = home(cell.hash, mask);
      while (t[i] != null) {
        i = (i + 1) & mask;
      }
      SLOT.setRelease(t, i, cell);
      size++;
    }

    int sweep(long now) {
      Cell[] t = slots;
      int mask = t.length - 1;
      int start = 0;
      while (start < t.length && t[start] != null) {
        start++;
      }
      int dropped = 0;
      for (int n = 0; n < t.length; n++) {
        int i = (start + n) & mask;
        Cell c;
        while ((c = t[i]) != null && (c.tat(0) == Cell.DEAD || c.kill(now, false))) {
          removeAt(t, i);
          dropped++;
        }
      }
      return dropped;
    }

    private void evictOne(long now) {
      Cell[] t = slots;
      int mask = t.length - 1;
      int victim = -1;
      long least = Long.MAX_VALUE;
      for (int n = 0; n < EVICTION_SAMPLE * 4 && victim < 0 || n < EVICTION_SAMPLE; n++) {
        int i = (cursor + n) & mask;
        Cell c = t[i];
        if (c != null) {
          long debt = c.debt(now);
          if (debt < least) {
            least = debt;
            victim = i;
          }
        }
      }
      cursor = (cursor + EVICTION_SAMPLE) & mask;
      if (victim >= 0) {
        t[victim].kill(now, true);
        removeAt(t, victim);
      }
    }

    /**
     * Backward-shift deletion: lock-free readers may miss a moving cell and retry under the lock.
     */
    private void removeAt(Cell[] t, int hole) {
      int mask = t.length - 1;
      int i = hole;
      for (int j = (i + 1) & mask; t[j] != null; j = (j + 1) & mask) {
        int k = home(t[j].hash, mask);
        boolean stays = i <= j ? (i < k && k <= j) : (i < k || k <= j);
        if (!stays) {
          SLOT.setRelease(t, i, t[j]);
          i = j;
        }
      }
      SLOT.setRelease(t, i, null);
      size--;
    }

    private void resize(int capacity) {
      Cell[] old = slots;
      Cell[] t = new Cell[capacity];
      int mask = capacity - 1;
      for (Cell c : old) {
        if (c != null) {
          int i = home(c.hash, mask);
          while (t[i] != null) {
            i = (i + 1) & mask;
          }
          t[i] = c;
        }
      }
      slots = t;
    }
  }
}
