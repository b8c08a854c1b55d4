package dev.tdeveloper.benchmarks.load;

import dev.tdeveloper.tenancy.testkit.servers.LocalRedis;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * Injects the fault phase's faults: once the load starts ({@link #started}, the first call only),
 * the first fault begins {@code lead} later and each next one {@code spacing} after the previous
 * one's action returned, and the {@link AckedWriter} runs until {@link #close()}. Each fault is
 * marked on the {@link FaultTimeline} from when it begins to when its action returns: Redis stopped
 * and started, PostgreSQL restarted, or the demo killed with SIGKILL and started again on the same
 * port, data directory and backends (as a supervisor would, at once). The load goes on until {@link
 * #settled()}: every fault injected and {@code spacing} passed since the last. Thread-safe; one run
 * only.
 */
final class FaultInjector implements LoadObserver, AutoCloseable {
  /**
   * How to start the demo again after a kill.
   *
   * @param dataDir its data directory
   * @param out where its logs go ({@code demo-faults-<n>.log})
   * @param extraArgs its backend options
   * @param env its added environment
   */
  record Restart(Path dataDir, Path out, List<String> extraArgs, Map<String, String> env) {}

  private final List<Fault> faults;
  private final Duration lead;
  private final Duration spacing;
  private final double writeRate;
  private final List<String> writerTenants;
  private final Optional<LocalRedis> redis;
  private final Optional<PostgresControl> postgres;
  private final Restart restart;
  private final FaultTimeline timeline;
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile DemoProcess demo;
  private volatile AckedWriter writer;
  private volatile long lastEnd;
  private int restarts;

  FaultInjector(
      FaultRun.Settings settings,
      List<String> writerTenants,
      Optional<LocalRedis> redis,
      Optional<PostgresControl> postgres,
      DemoProcess demo,
      Restart restart,
      FaultTimeline timeline) {
    this.faults = settings.faults();
    this.lead = settings.lead();
    this.spacing = settings.spacing();
    this.writeRate = settings.writeRate();
    this.writerTenants = List.copyOf(writerTenants);
    this.redis = redis;
    this.postgres = postgres;
    this.demo = demo;
    this.restart = restart;
    this.timeline = timeline;
  }

  @Override
  public synchronized void started(int port) {
    if (writer != null) {
      return;
    }
    writer = new AckedWriter(port, writerTenants, writeRate, timeline);
    long t0 = timeline.now();
    Thread thread = new Thread(() -> inject(t0), "fault-injector");
    thread.setDaemon(true);
    thread.start();
  }

  private void inject(long t0) {
    try {
      long at = t0 + lead.toNanos();
      for (int k = 0; k < faults.size(); k++) {
        for (long wait = at - timeline.now(); wait > 0; wait = at - timeline.now()) {
          LockSupport.parkNanos(wait); // the schedule, not a wait for a condition
        }
        Fault fault = faults.get(k);
        long start = timeline.now();
        Optional<String> error = Optional.empty();
        try {
          act(fault);
        } catch (IOException | RuntimeException e) {
          error = Optional.of(e.toString());
        }
        long end = timeline.now();
        timeline.marked(new FaultTimeline.Mark(fault, start, end, error));
        at = end + spacing.toNanos();
        lastEnd = end;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      done.countDown();
    }
  }

  private void act(Fault fault) throws IOException, InterruptedException {
    switch (fault) {
      case REDIS_RESTART -> {
        LocalRedis server = redis.orElseThrow(() -> new IllegalStateException("no Redis"));
        server.stop();
        server.start();
      }
      case POSTGRES_RESTART ->
          postgres.orElseThrow(() -> new IllegalStateException("no PostgreSQL")).restart();
      case DEMO_KILL -> {
        int port = demo.port();
        demo.close(); // Process.destroyForcibly: SIGKILL on Linux
        restarts++;
        demo =
            DemoProcess.start(
                restart.dataDir(),
                restart.out().resolve("demo-faults-" + restarts + ".log"),
                port,
                List.of(),
                restart.extraArgs(),
                restart.env());
      }
    }
  }

  /** Returns whether every fault was injected and {@code spacing} has passed since the last. */
  boolean settled() {
    return done.getCount() == 0 && timeline.now() - lastEnd >= spacing.toNanos();
  }

  /** Returns the writer, once the load has started. */
  AckedWriter writer() {
    if (writer == null) {
      throw new IllegalStateException("the load has not started");
    }
    return writer;
  }

  /** Returns the demo running now (a new process after each kill). */
  DemoProcess demo() {
    return demo;
  }

  /** Stops the writer (waiting for its writes in flight) and kills the demo running now. */
  @Override
  public void close() throws InterruptedException {
    try {
      if (writer != null) {
        writer.close();
      }
    } finally {
      demo.close();
    }
  }

  /** Stops the writer, waiting for its writes in flight; the demo keeps running. */
  void stopWriting() throws InterruptedException {
    if (writer != null) {
      writer.close();
    }
  }
}
