package dev.tdeveloper.benchmarks.load;

import dev.tdeveloper.benchmarks.load.sim.LoadSimulations;
import dev.tdeveloper.benchmarks.load.sim.SimInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The load test of the demo, end to end: for the full chain and then the bare demo (every filter
 * but the tenant filter off), start it in a child JVM with a fresh data directory under {@code
 * out}, provision the {@link Roster}, drive it with the {@link ConstantRateGenerator} at the same
 * rate and seed while a {@link DiskFloorProbe} measures the forced-write floor of the same file
 * system, and (full chain only, when a wrk script is given) run Debian's {@code wrk} on the same
 * mix for raw throughput; stop each demo with {@code SIGTERM} (so a JFR recording it was started
 * with is written) and then write the reports ({@link LoadReport}); then, unless {@code
 * --fault-seconds 0}, the fault phase ({@link FaultRun}: every {@link Fault}, {@code
 * --fault-seconds} apart, at {@code --fault-rate} requests/s), added to the reports. Usage: {@code
 * LoadTest [--rate R] [--warmup-seconds W] [--warmup-start-share S] [--seconds S] [--max-in-flight
 * N] [--out DIR] [--wrk SCRIPT] [--fault-seconds F] [--fault-rate FR] [--shield-ip-limit L]
 * [--disk-floor on|off]} ({@link LoadTestOptions}).
 */
public final class LoadTest {
  /**
   * One run's settings.
   *
   * @param rate requests per second
   * @param warmup unrecorded load before the measured part
   * @param duration the measured part
   * @param maxInFlight outstanding requests at most
   * @param out where data directories, logs and reports go
   * @param wrkScript the wrk Lua script, if wrk is to run
   * @param seed the mix's seed
   * @param shieldIpLimit the demo's per-client-IP ban threshold in requests per minute, if not its
   *     default (6000)
   * @param diskFloor whether a {@link DiskFloorProbe} measures the disk beside each measured run
   * @param warmupStartShare the warm-up's first rate as a share of {@code rate}, rising linearly to
   *     {@code rate} at its end ({@link RampSchedule}); 1 for a flat warm-up
   */
  public record Settings(
      double rate,
      Duration warmup,
      Duration duration,
      int maxInFlight,
      Path out,
      Optional<Path> wrkScript,
      long seed,
      OptionalInt shieldIpLimit,
      boolean diskFloor,
      double warmupStartShare) {
    /** Validates the warm-up's ramp ({@link RampSchedule}'s rules). */
    public Settings {
      new RampSchedule(rate, warmupStartShare, warmup, duration);
    }

    /**
     * Settings with the disk floor probe on and the default ramp ({@value
     * RampSchedule#DEFAULT_START_SHARE} of the rate at the warm-up's start).
     */
    public Settings(
        double rate,
        Duration warmup,
        Duration duration,
        int maxInFlight,
        Path out,
        Optional<Path> wrkScript,
        long seed,
        OptionalInt shieldIpLimit) {
      this(
          rate,
          warmup,
          duration,
          maxInFlight,
          out,
          wrkScript,
          seed,
          shieldIpLimit,
          true,
          RampSchedule.DEFAULT_START_SHARE);
    }

    /** The measured runs' schedule: the ramped warm-up, then the measured part. */
    public RampSchedule schedule() {
      return new RampSchedule(rate, warmupStartShare, warmup, duration);
    }
  }

  /**
   * The runs and the report model.
   *
   * @param full the full chain's run
   * @param bare the bare demo's run
   * @param report the JSON report's model
   */
  public record Result(RunResult full, RunResult bare, Map<String, Object> report) {}

  /**
   * How long a demo gets to exit after {@code SIGTERM} at a run's end (a JFR recording asked for in
   * {@value DemoProcess#JVM_OPTIONS_ENV} is written then) before it is killed.
   */
  static final Duration STOP_GRACE = Duration.ofSeconds(60);

  private LoadTest() {}

  /** Runs the load test; see the class comment. */
  public static void main(String[] args) throws Exception {
    System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    LoadTestOptions options = LoadTestOptions.parse(args);
    Path out = options.settings().out();
    Result result = run(options.settings());
    System.out.println(LoadReport.summaryLine(result.report()));
    System.out.println(IsolationResult.summaryLine(result.report()));
    if (options.faultSeconds() > 0) { // the fault phase, after the measured runs (FaultRun)
      Duration spacing = Duration.ofSeconds(options.faultSeconds());
      FaultRun.Result faults =
          FaultRun.run(
              new FaultRun.Settings(
                  options.faultRate(),
                  spacing,
                  spacing,
                  List.of(Fault.values()),
                  options.settings().maxInFlight(),
                  20,
                  out,
                  42));
      result.report().put("faults", faults.report());
      LoadReport.write(out, result.report(), result.full(), result.bare());
      System.out.println(FaultReport.summaryLine(faults.report()));
    }
    System.out.println(
        "reports: " + out.resolve("load-report.json") + ", " + out.resolve("load-report.html"));
  }

  /** Runs both demos and writes the reports into {@code settings.out()}. */
  public static Result run(Settings settings) throws IOException, InterruptedException {
    Roster roster = Roster.standard();
    Files.createDirectories(settings.out());
    Optional<Double> wrk = Optional.empty();
    RunResult full;
    Duration startup; // launch to serving, for the scale replay's readiness
    IsolationResult isolated;
    IsolationChecker isolation = new IsolationChecker(roster, IsolationChecker.REQUESTS_PER_SECOND);
    Path config = QuotaExhaustion.writeConfig(settings.out().resolve("config-full-chain"));
    long launched = System.nanoTime();
    Map<String, Object> fullFloor;
    Map<String, Object> fullTimeline;
    MachineCpu fullCpu = new MachineCpu();
    try (DemoProcess demo = start(settings, "full-chain", false, Optional.of(config));
        Floor floor = Floor.of(settings, "full-chain")) {
      startup = Duration.ofNanos(System.nanoTime() - launched);
      progress(
          "full chain started on port "
              + demo.port()
              + "; provisioning "
              + roster.tenants().size()
              + " tenants");
      demo.provision(roster);
      progress("quota caps for " + QuotaExhaustion.apply(config, demo, roster, settings.warmup()));
      isolation.baseline(demo);
      progress(
          "provisioned; driving it at "
              + settings.rate()
              + " requests/s after a warm-up of "
              + settings.warmup().toSeconds()
              + " s rising from "
              + Math.round(100 * settings.warmupStartShare())
              + "% of that");
      try (CpuTimeline timeline = timeline(demo, "full chain")) {
        full =
            new ConstantRateGenerator(
                    roster, settings.maxInFlight(), floor.with(isolation, fullCpu, timeline))
                .run("full-chain", demo, settings.schedule(), settings.seed());
        fullTimeline = timeline.model();
      }
      fullFloor = floor.model();
      progress("full chain measured; checking isolation and metered usage");
      isolated = isolation.verify();
      progress("isolation " + (isolated.passed() ? "100%" : "violated or inexact"));
      if (settings.wrkScript().isPresent()) {
        progress("wrk on the full chain");
        wrk = Optional.of(wrk(settings, demo, roster));
      }
      demo.stop(STOP_GRACE);
    }
    RunResult bare;
    Map<String, Object> bareFloor;
    Map<String, Object> bareTimeline;
    MachineCpu bareCpu = new MachineCpu();
    try (DemoProcess demo = start(settings, "bare", true);
        Floor floor = Floor.of(settings, "bare")) {
      progress("bare demo started; provisioning");
      demo.provision(roster);
      progress("provisioned; driving it at the same rate");
      try (CpuTimeline timeline = timeline(demo, "bare")) {
        bare =
            new ConstantRateGenerator(roster, settings.maxInFlight(), floor.with(bareCpu, timeline))
                .run("bare", demo, settings.schedule(), settings.seed());
        bareTimeline = timeline.model();
      }
      bareFloor = floor.model();
      demo.stop(STOP_GRACE);
    }
    Map<String, Object> report = LoadReport.model(roster, full, bare, wrk);
    LoadReport.putDiskFloor(report, fullFloor, bareFloor);
    LoadReport.putMachineCpu(report, fullCpu.model(), bareCpu.model());
    ThreadGroupReport.putCpuTimeline(report, fullTimeline, bareTimeline);
    LoadSimulations.Result sims =
        LoadSimulations.run(
            SimInputs.of(roster, full, startup, Runtime.getRuntime().availableProcessors()));
    LoadSimulations.summary(sims).forEach(LoadTest::progress);
    report.put("simulations", LoadSimulations.model(sims));
    report.put("isolation", isolated.model());
    LoadReport.write(settings.out(), report, full, bare);
    return new Result(full, bare, report);
  }

  /** The demo's CPU window by window over a run, each window also a progress line. */
  private static CpuTimeline timeline(DemoProcess demo, String run) {
    return new CpuTimeline(
        demo.handle().pid(),
        Duration.ofSeconds(CpuTimeline.WINDOW_SECONDS),
        line -> progress(run + " " + line));
  }

  private static void progress(String message) {
    System.err.println("load-test " + java.time.Instant.now() + ": " + message);
  }

  /**
   * A run's disk floor probe, when the settings ask for one: in {@code out}, beside the run's data
   * directory, so on its file system.
   */
  private record Floor(Optional<DiskFloorProbe> probe) implements AutoCloseable {
    static Floor of(Settings settings, String run) throws IOException {
      if (!settings.diskFloor()) {
        return new Floor(Optional.empty());
      }
      Path out = settings.out();
      return new Floor(Optional.of(DiskFloorProbe.create(out, out.resolve("data-" + run))));
    }

    /** The generator's observers: {@code others}, then the probe if any. */
    List<LoadObserver> with(LoadObserver... others) {
      List<LoadObserver> observers = new java.util.ArrayList<>(List.of(others));
      probe.ifPresent(observers::add);
      return observers;
    }

    Map<String, Object> model() {
      return probe.map(DiskFloorProbe::model).orElseGet(DiskFloorProbe::off);
    }

    @Override
    public void close() throws IOException {
      if (probe.isPresent()) {
        probe.get().close();
      }
    }
  }

  private static DemoProcess start(Settings settings, String name, boolean bare)
      throws IOException {
    return start(settings, name, bare, Optional.empty());
  }

  private static DemoProcess start(
      Settings settings, String name, boolean bare, Optional<Path> config) throws IOException {
    Path out = settings.out();
    Path data = out.resolve("data-" + name);
    deleteRecursively(data);
    return DemoProcess.start(
        data, out.resolve("demo-" + name + ".log"), bare, config, settings.shieldIpLimit());
  }

  private static double wrk(Settings settings, DemoProcess demo, Roster roster)
      throws IOException, InterruptedException {
    return WrkRun.run(
            settings.wrkScript().get(),
            demo,
            roster,
            2,
            64,
            settings.duration(),
            settings.out().resolve("wrk.txt"))
        .requestsPerSecond();
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
