package dev.tdeveloper.cost.allocation;

import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The parts of an allocation in columns: a handful of arrays instead of an object per line, so a
 * month of 10,000 tenants (some 600,000 lines) is cheap to hold and for the collector to move.
 * Filled once by one allocation run, then only read; safely published through the final field of
 * the {@link Allocation} that owns it.
 */
final class PartTable {
  private static final CostLineKind[] KINDS = CostLineKind.values();

  private byte[] kind = new byte[64];
  private TenantId[] tenant = new TenantId[64];
  private Asset[] asset = new Asset[64];
  private BigDecimal[] quantity = new BigDecimal[64];
  private BigDecimal[] amount = new BigDecimal[64];
  private String[] rule = new String[64];
  private Part.Basis[] basis = new Part.Basis[64];
  private int size;

  void add(
      CostLineKind k,
      TenantId t,
      Asset a,
      BigDecimal q,
      BigDecimal money,
      String code,
      Part.Basis b) {
    if (size == kind.length) {
      int n = size * 2;
      kind = Arrays.copyOf(kind, n);
      tenant = Arrays.copyOf(tenant, n);
      asset = Arrays.copyOf(asset, n);
      quantity = Arrays.copyOf(quantity, n);
      amount = Arrays.copyOf(amount, n);
      rule = Arrays.copyOf(rule, n);
      basis = Arrays.copyOf(basis, n);
    }
    kind[size] = (byte) k.ordinal();
    tenant[size] = t;
    asset[size] = a;
    quantity[size] = q;
    amount[size] = money;
    rule[size] = code;
    basis[size] = b;
    size++;
  }

  int size() {
    return size;
  }

  CostLineKind kind(int i) {
    return KINDS[kind[i]];
  }

  /** The tenant of a part; null on IDLE and UNALLOCATED parts. */
  TenantId tenant(int i) {
    return tenant[i];
  }

  Asset asset(int i) {
    return asset[i];
  }

  BigDecimal amount(int i) {
    return amount[i];
  }

  Part part(int i) {
    return new Part(kind(i), tenant[i], asset[i], quantity[i], amount[i], rule[i], basis[i]);
  }
}
