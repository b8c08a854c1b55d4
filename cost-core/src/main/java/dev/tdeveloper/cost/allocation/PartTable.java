package dev.tdeveloper.cost.allocation;

import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

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
  private long[] units = new long[64]; // the amount in units of 10^-scale ...
  private byte[] scale = new byte[64];
  private BigDecimal[] big; // ... unless it did not fit: then here (created on first need)
  private String[] rule = new String[64];
  private Part.Basis[] basis = new Part.Basis[64];
  private int size;
  // Running totals, kept as each part is added: one tenant lookup per part, while the part's
  // asset's tenants are still in cache, instead of a second pass over 600,000 parts.
  private final Map<TenantId, Tally> tallies = new HashMap<>();
  private final Map<String, ExactSum> services = new HashMap<>();
  private final ExactSum idle = new ExactSum();
  private final ExactSum unallocated = new ExactSum();

  void add(
      CostLineKind k,
      TenantId t,
      Asset a,
      BigDecimal q,
      BigDecimal money,
      String code,
      Part.Basis b) {
    if (money.scale() >= 0 && money.scale() <= Byte.MAX_VALUE && money.precision() <= 18) {
      add(k, t, a, q, money.unscaledValue().longValueExact(), money.scale(), code, b);
      return;
    }
    add(k, t, a, q, 0, 0, code, b);
    if (big == null) {
      big = new BigDecimal[kind.length];
    }
    big[size - 1] = money;
    services.get(a.service()).add(money);
    (t != null ? tallies.get(t).sum : k == CostLineKind.IDLE ? idle : unallocated).add(money);
  }

  void add(
      CostLineKind k,
      TenantId t,
      Asset a,
      BigDecimal q,
      long amountUnits,
      int amountScale,
      String code,
      Part.Basis b) {
    if (size == kind.length) {
      int n = size * 2;
      kind = Arrays.copyOf(kind, n);
      tenant = Arrays.copyOf(tenant, n);
      asset = Arrays.copyOf(asset, n);
      quantity = Arrays.copyOf(quantity, n);
      units = Arrays.copyOf(units, n);
      scale = Arrays.copyOf(scale, n);
      if (big != null) {
        big = Arrays.copyOf(big, n);
      }
      rule = Arrays.copyOf(rule, n);
      basis = Arrays.copyOf(basis, n);
    }
    kind[size] = (byte) k.ordinal();
    tenant[size] = t;
    asset[size] = a;
    quantity[size] = q;
    units[size] = amountUnits;
    scale[size] = (byte) amountScale;
    rule[size] = code;
    basis[size] = b;
    ExactSum service = services.get(a.service());
    if (service == null) {
      service = new ExactSum();
      services.put(a.service(), service);
    }
    service.addUnits(amountUnits, amountScale);
    ExactSum total = t != null ? tally(t).add(size) : k == CostLineKind.IDLE ? idle : unallocated;
    total.addUnits(amountUnits, amountScale);
    size++;
  }

  private Tally tally(TenantId t) {
    Tally tally = tallies.get(t);
    if (tally == null) {
      tally = new Tally();
      tallies.put(t, tally);
    }
    return tally;
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
    return big != null && big[i] != null ? big[i] : BigDecimal.valueOf(units[i], scale[i]);
  }

  /** Adds a part's amount to a running sum, without building it. */
  void addAmountTo(int i, ExactSum sum) {
    if (big != null && big[i] != null) {
      sum.add(big[i]);
    } else {
      sum.addUnits(units[i], scale[i]);
    }
  }

  Part part(int i) {
    return new Part(kind(i), tenant[i], asset[i], quantity[i], amount(i), rule[i], basis[i]);
  }

  /** Each tenant's running sum, before any shared line when read between the two passes. */
  Map<TenantId, BigDecimal> tenantSums() {
    Map<TenantId, BigDecimal> out = new HashMap<>(tallies.size() * 2);
    tallies.forEach((t, tally) -> out.put(t, tally.sum.value()));
    return out;
  }

  /** The tenants with at least one line. */
  Set<TenantId> tenants() {
    return tallies.keySet();
  }

  Map<TenantId, Tally> tallies() {
    return tallies;
  }

  Map<String, ExactSum> services() {
    return services;
  }

  ExactSum idle() {
    return idle;
  }

  ExactSum unallocated() {
    return unallocated;
  }

  /** One tenant's sum and line indexes. */
  static final class Tally {
    final ExactSum sum = new ExactSum();
    private int[] lines = new int[4];
    private int count;

    ExactSum add(int line) {
      if (count == lines.length) {
        lines = Arrays.copyOf(lines, count * 2);
      }
      lines[count++] = line;
      return sum;
    }

    int[] lines() {
      return Arrays.copyOf(lines, count);
    }
  }
}
