package dev.tdeveloper.cost.allocation;

import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One asset's charged usage summed per tenant: an open-addressing table of {@code long} pairs, each
 * slot holding the key's hash with the tenant's number, and beside it the tenant's sum in units of
 * the first value's scale; the tenants themselves sit in a dense array by number, read only when
 * the hashes match, and a {@link BigDecimal} is kept only for a sum that leaves the {@code long}
 * representation. A probe and the sum it finds thus share a cache line, and a table of 50 tenants
 * takes 64 slots (filled up to 4/5), not 128: the day's working set stays small at 10,000 tenants,
 * where the allocator's cost per record is mostly cache misses. Confined to the thread running the
 * allocation.
 */
final class TenantSums {
  private static final long EMPTY = 0; // a slot's first word is (hash << 32) | (number + 1)

  private long[] table = new long[2 * 16]; // slot i: table[2i] as above, table[2i + 1] the sum
  private TenantId[] keys = new TenantId[16]; // by number, in the order first added
  private BigDecimal[] big; // by number, created when a sum needs it
  private int scale = -1;
  private int size;

  /** Adds a positive quantity to a tenant's sum. */
  void add(TenantId tenant, BigDecimal q) {
    int h = tenant.hashCode();
    int slot = slot(tenant, h);
    int n;
    if (table[slot] == EMPTY) {
      if ((size + 1) * 5 > table.length * 2) { // more than 4/5 of table.length / 2 slots
        grow();
        slot = slot(tenant, h);
      }
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        big = big == null ? null : Arrays.copyOf(big, size * 2);
      }
      n = size++;
      keys[n] = tenant;
      table[slot] = ((long) h << 32) | (n + 1L);
    } else {
      n = (int) table[slot] - 1;
    }
    if (scale < 0 && q.scale() >= 0 && q.scale() <= 18) {
      scale = q.scale();
    }
    if ((big == null || big[n] == null) && q.scale() == scale && q.precision() <= 18) {
      long u = q.movePointRight(scale).longValue();
      long old = table[slot + 1];
      long sum = old + u;
      if (((old ^ sum) & (u ^ sum)) >= 0) { // no overflow
        table[slot + 1] = sum;
        return;
      }
    }
    if (big == null) {
      big = new BigDecimal[keys.length];
    }
    big[n] = value(slot, n).add(q);
    table[slot + 1] = 0;
  }

  /** The number of tenants with a sum. */
  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The tenants with a sum, in no particular order. */
  List<TenantId> tenants() {
    return new ArrayList<>(Arrays.asList(keys).subList(0, size));
  }

  /** A tenant's sum; zero when it has none. */
  BigDecimal get(TenantId tenant) {
    int slot = slot(tenant, tenant.hashCode());
    return table[slot] == EMPTY ? BigDecimal.ZERO : value(slot, (int) table[slot] - 1);
  }

  /**
   * The scale every sum is counted at in {@link #units}, or -1 when some sum is kept as a {@link
   * BigDecimal} (or there is none).
   */
  int unitScale() {
    return big == null ? scale : -1;
  }

  /** A tenant's sum in units of {@code 10^-unitScale()}; 0 when it has none. */
  long units(TenantId tenant) {
    int slot = slot(tenant, tenant.hashCode());
    return table[slot] == EMPTY ? 0 : table[slot + 1];
  }

  /** Drops every sum (the table's memory with it). */
  void clear() {
    table = new long[2];
    keys = new TenantId[1];
    big = null;
    size = 0;
  }

  private BigDecimal value(int slot, int n) {
    if (big != null && big[n] != null) {
      return big[n];
    }
    return BigDecimal.valueOf(table[slot + 1], Math.max(scale, 0));
  }

  /**
   * The index in {@code table} of the slot holding {@code tenant}, or of the empty slot where it
   * goes (linear probing).
   */
  private int slot(TenantId tenant, int h) {
    int mask = table.length / 2 - 1;
    int i = (h ^ (h >>> 16)) & mask;
    while (true) {
      long s = table[2 * i];
      if (s == EMPTY) {
        return 2 * i;
      }
      if ((int) (s >>> 32) == h) {
        TenantId k = keys[(int) s - 1];
        if (k == tenant || k.equals(tenant)) {
          return 2 * i;
        }
      }
      i = (i + 1) & mask;
    }
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != EMPTY) {
        int slot = slot(keys[(int) old[i] - 1], (int) (old[i] >>> 32));
        table[slot] = old[i];
        table[slot + 1] = old[i + 1];
      }
    }
  }

  @Override
  public String toString() {
    return "TenantSums[" + size + " tenants in " + table.length / 2 + " slots]";
  }
}
