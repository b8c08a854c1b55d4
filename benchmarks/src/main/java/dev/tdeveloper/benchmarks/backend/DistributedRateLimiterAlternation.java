package dev.tdeveloper.benchmarks.backend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The 1-client comparison of {@link DistributedRateLimiterBase} as one loop that alternates the
 * contenders round by round on one server and one JVM, so that a shared machine's drift between JMH
 * forks (minutes apart, each with its own server) cancels out: each round runs {@code calls}
 * decisions of ours, the script floor, Bucket4j and {@code PING} in turn, and the ratios are taken
 * within a round (paired) before their median. Also prints the server's time per call of each
 * contender's script ({@code INFO commandstats}). Not a JMH benchmark: a check of the JMH figures.
 *
 * <p>Usage: {@code java -cp benchmarks.jar
 * dev.tdeveloper.benchmarks.backend.DistributedRateLimiterAlternation [calls per round, 5000]
 * [rounds, 12]}
 */
public final class DistributedRateLimiterAlternation {
  private DistributedRateLimiterAlternation() {}

  /** A contender: its name and one call. */
  private record Contender(String name, Consumer<DistributedRateLimiterBase.Cursor> call) {}

  /** Runs the rounds and prints per-round figures, then medians and paired ratios. */
  public static void main(String[] args) {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 12;
    DistributedRateLimiter1ClientBenchmark bench = new DistributedRateLimiter1ClientBenchmark();
    bench.startRedis();
    try {
      List<Contender> contenders =
          List.of(
              new Contender("tdeveloperTryAcquire", c -> bench.tdeveloperTryAcquire(c)),
              new Contender("redisScriptFloor", c -> bench.redisScriptFloor(c)),
              new Contender("bucket4jTryAcquire", c -> bench.bucket4jTryAcquire(c)),
              new Contender("redisPingFloor", c -> bench.redisPingFloor()));
      DistributedRateLimiterBase.Cursor cursor = new DistributedRateLimiterBase.Cursor();
      for (Contender contender : contenders) {
        for (int i = 0; i < calls; i++) {
          contender.call().accept(cursor); // warm-up: JIT and connections
        }
      }
      double[][] micros = new double[contenders.size()][rounds];
      List<String> stats = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        for (int c = 0; c < contenders.size(); c++) {
          bench.resetCommandStats();
          long start = System.nanoTime();
          for (int i = 0; i < calls; i++) {
            contenders.get(c).call().accept(cursor);
          }
          micros[c][round] = (System.nanoTime() - start) / 1e3 / calls;
          if (c < 2) {
            stats.add(contenders.get(c).name() + " " + evalshaMicros(bench.commandStats()));
          }
        }
        System.out.printf(
            Locale.ROOT,
            "round %2d: us per call ours %.1f, script floor %.1f, Bucket4j %.1f, PING %.1f%n",
            round,
            micros[0][round],
            micros[1][round],
            micros[2][round],
            micros[3][round]);
      }
      for (int c = 0; c < contenders.size(); c++) {
        System.out.printf(
            Locale.ROOT,
            "%-22s median %.1f us per call = %,.0f decisions/s (min %.1f)%n",
            contenders.get(c).name(),
            median(micros[c]),
            1e6 / median(micros[c]),
            Arrays.stream(micros[c]).min().orElseThrow());
      }
      System.out.printf(
          Locale.ROOT,
          "paired medians: ours/Bucket4j %.3fx, ours/script floor %.3f, script floor/Bucket4j"
              + " %.3fx, ours/PING %.3f%n",
          pairedMedian(micros[2], micros[0]),
          pairedMedian(micros[1], micros[0]),
          pairedMedian(micros[2], micros[1]),
          pairedMedian(micros[3], micros[0]));
      System.out.println("server EVALSHA us per call, by round: " + stats);
    } finally {
      bench.stopRedis();
    }
  }

  /** The median over rounds of {@code slower[r] / faster[r]}: throughput of faster over slower. */
  private static double pairedMedian(double[] slower, double[] faster) {
    double[] ratios = new double[slower.length];
    for (int r = 0; r < ratios.length; r++) {
      ratios[r] = slower[r] / faster[r];
    }
    return median(ratios);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String evalshaMicros(String commandStats) {
    for (String stat : commandStats.split("\r?\n")) {
      if (stat.startsWith("cmdstat_evalsha:")) {
        int at = stat.indexOf("usec_per_call=") + "usec_per_call=".length();
        int end = stat.indexOf(',', at);
        return stat.substring(at, end < 0 ? stat.length() : end);
      }
    }
    return "?";
  }
}
