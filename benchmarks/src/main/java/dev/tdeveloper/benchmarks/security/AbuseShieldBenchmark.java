package dev.tdeveloper.benchmarks.security;

import dev.tdeveloper.security.shield.AbuseShield;
import dev.tdeveloper.security.shield.AdaptiveConcurrencyLimit;
import dev.tdeveloper.security.shield.Dimension;
import dev.tdeveloper.security.shield.HeavyHitterConfig;
import dev.tdeveloper.security.shield.IpAddress;
import dev.tdeveloper.security.shield.IpRangeSet;
import dev.tdeveloper.security.shield.ShieldDecision;
import dev.tdeveloper.security.shield.ShieldRequest;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The cost the abuse shield adds to a request that passes, as a servlet filter pays it: one {@link
 * AbuseShield#check} and the release of its concurrency permit. The shield is configured as in
 * production — allow and deny lists of a few CIDR blocks, heavy-hitter detection with bans by
 * client IP, tenant and API key, and an adaptive concurrency limit — and requests cycle over 10,000
 * client IPs, 100 tenants and 1,000 API keys. Thresholds are far above what one thread can send, so
 * every request passes: a blocked request fails the benchmark. {@code baselineNothing} does the
 * same loop's request selection only (building the {@link ShieldRequest}, as the filter does); the
 * shield's overhead is the difference (the goal is at most 200 ns).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
public class AbuseShieldBenchmark {
  private static final int IPS = 10_000;
  private static final int TENANTS = 100;
  private static final int API_KEYS = 1_000;

  /**
   * Counters per time bucket of the IP and API key detectors: {@code 1024} (the default: fewer than
   * the 10,000 IPs, so nearly every IP event replaces a counter — the worst case of Space-Saving)
   * or {@code 16384} (enough to track every active key, so events only increment counters).
   */
  @Param({"1024", "16384"})
  public int counters;

  private IpAddress[] ips;
  private TenantId[] tenants;
  private String[] apiKeys;
  private AbuseShield shield;
  private int next;

  @Setup
  public void setUp() {
    ips = new IpAddress[IPS];
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < IPS; i++) {
      // Public addresses in 20.0.0.0/8 and 45.0.0.0/8: on neither list, so every check runs.
      ips[i] = IpAddress.ofIpv4(((i % 2 == 0 ? 20 : 45) << 24) | random.nextInt(1 << 24));
    }
    tenants = new TenantId[TENANTS];
    for (int i = 0; i < TENANTS; i++) {
      tenants[i] = TenantId.of("tenant-" + i);
    }
    apiKeys = new String[API_KEYS];
    for (int i = 0; i < API_KEYS; i++) {
      apiKeys[i] = ShieldRequest.fingerprint("secret-api-key-" + i);
    }
    Duration minute = Duration.ofMinutes(1);
    shield =
        AbuseShield.builder()
            .allowList(IpRangeSet.of("10.0.0.0/8", "192.168.0.0/16", "2001:db8:1::/48"))
            .denyList(
                IpRangeSet.of("203.0.113.0/24", "198.51.100.0/24", "192.0.2.0/24", "100.64.0.0/10"))
            .heavyHitters(
                Dimension.CLIENT_IP,
                HeavyHitterConfig.of(100_000_000, minute).withCapacity(counters))
            .heavyHitters(Dimension.TENANT, HeavyHitterConfig.of(1_000_000_000, minute))
            .heavyHitters(
                Dimension.API_KEY,
                HeavyHitterConfig.of(1_000_000_000, minute).withCapacity(counters))
            .concurrencyLimit(
                AdaptiveConcurrencyLimit.builder().initialLimit(100).maxLimit(1000).build())
            .build();
  }

  /** Builds the next request as a filter does, cycling over the IPs, tenants and API keys. */
  private ShieldRequest nextRequest() {
    int i = next;
    next = i == IPS * TENANTS * API_KEYS - 1 ? 0 : i + 1;
    return ShieldRequest.of(
        ips[i % IPS], tenants[i % TENANTS], apiKeys[(int) ((i * 7L) % API_KEYS)]);
  }

  /** Checks a request and releases its permit as a success. */
  @Benchmark
  public ShieldDecision tdeveloperShieldCheckAndRelease() {
    ShieldDecision decision = shield.check(nextRequest());
    if (!(decision instanceof ShieldDecision.Pass pass)) {
      throw new IllegalStateException("the benchmark measures passing requests, got " + decision);
    }
    pass.permit().onSuccess();
    return decision;
  }

  /** Selects the request only: the loop without the shield. */
  @Benchmark
  public ShieldRequest baselineNothing() {
    return nextRequest();
  }
}
