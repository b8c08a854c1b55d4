package dev.tdeveloper.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A quick look at what one demo request costs, for work on the chain: starts the demo (full chain,
 * or {@code --bare} with every filter but the tenant filter off), provisions the load test's 100
 * tenants, runs {@code wrk} with {@code mix.lua} unrecorded for the warm-up and then for the
 * measured seconds, and prints wrk's requests/s and the demo's CPU time per request (its process
 * CPU over wrk's requests), then that CPU by thread group ({@link ThreadCpu}: Jetty's request
 * threads apart from the JIT, GC, audit writer and jobs, which do not scale with requests and
 * dominate the total at low throughput). Closed-model and short, so it answers "did this change cut
 * CPU per request" in about a minute; the load test ({@link LoadTest}) remains the measurement of
 * record. Benchmark-only. Usage: {@code ChainProbe [--bare] [--seconds S (15)] [--warmup-seconds W
 * (240)] [--connections C (16)] [--threads T (1)] [--out DIR (benchmarks/target/probe)] [--wrk
 * SCRIPT (benchmarks/src/main/resources/load/mix.lua)] [--jfr FILE]}. With {@code --jfr} the demo
 * is recorded with JFR ({@value #JFR_SETTINGS}) over exactly the measured run, started and dumped
 * through {@code jcmd}: a {@code delay} in {@code LOAD_TEST_DEMO_JVM_OPTIONS} cannot know when the
 * warm-up ends (start-up and provisioning take 20-25 s on a loaded machine), and lands in the
 * warm-up or across its end. JFR itself starts with the demo ({@link #JFR_AT_LAUNCH}, JFR's default
 * settings), so that the recording started after the warm-up does not discard compiled code, and
 * with {@code -XX:+DebugNonSafepoints}, so that a sample inside inlined code is charged to the
 * method it is in rather than to the nearest safepoint's (without it a small loop such as {@code
 * Arrays.fill} collects its neighbours' samples). With {@code LOAD_TEST_DEMO_JVM_OPTIONS} set, the
 * demo gets those JVM options ({@code {run}} becomes {@code full} or {@code bare}). The warm-up
 * defaults to {@value #DEFAULT_WARMUP_SECONDS} s because HotSpot's C2 compiler needs minutes on a
 * 2-core VM to finish the full chain's request path: after 90 s its threads still took 97 us per
 * request and the request threads 292, after 240 s 12 and 131 (benchmarks/README.md, "A slow-start
 * warm-up"); the {@code jit} group of the by-thread-group line says whether a shorter warm-up was
 * enough.
 */
public final class ChainProbe {
  /** The JFR settings of {@code --jfr}: the profile, with Java samples every 2 ms. */
  static final String JFR_SETTINGS = "settings=profile jdk.ExecutionSample#period=2ms";

  /** JVM options that start JFR with the demo under {@code --jfr}: see {@link #jvmOptions}. */
  static final String JFR_AT_LAUNCH =
      "-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints"
          + " -XX:StartFlightRecording:name=launch,settings=default,maxsize=16m"
          + " -XX:FlightRecorderOptions:stackdepth=256";

  /** The default warm-up, seconds: long enough for the JIT on a 2-core VM. */
  static final long DEFAULT_WARMUP_SECONDS = 240;

  private static final String[] JFR_START = ("JFR.start name=probe " + JFR_SETTINGS).split(" ");

  private ChainProbe() {}

  /** Runs the probe; see the class comment. */
  public static void main(String[] args) throws Exception {
    boolean bare = false;
    long seconds = 15;
    long warmup = DEFAULT_WARMUP_SECONDS;
    int connections = 16;
    int threads = 1;
    Path out = Path.of("benchmarks/target/probe");
    Path script = Path.of("benchmarks/src/main/resources/load/mix.lua");
    Optional<Path> jfr = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--bare" -> bare = true;
        case "--seconds" -> seconds = Long.parseLong(args[++i]);
        case "--warmup-seconds" -> warmup = Long.parseLong(args[++i]);
        case "--connections" -> connections = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--wrk" -> script = Path.of(args[++i]);
        case "--jfr" -> jfr = Optional.of(Path.of(args[++i]).toAbsolutePath());
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + args[i]
                    + "; known: --bare, --seconds, --warmup-seconds, --connections, --threads,"
                    + " --out, --wrk, --jfr");
      }
    }
    String run = bare ? "bare" : "full";
    Files.createDirectories(out);
    Path data = out.resolve("data-" + run);
    LoadTest.deleteRecursively(data);
    Roster roster = Roster.standard();
    // the per-IP ban limit lifted: a closed-model wrk run would otherwise ban tenants mid-run
    java.util.Map<String, String> env = new java.util.HashMap<>();
    env.put("DEMO_BENCHMARK_NO_FILTERS", Boolean.toString(bare));
    env.put(DemoProcess.IP_LIMIT_ENV, "100000000");
    String userOptions = System.getenv(DemoProcess.JVM_OPTIONS_ENV);
    env.put(
        DemoProcess.JVM_OPTIONS_ENV,
        jvmOptions(userOptions == null ? "" : userOptions, jfr.isPresent()));
    try (DemoProcess demo =
        DemoProcess.start(
            data, out.resolve("demo-" + run + ".log"), 0, List.of(), List.of(), env)) {
      demo.provision(roster);
      if (warmup > 0) {
        WrkRun.run(
            script,
            demo,
            roster,
            threads,
            connections,
            Duration.ofSeconds(warmup),
            out.resolve("wrk-warmup.txt"));
      }
      long pid = demo.handle().pid();
      if (jfr.isPresent()) {
        jcmd(pid, JFR_START);
      }
      long cpuBefore = cpuNanos(demo);
      java.util.Map<String, Long> threadsBefore = ThreadCpu.byGroup(demo.handle().pid());
      WrkRun.Result r =
          WrkRun.run(
              script,
              demo,
              roster,
              threads,
              connections,
              Duration.ofSeconds(seconds),
              out.resolve("wrk-" + run + ".txt"));
      long cpu = cpuNanos(demo) - cpuBefore;
      java.util.Map<String, Long> byThread =
          ThreadCpu.delta(threadsBefore, ThreadCpu.byGroup(demo.handle().pid()));
      if (jfr.isPresent()) {
        jcmd(pid, "JFR.stop", "name=probe", "filename=" + jfr.get());
      }
      System.out.printf(
          "%s: wrk -t%d -c%d -d%ds: %.0f requests/s, %d requests, demo CPU %.1f us/request%n",
          run,
          threads,
          connections,
          seconds,
          r.requestsPerSecond(),
          r.requests(),
          cpu / 1000.0 / Math.max(1, r.requests()));
      StringBuilder groups = new StringBuilder();
      ThreadCpu.microsPerRequest(byThread, Math.max(1, r.requests())).entrySet().stream()
          .limit(8)
          .forEach(e -> groups.append(String.format(" %s %.1f;", e.getKey(), e.getValue())));
      System.out.println("  by thread group, us/request (10 ms ticks):" + groups);
      // SIGTERM, so that a JFR recording asked for in the demo's JVM options is written
      demo.stop(LoadTest.STOP_GRACE);
    }
  }

  /**
   * The demo's JVM options: the user's, plus with {@code jfr} a continuous recording with JFR's
   * low-overhead default settings from launch and deeper stacks. Started only through {@code jcmd}
   * after the warm-up, JFR instruments the JDK's file and socket classes then, and HotSpot throws
   * away the compiled code that depends on them ("Jvmti state change invalidated dependencies"): a
   * 240 s warm-up probe then measured the JIT recompiling (1.3 cores of compilation in the measured
   * minute, 775 requests/s against 5,548 with JFR started at launch).
   */
  static String jvmOptions(String userOptions, boolean jfr) {
    String options = userOptions.strip();
    if (!jfr) {
      return options;
    }
    return (options + " " + JFR_AT_LAUNCH).strip();
  }

  /** Runs the JDK's {@code jcmd} against the demo; its output is shown only when it fails. */
  private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
    java.util.List<String> line = new java.util.ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    line.add(Long.toString(pid));
    line.addAll(java.util.List.of(command));
    Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output.strip());
    }
  }

  private static long cpuNanos(DemoProcess demo) throws IOException {
    return demo.handle()
        .info()
        .totalCpuDuration()
        .map(Duration::toNanos)
        .orElseThrow(() -> new IOException("the demo's CPU time cannot be read here"));
  }
}
