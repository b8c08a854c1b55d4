package dev.tdeveloper.cost.allocation;

import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The parts of an allocation in columns: a handful of arrays instead of an object per line, so a
 * month of 10,000 tenants (some 600,000 lines) is cheap to hold and for the collector to move.
 * Filled once by one allocation run, then only read; safely published through the final field of
 * the {@link Allocation} that owns it.
 */
final class PartTable {
  private static final CostLineKind[] KINDS = CostLineKind.values();

  private byte[] kind = new byte[64];
  private int[] tenant = new int[64]; // the tenant's number in the index, -1 for none
  // Reference columns in chunks, never humongous (see RefColumn): sized with the others.
  private final RefColumn<Asset> asset = new RefColumn<>();
  private final RefColumn<BigDecimal> quantity = new RefColumn<>();
  private long[] units = new long[64]; // the amount in units of 10^-scale ...
  private byte[] scale = new byte[64];
  private BigDecimal[] big; // ... unless it did not fit: then here (created on first need)
  private final RefColumn<String> rule = new RefColumn<>();
  private final RefColumn<Part.Basis> basis = new RefColumn<>();
  private int size;
  // Running totals, kept as each part is added: one tenant lookup per part, while the part's
  // asset's tenants are still in cache, instead of a second pass over 600,000 parts. Tenants are
  // numbered, so their totals are an array, not a map of objects.
  private final TenantIndex tenants = new TenantIndex();

  PartTable() {
    asset.ensure(kind.length);
    quantity.ensure(kind.length);
    rule.ensure(kind.length);
    basis.ensure(kind.length);
  }

  private ExactSum[] tenantSums = new ExactSum[16];
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
    int n = tenant[size - 1];
    (n >= 0 ? tenantSums[n] : k == CostLineKind.IDLE ? idle : unallocated).add(money);
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
      reserve(Math.max(size, 64));
    }
    int n = t == null ? -1 : number(t);
    kind[size] = (byte) k.ordinal();
    tenant[size] = n;
    asset.set(size, a);
    quantity.set(size, q);
    units[size] = amountUnits;
    scale[size] = (byte) amountScale;
    rule.set(size, code);
    basis.set(size, b);
    ExactSum service = services.get(a.service());
    if (service == null) {
      service = new ExactSum();
      services.put(a.service(), service);
    }
    service.addUnits(amountUnits, amountScale);
    ExactSum total = n >= 0 ? tenantSums[n] : k == CostLineKind.IDLE ? idle : unallocated;
    total.addUnits(amountUnits, amountScale);
    size++;
  }

  /**
   * Makes room for {@code more} parts beyond those added, at once: a caller that knows how many
   * parts are coming spares the table the copies (and the collector the garbage) of doubling.
   */
  void reserve(int more) {
    int n = size + more;
    if (n <= kind.length) {
      return;
    }
    kind = Arrays.copyOf(kind, n);
    tenant = Arrays.copyOf(tenant, n);
    asset.ensure(n);
    quantity.ensure(n);
    units = Arrays.copyOf(units, n);
    scale = Arrays.copyOf(scale, n);
    if (big != null) {
      big = Arrays.copyOf(big, n);
    }
    rule.ensure(n);
    basis.ensure(n);
  }

  /** The tenant's number, with a sum, given both on its first part. */
  private int number(TenantId t) {
    int n = tenants.add(t);
    if (n == tenantSums.length) {
      tenantSums = Arrays.copyOf(tenantSums, n * 2);
    }
    if (tenantSums[n] == null) {
      tenantSums[n] = new ExactSum();
    }
    return n;
  }

  int size() {
    return size;
  }

  CostLineKind kind(int i) {
    return KINDS[kind[i]];
  }

  /** The tenant of a part; null on IDLE and UNALLOCATED parts. */
  TenantId tenant(int i) {
    return tenant[i] < 0 ? null : tenants.tenant(tenant[i]);
  }

  Asset asset(int i) {
    return asset.get(i);
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
    return new Part(
        kind(i), tenant(i), asset.get(i), quantity.get(i), amount(i), rule.get(i), basis.get(i));
  }

  /** Each tenant's running sum, before any shared line when read between the two passes. */
  Map<TenantId, BigDecimal> tenantSums() {
    Map<TenantId, BigDecimal> out = new HashMap<>(tenants.size() * 2);
    for (int n = 0; n < tenants.size(); n++) {
      out.put(tenants.tenant(n), tenantSums[n].value());
    }
    return out;
  }

  /** The tenants with at least one part, numbered: {@code 0 .. tenants().size() - 1}. */
  TenantIndex tenants() {
    return tenants;
  }

  /** The sum of the parts of tenant number {@code n}. */
  ExactSum tenantSum(int n) {
    return tenantSums[n];
  }

  /**
   * The parts of every tenant, grouped by tenant number in one counting sort: the parts of tenant
   * {@code n} are {@code lines[offsets[n]] .. lines[offsets[n + 1] - 1]}, in table order.
   *
   * @return {@code {offsets, lines}}
   */
  int[][] partsByTenant() {
    int[] offsets = new int[tenants.size() + 1];
    for (int i = 0; i < size; i++) {
      if (tenant[i] >= 0) {
        offsets[tenant[i] + 1]++;
      }
    }
    for (int n = 0; n < tenants.size(); n++) {
      offsets[n + 1] += offsets[n];
    }
    int[] next = Arrays.copyOf(offsets, tenants.size());
    int[] lines = new int[offsets[tenants.size()]];
    for (int i = 0; i < size; i++) {
      if (tenant[i] >= 0) {
        lines[next[tenant[i]]++] = i;
      }
    }
    return new int[][] {offsets, lines};
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
}
