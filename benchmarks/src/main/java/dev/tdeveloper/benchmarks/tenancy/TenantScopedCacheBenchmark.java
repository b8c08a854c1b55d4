package dev.tdeveloper.benchmarks.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.cache.TenantCache;
import dev.tdeveloper.tenancy.cache.TenantScopedCache;
import dev.tdeveloper.tenancy.context.TenantContext;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of a cache hit in {@link TenantScopedCache} against a raw Caffeine hit on a cache of the
 * same size and contents; the goal is at most 1.2x the raw cost. Methods starting with {@code
 * tdeveloper} measure the SDK, the others are baselines.
 *
 * <p>Average time per operation in nanoseconds (a hit is a few tens of nanoseconds, so the ratio
 * reads directly), on one thread. Both caches hold the same {@value #KEYS} keys under the same
 * per-tenant bound, cycled through by an index so lookups are not constant-folded; the tenant cache
 * also holds {@value #OTHER_TENANTS} other tenants so its tenant map is not trivially one entry.
 * Values are consumed as plain references ({@code orElse(null)}), as a caller would unwrap the
 * {@code Optional}; run with {@code -prof gc} to check that no allocation remains per hit.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class TenantScopedCacheBenchmark {
  static final int KEYS = 1024;
  static final int OTHER_TENANTS = 15;
  private static final int MASK = KEYS - 1;
  private static final long MAXIMUM_PER_TENANT = 4 * KEYS;

  private final String[] keys = new String[KEYS];
  private TenantId tenant;
  private TenantScopedCache<String, String> tenantCache;
  private TenantCache<String, String> view;
  private Cache<String, String> rawCache;
  private TenantContext.Scope scope;
  private int index;

  /** Builds and fills both caches. */
  @Setup(Level.Trial)
  public void fill() {
    tenant = TenantId.of("tenant-0");
    tenantCache = TenantScopedCache.builder().maximumEntriesPerTenant(MAXIMUM_PER_TENANT).build();
    rawCache = Caffeine.newBuilder().maximumSize(MAXIMUM_PER_TENANT).build();
    for (int i = 0; i < KEYS; i++) {
      keys[i] = "key-" + i;
      String value = "value-" + i;
      rawCache.put(keys[i], value);
      tenantCache.put(tenant, keys[i], value);
      for (int t = 1; t <= OTHER_TENANTS; t++) {
        tenantCache.put(TenantId.of("tenant-" + t), keys[i], value);
      }
    }
    tenantCache.cleanUp();
    rawCache.cleanUp();
    view = tenantCache.forTenant(tenant);
  }

  /** Binds the tenant on the benchmark thread (thread-scoped state: JMH runs this on it). */
  @Setup(Level.Iteration)
  public void bind() {
    scope = TenantContext.open(tenant);
  }

  /** Restores the benchmark thread's binding. */
  @TearDown(Level.Iteration)
  public void unbind() {
    scope.close();
  }

  /** Hit with the tenant passed explicitly. */
  @Benchmark
  public String tdeveloperGetExplicitTenant() {
    return tenantCache.getIfPresent(tenant, keys[index++ & MASK]).orElse(null);
  }

  /** Hit for the tenant bound to the current thread. */
  @Benchmark
  public String tdeveloperGetCurrentTenant() {
    return tenantCache.getIfPresent(keys[index++ & MASK]).orElse(null);
  }

  /** Hit through the tenant's view, obtained once as a request handler would. */
  @Benchmark
  public String tdeveloperGetViaTenantView() {
    return view.getIfPresent(keys[index++ & MASK]).orElse(null);
  }

  /** Baseline: a hit on a raw Caffeine cache of the same size. */
  @Benchmark
  public String caffeineRawGet() {
    return rawCache.getIfPresent(keys[index++ & MASK]);
  }
}
