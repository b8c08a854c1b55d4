package dev.tdeveloper.benchmarks.distribution;

import dev.tdeveloper.distribution.clock.HlcTimestamp;
import dev.tdeveloper.distribution.lag.ReplicationLagMonitor;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.replication.Change;
import dev.tdeveloper.distribution.replication.ReplicationMessage;
import dev.tdeveloper.tenancy.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The replication lag monitor as the demo drives it, on eight threads: seven request threads record
 * note writes of 100 tenants from one origin to four receivers ({@code onPublished}, one message
 * per call, messages built as the channel returns them), while an applier marks the latest message
 * applied in one receiver and evaluates the SLOs every millisecond (the demo does it once a second,
 * over a second's backlog). The score of {@code publish} is what a request thread pays, waits for
 * the monitor included.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LagMonitorBenchmark {
  private static final RegionId ORIGIN = RegionId.of("eu-west-1");
  private static final List<RegionId> RECEIVERS =
      List.of(
          RegionId.of("ap-south-1"),
          RegionId.of("eu-central-1"),
          RegionId.of("us-east-1"),
          RegionId.of("us-west-2"));
  private static final int TENANTS = 100;

  private final AtomicLong sequence = new AtomicLong();
  private ReplicationLagMonitor monitor;
  private Optional<TenantId>[] tenants;
  private Set<RegionId> targets;

  @Setup
  @SuppressWarnings("unchecked")
  public void setUp() {
    monitor = ReplicationLagMonitor.builder().build();
    tenants = new Optional[TENANTS];
    for (int i = 0; i < TENANTS; i++) {
      tenants[i] = Optional.of(TenantId.of("tenant-" + i));
    }
    targets = Set.copyOf(RECEIVERS);
  }

  /** Records one published note write of a random tenant, stamped now. */
  @Benchmark
  @Group("demo")
  @GroupThreads(7)
  public ReplicationMessage publish() {
    ReplicationMessage message =
        new ReplicationMessage(
            sequence.incrementAndGet(),
            new Change(
                ORIGIN,
                targets,
                tenants[ThreadLocalRandom.current().nextInt(TENANTS)],
                "notes/t",
                new HlcTimestamp(System.currentTimeMillis(), 0),
                new byte[0]));
    monitor.onPublished(message);
    return message;
  }

  /** Marks everything published so far applied in each receiver, evaluates, waits 1 ms. */
  @Benchmark
  @Group("demo")
  @GroupThreads(1)
  public void applyEveryMillisecond() {
    long upTo = sequence.get();
    if (upTo > 0) {
      ReplicationMessage last =
          new ReplicationMessage(
              upTo,
              new Change(
                  ORIGIN,
                  targets,
                  tenants[0],
                  "notes/t",
                  new HlcTimestamp(System.currentTimeMillis(), 0),
                  new byte[0]));
      for (RegionId receiver : RECEIVERS) {
        monitor.onApplied(receiver, last);
      }
    }
    monitor.evaluate();
    LockSupport.parkNanos(1_000_000);
  }
}
