package dev.tdeveloper.benchmarks.observability;

import dev.tdeveloper.demo.dashboard.TrafficCounter;
import dev.tdeveloper.observability.micrometer.MeteredRateLimiter;
import dev.tdeveloper.observability.micrometer.TdeveloperMetrics;
import dev.tdeveloper.security.ratelimit.Bandwidth;
import dev.tdeveloper.security.ratelimit.RateLimitDecision;
import dev.tdeveloper.security.ratelimit.RateLimitEvent;
import dev.tdeveloper.security.ratelimit.RateLimitKey;
import dev.tdeveloper.security.ratelimit.RateLimitPolicy;
import dev.tdeveloper.security.ratelimit.RateLimiter;
import dev.tdeveloper.security.shield.BlockReason;
import dev.tdeveloper.security.shield.Dimension;
import dev.tdeveloper.security.shield.ShieldEvent;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.event.QuotaEvent;
import dev.tdeveloper.tenancy.event.QuotaExhaustedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The per-request counters of the demo's chain, one request's worth each, over 8 tenants in turn,
 * single-threaded: {@code meteredDecision} is {@link MeteredRateLimiter}'s counting around a
 * limiter that answers at once (the decision itself is not measured), {@code deniedEvent} the
 * bridge's {@code tdeveloper.ratelimit.denied} listener, {@code trafficRecord} the dashboard's
 * {@link TrafficCounter}, {@code shieldBlocked} the bridge's shield listener on a heavy-hitter
 * block (tenants, and one client address in four), {@code quotaExhausted} its quota listener on a
 * refusal. Run with {@code -prof gc} for B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TenantCountersBenchmark {
  private static final int TENANTS = 8;

  private final RateLimitKey[] keys = new RateLimitKey[TENANTS];
  private final RateLimitEvent.Denied[] denials = new RateLimitEvent.Denied[TENANTS];
  private final TenantId[] tenants = new TenantId[TENANTS];
  private RateLimiter<RateLimitKey> metered;
  private final ShieldEvent.Blocked[] blocks = new ShieldEvent.Blocked[TENANTS];
  private final QuotaExhaustedEvent[] refusals = new QuotaExhaustedEvent[TENANTS];
  private EventListener<Object> deniedListener;
  private EventListener<Object> shieldListener;
  private EventListener<QuotaEvent> quotaListener;
  private TrafficCounter traffic;
  private int next;

  @Setup
  public void setUp() {
    TdeveloperMetrics metrics = TdeveloperMetrics.builder(new SimpleMeterRegistry()).build();
    metered = MeteredRateLimiter.wrap(new Answering(), metrics);
    deniedListener = metrics.rateLimitListener();
    shieldListener = metrics.shieldListener();
    quotaListener = metrics.quotaListener();
    traffic = new TrafficCounter(InstantSource.system());
    for (int i = 0; i < TENANTS; i++) {
      tenants[i] = TenantId.of("tenant-" + i);
      keys[i] = new RateLimitKey(tenants[i], Optional.empty());
      denials[i] = new RateLimitEvent.Denied(keys[i], "free", 1, 1_000_000L);
      blocks[i] =
          (i & 3) == 3
              ? new ShieldEvent.Blocked(
                  BlockReason.DENY_LISTED,
                  Dimension.CLIENT_IP,
                  "10.0.0." + i,
                  403,
                  Optional.empty())
              : new ShieldEvent.Blocked(
                  BlockReason.HEAVY_HITTER,
                  Dimension.TENANT,
                  tenants[i].value(),
                  429,
                  Optional.of(Duration.ofSeconds(1)));
      Instant at = Instant.parse("2026-12-07T00:00:00Z");
      refusals[i] = new QuotaExhaustedEvent(tenants[i], "notes", 1, 100, 100, at, at);
    }
  }

  private int nextIndex() {
    next = (next + 1) & (TENANTS - 1);
    return next;
  }

  @Benchmark
  public RateLimitDecision meteredDecision() {
    return metered.tryAcquire(keys[nextIndex()], 1);
  }

  @Benchmark
  public void deniedEvent() {
    deniedListener.onEvent(denials[nextIndex()]);
  }

  @Benchmark
  public void trafficRecord() {
    traffic.record(tenants[nextIndex()], 200);
  }

  @Benchmark
  public void shieldBlocked() {
    shieldListener.onEvent(blocks[nextIndex()]);
  }

  @Benchmark
  public void quotaExhausted() {
    quotaListener.onEvent(refusals[nextIndex()]);
  }

  /** A limiter that allows three requests in four at once, without state. */
  private static final class Answering implements RateLimiter<RateLimitKey> {
    private static final RateLimitPolicy POLICY =
        RateLimitPolicy.of("free", Bandwidth.simple(100, Duration.ofSeconds(1)));
    private static final RateLimitDecision ALLOWED = new RateLimitDecision.Allowed(100, 50, 1);
    private static final RateLimitDecision DENIED = new RateLimitDecision.Denied(100, 0, 1, 1);
    private int calls;

    @Override
    public RateLimitDecision tryAcquire(RateLimitKey key, long permits) {
      return (++calls & 3) == 0 ? DENIED : ALLOWED;
    }

    @Override
    public boolean tryConsume(RateLimitKey key, long permits) {
      return tryAcquire(key, permits).isAllowed();
    }

    @Override
    public RateLimitDecision acquire(RateLimitKey key, long permits, Duration maxWait) {
      return tryAcquire(key, permits);
    }

    @Override
    public RateLimitPolicy policyFor(RateLimitKey key) {
      return POLICY;
    }

    @Override
    public int refreshPolicies() {
      return 0;
    }

    @Override
    public long estimatedKeys() {
      return 0;
    }

    @Override
    public void cleanUp() {
      // no state
    }
  }
}
