package dev.tdeveloper.benchmarks.tenancy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.tenancy.resolve.RequestView;
import dev.tdeveloper.tenancy.resolve.SubdomainTenantResolver;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of finding the tenant of a request from its {@code Host} ({@code acme.example.com:8080}) and
 * binding it for a trivial task. Methods named {@code tdeveloper*} use this SDK; {@code
 * naiveSubstringResolve} is the hand-written parse many services start with (no validation, no
 * base-domain check), so the difference is the price of validation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class TenantResolutionBenchmark {
  private final SubdomainTenantResolver resolver =
      SubdomainTenantResolver.of("example.com", "localhost");
  private final RequestView request = RequestView.builder().host("acme.example.com:8080").build();
  private Blackhole sink;
  private final Runnable task = () -> sink.consume(TenantContext.require());

  /** Resolves the host with validation, then runs a trivial task with the tenant bound. */
  @Benchmark
  public void tdeveloperResolveAndBind(Blackhole blackhole) {
    sink = blackhole;
    TenantId tenant = resolver.resolve(request).orElseThrow();
    TenantContext.run(tenant, task);
  }

  /** Resolves the host with validation only. */
  @Benchmark
  public TenantId tdeveloperResolveOnly() {
    return resolver.resolve(request).orElseThrow();
  }

  /** Baseline: {@code substring} up to the port and the first dot, no validation at all. */
  @Benchmark
  public String naiveSubstringResolve() {
    String host = request.host();
    int colon = host.indexOf(':');
    String name = colon < 0 ? host : host.substring(0, colon);
    int dot = name.indexOf('.');
    return dot < 0 ? null : name.substring(0, dot);
  }
}
