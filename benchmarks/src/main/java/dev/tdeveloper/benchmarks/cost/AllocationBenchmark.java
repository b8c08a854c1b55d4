package dev.tdeveloper.benchmarks.cost;

import dev.tdeveloper.cost.allocation.Allocation;
import dev.tdeveloper.cost.allocation.CostAllocator;
import dev.tdeveloper.cost.allocation.CostLine;
import dev.tdeveloper.cost.allocation.IdleSharing;
import dev.tdeveloper.cost.allocation.SharedSplit;
import dev.tdeveloper.cost.usage.UsageRecord;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One full {@link CostAllocator#allocate} of a month of hourly usage per operation: {@code tenants}
 * tenants on a generated {@link Fleet} (a node per {@value Fleet#TENANTS_PER_NODE} tenants per day,
 * plus a shared platform asset), {@code tenants * days * 24} usage records (720,000 at 1k tenants,
 * 7,200,000 at 10k). The cost per usage record is the score divided by the records: {@code
 * ns/record = ms/op * 1e6 / (tenants * days * 24)}; the goal is that it grows by at most 1.2x from
 * 1k to 10k tenants.
 *
 * <p>{@code tdeveloperProportional} shares idle and the platform cost proportionally (the common
 * case), {@code tdeveloperEven} shares idle evenly and the platform cost uniformly; both produce
 * every explained line ({@code tenants * days} usage and idle-share lines each, plus one shared
 * line per tenant). The floor, {@code hashMapFloor}, sums every record's charged quantity into a
 * {@link HashMap} keyed by (asset, tenant) with {@link BigDecimal}: what any exact allocation must
 * at least do.
 *
 * <p>The forks run with a pre-touched 8 GiB heap (the 10k case holds about 1 GiB of records):
 * without it, the 1k case, whose allocations fit in an eden that is rarely collected, measures the
 * kernel zeroing fresh pages on first touch instead of the allocator. At 10k tenants the result
 * (about 610,000 explained lines) outlives young collections, so the score includes copying it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(jvmArgsAppend = {"-Xms8g", "-Xmx8g", "-XX:+AlwaysPreTouch"})
public class AllocationBenchmark {
  /** The number of tenants; the smoke test shrinks it. */
  @Param({"1000", "10000"})
  public int tenants;

  /** The days of hourly records. */
  @Param("30")
  public int days;

  private Fleet fleet;
  private CostAllocator proportional;
  private CostAllocator even;

  @Setup(Level.Trial)
  public void setUp() {
    fleet = Fleet.generate(tenants, days, 42);
    proportional =
        CostAllocator.builder()
            .idleSharing(IdleSharing.PROPORTIONAL)
            .sharedSplit(SharedSplit.PROPORTIONAL)
            .sharedAssets(Fleet.PLATFORM)
            .build();
    even =
        CostAllocator.builder()
            .idleSharing(IdleSharing.EVEN)
            .sharedSplit(SharedSplit.UNIFORM)
            .sharedAssets(Fleet.PLATFORM)
            .build();
    // The allocations measured must be whole and exact, or the numbers mean nothing.
    for (CostAllocator allocator : new CostAllocator[] {proportional, even}) {
      Allocation a = allocator.allocate(fleet.assets(), fleet.usage());
      a.reconcile();
      if (!a.idle().isZero() || a.tenantTotals().size() != tenants) {
        throw new IllegalStateException("unexpected allocation: " + a);
      }
    }
  }

  /** Idle shared proportionally to usage, the platform cost proportionally to allocated cost. */
  @Benchmark
  public Allocation tdeveloperProportional() {
    return proportional.allocate(fleet.assets(), fleet.usage());
  }

  /** Idle shared evenly among each node's tenants, the platform cost uniformly. */
  @Benchmark
  public Allocation tdeveloperEven() {
    return even.allocate(fleet.assets(), fleet.usage());
  }

  /**
   * The proportional allocation with every line then read, sentence included: what a full FOCUS
   * export or report of the month pays on top of {@link #tdeveloperProportional}.
   */
  @Benchmark
  public long tdeveloperProportionalRead() {
    long chars = 0;
    for (CostLine line : proportional.allocate(fleet.assets(), fleet.usage()).lines()) {
      chars += line.explanation().length();
    }
    return chars;
  }

  /** The floor: every record's charged quantity summed by (asset, tenant). */
  @Benchmark
  public Map<AssetTenant, BigDecimal> hashMapFloor() {
    Map<AssetTenant, BigDecimal> sums = new HashMap<>();
    for (UsageRecord r : fleet.usage()) {
      sums.merge(new AssetTenant(r.assetId(), r.tenant()), r.chargedQuantity(), BigDecimal::add);
    }
    return sums;
  }

  /**
   * The floor's key.
   *
   * @param assetId the asset
   * @param tenant the tenant
   */
  public record AssetTenant(String assetId, TenantId tenant) {}
}
