package dev.tdeveloper.cost.allocation;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Arrays;

/**
 * Numbers tenants densely, 0, 1, 2... in the order first seen, so that per-tenant data can live in
 * flat arrays indexed by that number instead of in a map of objects (a map's node, value and the
 * value's fields are each a cache miss at 10,000 tenants). An open-addressing table: each slot
 * packs the key's hash and its number into one {@code long}, so a probe reads one array and the key
 * itself only when the hashes match. Filled by one allocation run, then only read (the {@link
 * Allocation} that owns it publishes it safely).
 */
final class TenantIndex {
  private static final long EMPTY = 0; // a slot holds (hash << 32) | (number + 1)

  private long[] slots = new long[64];
  private TenantId[] keys = new TenantId[64]; // by slot
  private TenantId[] byNumber = new TenantId[32];
  private int size;

  /** The tenant's number, given it now when it has none. */
  int add(TenantId tenant) {
    int h = tenant.hashCode();
    int slot = slot(tenant, h);
    if (slots[slot] != EMPTY) {
      return (int) slots[slot] - 1;
    }
    if ((size + 1) * 2 > slots.length) {
      grow();
      slot = slot(tenant, h);
    }
    if (size == byNumber.length) {
      byNumber = Arrays.copyOf(byNumber, size * 2);
    }
    slots[slot] = ((long) h << 32) | (size + 1L);
    keys[slot] = tenant;
    byNumber[size] = tenant;
    return size++;
  }

  /** The tenant's number, or -1 when it has none. */
  int get(TenantId tenant) {
    int slot = slot(tenant, tenant.hashCode());
    return slots[slot] == EMPTY ? -1 : (int) slots[slot] - 1;
  }

  /** The tenant numbered {@code number}. */
  TenantId tenant(int number) {
    return byNumber[number];
  }

  /** How many tenants have a number: they are {@code 0 .. size() - 1}. */
  int size() {
    return size;
  }

  /** The slot holding {@code tenant}, or the empty slot where it goes (linear probing). */
  private int slot(TenantId tenant, int h) {
    int mask = slots.length - 1;
    int i = (h ^ (h >>> 16)) & mask;
    while (slots[i] != EMPTY) {
      if ((int) (slots[i] >>> 32) == h && (keys[i] == tenant || keys[i].equals(tenant))) {
        return i;
      }
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] oldSlots = slots;
    TenantId[] oldKeys = keys;
    slots = new long[oldSlots.length * 2];
    keys = new TenantId[slots.length];
    for (int i = 0; i < oldSlots.length; i++) {
      if (oldSlots[i] != EMPTY) {
        int slot = slot(oldKeys[i], (int) (oldSlots[i] >>> 32));
        slots[slot] = oldSlots[i];
        keys[slot] = oldKeys[i];
      }
    }
  }

  @Override
  public String toString() {
    return "TenantIndex[" + size + " tenants in " + slots.length + " slots]";
  }
}
