package dev.tdeveloper.cost.allocation;

import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One asset's charged usage summed per tenant: an open-addressing table of parallel arrays (keys,
 * {@code long} units at the first value's scale, a {@link BigDecimal} only for a sum that leaves
 * that representation). A few contiguous arrays per asset instead of a node and a sum object per
 * tenant keep the day's working set small at 10,000 tenants, where the allocator's cost per record
 * is mostly cache misses. Confined to the thread running the allocation.
 */
final class TenantSums {
  private TenantId[] keys = new TenantId[16];
  // Each key's hash, compared before the key itself: probing past another tenant's slot then
  // reads this array only, never that tenant's object (a cache miss at 10,000 tenants).
  private int[] hashes = new int[16];
  private long[] units = new long[16];
  private BigDecimal[] big; // per slot, created when a sum needs it
  private int scale = -1;
  private int size;

  /** Adds a positive quantity to a tenant's sum. */
  void add(TenantId tenant, BigDecimal q) {
    int h = tenant.hashCode();
    int slot = slot(tenant, h);
    if (keys[slot] == null) {
      if ((size + 1) * 4 > keys.length * 3) {
        grow();
        slot = slot(tenant, h);
      }
      keys[slot] = tenant;
      hashes[slot] = h;
      size++;
    }
    if (scale < 0 && q.scale() >= 0 && q.scale() <= 18) {
      scale = q.scale();
    }
    if ((big == null || big[slot] == null) && q.scale() == scale && q.precision() <= 18) {
      long u = q.movePointRight(scale).longValue();
      long sum = units[slot] + u;
      if (((units[slot] ^ sum) & (u ^ sum)) >= 0) { // no overflow
        units[slot] = sum;
        return;
      }
    }
    if (big == null) {
      big = new BigDecimal[keys.length];
    }
    big[slot] = value(slot).add(q);
    units[slot] = 0;
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
    List<TenantId> out = new ArrayList<>(size);
    for (TenantId k : keys) {
      if (k != null) {
        out.add(k);
      }
    }
    return out;
  }

  /** A tenant's sum; zero when it has none. */
  BigDecimal get(TenantId tenant) {
    int slot = slot(tenant, tenant.hashCode());
    return keys[slot] == null ? BigDecimal.ZERO : value(slot);
  }

  /** Drops every sum (the table's memory with it). */
  void clear() {
    keys = new TenantId[1];
    hashes = new int[1];
    units = new long[1];
    big = null;
    size = 0;
  }

  private BigDecimal value(int slot) {
    if (big != null && big[slot] != null) {
      return big[slot];
    }
    return BigDecimal.valueOf(units[slot], Math.max(scale, 0));
  }

  /** The slot holding {@code tenant}, or the empty slot where it goes (linear probing). */
  private int slot(TenantId tenant, int h) {
    int mask = keys.length - 1;
    int i = (h ^ (h >>> 16)) & mask;
    while (keys[i] != null && keys[i] != tenant && (hashes[i] != h || !keys[i].equals(tenant))) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    TenantId[] oldKeys = keys;
    int[] oldHashes = hashes;
    long[] oldUnits = units;
    BigDecimal[] oldBig = big;
    keys = new TenantId[oldKeys.length * 2];
    hashes = new int[keys.length];
    units = new long[keys.length];
    big = oldBig == null ? null : new BigDecimal[keys.length];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        int slot = slot(oldKeys[i], oldHashes[i]);
        keys[slot] = oldKeys[i];
        hashes[slot] = oldHashes[i];
        units[slot] = oldUnits[i];
        if (oldBig != null) {
          big[slot] = oldBig[i];
        }
      }
    }
  }

  @Override
  public String toString() {
    return "TenantSums[" + size + " tenants in " + keys.length + " slots]";
  }
}
