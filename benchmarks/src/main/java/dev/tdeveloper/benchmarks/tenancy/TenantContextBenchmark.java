package dev.tdeveloper.benchmarks.tenancy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.slf4j.MDC;

/**
 * The cost of binding a tenant to the current thread for one unit of work, as every request and
 * every wrapped task pays it: {@link TenantContext#run} with a preallocated task, a
 * try-with-resources {@link TenantContext#open} scope, and the floor any such binding costs, a raw
 * {@link ThreadLocal} set/remove plus the MDC put/remove. Each variant reads the bound tenant once
 * inside the binding, and returns it so the work cannot be eliminated.
 *
 * <p>The module logs through slf4j-nop, whose MDC does nothing, so the numbers compare the
 * thread-local part; with Logback or Log4j 2 both sides pay the same extra MDC map cost.
 *
 * <p>JMH state: one instance per benchmark thread; not shared.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class TenantContextBenchmark {
  private static final ThreadLocal<TenantId> BASELINE = new ThreadLocal<>();

  private TenantId tenant;
  private TenantId observed;
  private Runnable readBound;

  /** Creates the tenant and the task once, so the measured calls allocate nothing of their own. */
  @Setup
  public void setUp() {
    tenant = TenantId.of("acme");
    readBound = () -> observed = TenantContext.require();
  }

  /** {@code TenantContext.run(tenant, task)} with a task allocated once. */
  @Benchmark
  public TenantId tdeveloperRunBound() {
    TenantContext.run(tenant, readBound);
    return observed;
  }

  /** A try-with-resources {@code TenantContext.open(tenant)} scope. */
  @Benchmark
  public TenantId tdeveloperOpenClose() {
    try (TenantContext.Scope scope = TenantContext.open(tenant)) {
      return TenantContext.require();
    }
  }

  /** The floor: a raw ThreadLocal set/get/remove and MDC put/remove, with no nesting support. */
  @Benchmark
  public TenantId threadLocalSetRemove() {
    BASELINE.set(tenant);
    MDC.put(TenantContext.MDC_KEY, tenant.value());
    try {
      return BASELINE.get();
    } finally {
      MDC.remove(TenantContext.MDC_KEY);
      BASELINE.remove();
    }
  }
}
