package dev.tdeveloper.benchmarks.waf;

import dev.tdeveloper.benchmarks.waf.DemoMixRequests.MixRequest;
import dev.tdeveloper.security.waf.Waf;
import dev.tdeveloper.security.waf.WafMatch;
import dev.tdeveloper.security.waf.WafPolicy;
import dev.tdeveloper.security.waf.WafTransaction;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The WAF driven the way the demo drives it under {@code bin/chain-probe} (issue 12/17: the demo
 * paid about 4x {@link WafBenchmark}'s figure per request): the demo's site setup ({@code
 * /waf/demo-crs-setup.conf}) before the full CRS 3.3.4 at paranoia level 1, a tenant policy per
 * request built as the demo's {@code DemoWafPolicies} builds it (a new {@link WafPolicy} in the
 * tenant's namespace), the requests of {@code load/mix.lua} with wrk's headers, and phases 1 to 5
 * with the demo's JSON answer ({@link DemoMixRequests#run}). Per operation one request:
 *
 * <ul>
 *   <li>{@link #benignGet}: {@link WafBenchmark}'s benign GET, phases 1, 2 and 5, for reference;
 *   <li>{@link #noteGetOneTenant}: one {@code GET /notes/{id}} of one tenant named by header (so
 *       {@code Host: 127.0.0.1:8080}, which CRS 920350 scores 3), over and over;
 *   <li>{@link #noteGetOneTenantNamedHost}: the same of a tenant named by subdomain (no match);
 *   <li>{@link #noteGetTenants}: the same shape for each of the 100 tenants in turn;
 *   <li>{@link #mix}: 4,096 requests of the mix (attacks included) in turn.
 * </ul>
 *
 * <p>The setup fails when a benign request of the mix is interrupted or scored, or an attack
 * passes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class WafDemoMixBenchmark {
  private static final int MIX = 4096;

  /** CRS's "Host header is a numeric IP address". */
  private static final long NUMERIC_HOST = 920350;

  private Waf waf;
  private List<MixRequest> mix;
  private MixRequest[] noteGets;
  private int nextTenant;
  private int nextMix;

  @Setup
  public void setUp() throws IOException {
    waf = DemoMixRequests.demoWaf(true);
    mix = DemoMixRequests.draw(MIX, 42, true);
    noteGets = new MixRequest[DemoMixRequests.TENANTS];
    for (int n = 1; n <= noteGets.length; n++) {
      noteGets[n - 1] = DemoMixRequests.noteGet(n, "", "192.0.2." + n);
    }
    int blocked = 0;
    int numericHost = 0;
    for (MixRequest request : mix) {
      WafTransaction tx = run(request);
      boolean attack = request.clientIp().equals("203.0.113.66");
      // wrk names header tenants' requests to Host 127.0.0.1:port, which 920350 scores 3 (< 5)
      boolean onlyNumericHost = tx.matches().stream().allMatch(m -> m.ruleId() == NUMERIC_HOST);
      if (tx.matches().stream().anyMatch(WafMatch::isError)
          || attack == tx.interruption().isEmpty()
          || (!attack && !onlyNumericHost)) {
        throw new IllegalStateException(
            request.method()
                + " "
                + request.uri()
                + ": unexpected "
                + tx.interruption()
                + " "
                + tx.matches());
      }
      blocked += attack ? 1 : 0;
      numericHost += !attack && !tx.matches().isEmpty() ? 1 : 0;
    }
    System.out.printf(
        "%nmix: %d requests, %d attacks blocked, %d benign ones scored by %d%n",
        mix.size(), blocked, numericHost, NUMERIC_HOST);
  }

  private WafTransaction run(MixRequest request) {
    return DemoMixRequests.run(waf, WafPolicy.defaults(request.tenant()), request);
  }

  /** {@link WafBenchmark}'s benign GET (phases 1, 2, 5, no tenant policy), for reference. */
  @Benchmark
  public WafTransaction benignGet() {
    return WafRequests.run(waf, WafRequests.BENIGN_GET);
  }

  /** One tenant's {@code GET /notes/{id}} named by header (Host 127.0.0.1), phases 1-5. */
  @Benchmark
  public WafTransaction noteGetOneTenant() {
    return run(noteGets[0]);
  }

  /** One tenant's {@code GET /notes/{id}} named by subdomain (no match), phases 1-5. */
  @Benchmark
  public WafTransaction noteGetOneTenantNamedHost() {
    return run(noteGets[1]);
  }

  /** {@code GET /notes/{id}} of each tenant in turn, phases 1-5. */
  @Benchmark
  public WafTransaction noteGetTenants() {
    int i = nextTenant;
    nextTenant = i + 1 == noteGets.length ? 0 : i + 1;
    return run(noteGets[i]);
  }

  /** The mix's requests in turn, phases 1-5 (or up to the interruption, then 5). */
  @Benchmark
  public WafTransaction mix() {
    int i = nextMix;
    nextMix = i + 1 == MIX ? 0 : i + 1;
    return run(mix.get(i));
  }
}
