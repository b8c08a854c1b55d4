package dev.tdeveloper.benchmarks.security;

import dev.tdeveloper.security.shield.AbuseShield;
import dev.tdeveloper.security.shield.Dimension;
import dev.tdeveloper.security.shield.HeavyHitterConfig;
import dev.tdeveloper.security.shield.HeavyHitterDetector;
import dev.tdeveloper.security.shield.IpAddress;
import dev.tdeveloper.security.shield.ShieldDecision;
import dev.tdeveloper.security.shield.ShieldRequest;
import java.time.Duration;
import java.util.SplittableRandom;
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
 * The heavy-hitter detector under eight threads and a skewed key mix, with a window of 60 ms in six
 * buckets so the bucket changes every 10 ms (in production every 10 s): the percentiles of {@link
 * Mode#SampleTime} show what a call pays when it meets a bucket change (the first caller of each
 * stripe after the boundary rotates the ring; before issue 17 under the stripe's lock).
 *
 * <p>Half the events come from 8 heavy client IPs, half from 10,000 light ones. The threshold is
 * far above what the heavy keys reach, so nothing is banned. {@code shieldCheck} goes through
 * {@link AbuseShield#check} with only the client-IP dimension configured (the detector's shortcut,
 * as the demo's requests take it); {@code detectorRecord} calls {@link HeavyHitterDetector#record}
 * (the exact count).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(8)
public class HeavyHitterBenchmark {
  private static final int HEAVY = 8;
  private static final int LIGHT = 10_000;

  private IpAddress[] heavy;
  private IpAddress[] light;
  private AbuseShield shield;
  private HeavyHitterDetector<IpAddress> detector;

  /** Each thread's own random key picker. */
  @State(Scope.Thread)
  public static class Picker {
    private final SplittableRandom random = new SplittableRandom();

    IpAddress next(HeavyHitterBenchmark b) {
      int r = random.nextInt(2 * LIGHT);
      return r < LIGHT ? b.heavy[r & (HEAVY - 1)] : b.light[r - LIGHT];
    }
  }

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    heavy = new IpAddress[HEAVY];
    for (int i = 0; i < HEAVY; i++) {
      heavy[i] = IpAddress.ofIpv4((20 << 24) | random.nextInt(1 << 24));
    }
    light = new IpAddress[LIGHT];
    for (int i = 0; i < LIGHT; i++) {
      light[i] = IpAddress.ofIpv4((45 << 24) | random.nextInt(1 << 24));
    }
    HeavyHitterConfig config = HeavyHitterConfig.of(1_000_000_000, Duration.ofMillis(60));
    shield = AbuseShield.builder().heavyHitters(Dimension.CLIENT_IP, config).build();
    detector = HeavyHitterDetector.create(config, System::nanoTime);
  }

  /** One request through the shield: the detector's shortcut. */
  @Benchmark
  public ShieldDecision shieldCheck(Picker picker) {
    ShieldDecision decision = shield.check(ShieldRequest.of(picker.next(this)));
    if (!(decision instanceof ShieldDecision.Pass)) {
      throw new IllegalStateException("the benchmark measures passing requests, got " + decision);
    }
    return decision;
  }

  /** One event through the detector's exact count. */
  @Benchmark
  public long detectorRecord(Picker picker) {
    return detector.record(picker.next(this));
  }
}
