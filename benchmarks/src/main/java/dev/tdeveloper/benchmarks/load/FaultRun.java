package dev.tdeveloper.benchmarks.load;

import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalRedis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * The load test's fault phase (issue 17, point 4), run apart from the measured runs so their
 * latencies stay clean: the demo on Redis and PostgreSQL (a {@link LocalRedis} and a {@link
 * LocalPostgres} started here) with the {@link Roster} provisioned, under the constant-rate mix
 * plus an {@link AckedWriter}, while a {@link FaultInjector} restarts Redis, restarts PostgreSQL
 * and kills and restarts the demo; then the {@link FaultAnalysis} (failures, error budget against
 * 99.99%, time to first and to sustained service per fault) and the {@link LostWrites} check, and
 * the reports {@code fault-report.json} and {@code fault-report.html} ({@link FaultReport}). Not
 * thread-safe.
 */
public final class FaultRun {
  /** How long answers must keep coming without a failure for a fault to count as recovered. */
  public static final Duration SUSTAIN = Duration.ofSeconds(1);

  /**
   * The load runs as generator runs of this length, one starting every such span until the faults
   * are over (a run's length is fixed when it starts).
   */
  private static final Duration SEGMENT = Duration.ofSeconds(2);

  /**
   * The phase's settings.
   *
   * @param rate the load's requests per second
   * @param lead load before the first fault
   * @param spacing load from one fault's action returning to the next fault, and after the last
   * @param faults the faults, in order
   * @param maxInFlight the load's outstanding requests at most
   * @param writeRate the {@link AckedWriter}'s notes per second
   * @param out where the data directory, logs and reports go
   * @param seed the mix's seed
   */
  public record Settings(
      double rate,
      Duration lead,
      Duration spacing,
      List<Fault> faults,
      int maxInFlight,
      double writeRate,
      Path out,
      long seed) {
    /** Validates the settings. */
    public Settings {
      faults = List.copyOf(faults);
      Objects.requireNonNull(out, "out");
      if (faults.isEmpty()) {
        throw new IllegalArgumentException(
            "faults must name at least one of " + List.of(Fault.values()));
      }
      if (lead.isNegative() || lead.isZero() || spacing.compareTo(SUSTAIN.multipliedBy(2)) < 0) {
        throw new IllegalArgumentException(
            "lead must be positive and spacing at least "
                + SUSTAIN.multipliedBy(2)
                + ", were "
                + lead
                + " and "
                + spacing);
      }
      if (!(rate > 0) || !(writeRate > 0)) {
        throw new IllegalArgumentException(
            "rate and writeRate must be positive, were " + rate + " and " + writeRate);
      }
    }

    /** Returns how long the load may run at most: the shortest run plus 5 minutes per fault. */
    public Duration limit() {
      return lead.plus(spacing.plus(Duration.ofMinutes(5)).multipliedBy(faults.size()));
    }
  }

  /**
   * The phase's outcome.
   *
   * @param summary availability, error budget and each fault's figures
   * @param lost the lost-write check
   * @param writesSent notes the writer sent
   * @param report the JSON report's model
   */
  public record Result(
      FaultAnalysis.Summary summary,
      LostWrites.Result lost,
      long writesSent,
      Map<String, Object> report) {}

  private FaultRun() {}

  /** Runs the phase and writes its reports into {@code settings.out()}. */
  public static Result run(Settings settings) throws IOException, InterruptedException {
    Roster roster = Roster.standard();
    Path data = settings.out().resolve("data-faults");
    Files.createDirectories(settings.out());
    deleteRecursively(data);
    FaultTimeline timeline = new FaultTimeline(roster.tenants().size(), System::nanoTime);
    List<String> writerTenants =
        roster.tenants().stream()
            .filter(t -> t.plan().equals("enterprise") && t.role() == LoadTenant.Role.NORMAL)
            .map(LoadTenant::id)
            .limit(5)
            .toList();
    try (Backends backends = Backends.start()) {
      List<String> args = backends.args();
      Map<String, String> env = backends.env();
      DemoProcess demo =
          DemoProcess.start(
              data, settings.out().resolve("demo-faults-0.log"), 0, List.of(), args, env);
      try (FaultInjector injector =
          new FaultInjector(
              settings,
              writerTenants,
              backends.redis(),
              backends.postgres(),
              demo,
              new FaultInjector.Restart(data, settings.out(), args, env),
              timeline)) {
        progress("demo " + backends + " started on port " + demo.port() + "; provisioning");
        demo.provision(roster);
        progress(
            "driving it at " + settings.rate() + " requests/s with faults " + settings.faults());
        long start = timeline.now();
        drive(settings, roster, demo, timeline, injector, start);
        long end = timeline.now();
        injector.stopWriting();
        FaultAnalysis.Summary summary =
            FaultAnalysis.analyse(timeline.events(), timeline.marks(), end, SUSTAIN);
        progress("load done; reading every acknowledged write back");
        LostWrites.Result lost =
            LostWrites.check(
                injector.demo().port(), roster, injector.writer().acknowledged(), timeline);
        Map<String, Object> model =
            FaultReport.model(
                settings,
                backends.toString(),
                Duration.ofNanos(end - start),
                summary,
                lost,
                injector.writer().sent());
        FaultReport.write(settings.out(), model);
        return new Result(summary, lost, injector.writer().sent(), model);
      }
    }
  }

  /**
   * Runs the load as generator runs of {@link #SEGMENT} each, one starting every {@link #SEGMENT}
   * whether or not the previous one's requests have all been answered (so a stalled demo is still
   * sent the load's schedule), until the injector has settled; then waits for every run to end.
   */
  private static void drive(
      Settings settings,
      Roster roster,
      DemoProcess demo,
      FaultTimeline timeline,
      FaultInjector injector,
      long start)
      throws InterruptedException {
    ExecutorService runs = Executors.newCachedThreadPool();
    try {
      List<Future<RunResult>> started = new ArrayList<>();
      for (int segment = 0; segment == 0 || !injector.settled(); segment++) {
        if (timeline.now() - start > settings.limit().toNanos()) {
          throw new IllegalStateException(
              "the faults did not end within " + settings.limit() + ": " + timeline.marks());
        }
        long at = start + segment * SEGMENT.toNanos();
        for (long wait = at - timeline.now(); wait > 0; wait = at - timeline.now()) {
          LockSupport.parkNanos(wait); // the load's schedule
        }
        long seed = settings.seed() + segment;
        ConstantRateGenerator load =
            new ConstantRateGenerator(roster, settings.maxInFlight(), List.of(timeline, injector));
        started.add(
            runs.submit(
                () -> load.run("faults", demo, settings.rate(), Duration.ZERO, SEGMENT, seed)));
      }
      for (Future<RunResult> run : started) {
        try {
          run.get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("a load segment failed", e.getCause());
        }
      }
    } finally {
      runs.shutdownNow();
    }
  }

  /**
   * The demo's shared backends, started here and closed (PostgreSQL first) by close(). Always both:
   * the embedded demo keeps tenants made through the admin API in memory, so a killed one forgets
   * them.
   */
  private record Backends(
      Optional<LocalRedis> redis,
      Optional<LocalPostgres> server,
      Optional<PostgresControl> postgres)
      implements AutoCloseable {
    static Backends start() throws IOException {
      LocalRedis redis = LocalRedis.startNew();
      try {
        LocalPostgres server = LocalPostgres.start();
        return new Backends(
            Optional.of(redis), Optional.of(server), Optional.of(new PostgresControl(server)));
      } catch (IOException | RuntimeException e) {
        redis.close();
        throw e;
      }
    }

    List<String> args() {
      return server
          .map(
              p ->
                  List.of(
                      "--redis",
                      redis.get().uri().toString(),
                      "--postgres",
                      p.jdbcUrl(),
                      "--postgres-user",
                      p.user()))
          .orElse(List.of());
    }

    Map<String, String> env() {
      return server.map(p -> Map.of("DEMO_POSTGRES_PASSWORD", p.password())).orElse(Map.of());
    }

    @Override
    public void close() throws IOException, InterruptedException {
      try {
        if (postgres.isPresent()) {
          postgres.get().close();
        }
      } finally {
        server.ifPresent(LocalPostgres::close);
        redis.ifPresent(LocalRedis::close);
      }
    }

    @Override
    public String toString() {
      return server.isPresent()
          ? "on Redis + PostgreSQL (local servers started by the harness)"
          : "embedded (state in its data directory)";
    }
  }

  private static void progress(String message) {
    System.err.println("load-test faults " + java.time.Instant.now() + ": " + message);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
