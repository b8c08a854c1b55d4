package dev.tdeveloper.benchmarks.waf;

import dev.tdeveloper.benchmarks.waf.WafRequests.WafRequest;
import dev.tdeveloper.security.waf.Waf;
import dev.tdeveloper.security.waf.WafMatch;
import dev.tdeveloper.security.waf.WafTransaction;
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
 * One whole request transaction through the full OWASP CRS 3.3.4 at paranoia level 1 (loaded once
 * in {@link #setUp} through the public {@link Waf} API), per operation: connection, URI, headers,
 * phase 1, body and phase 2, logging ({@link WafRequests#run}). Three requests: {@link
 * WafRequests#BENIGN_GET} (goal: at most 50 µs), {@link WafRequests#JSON_POST} and {@link
 * WafRequests#SQLI_GET}, and the benign GET with its arguments' values varied ({@link
 * #tdeveloperBenignGetVaried}). Run with {@code -prof gc} for bytes per operation. The peer,
 * libmodsecurity3 3.0.9 on the same requests, is a C program ({@code
 * benchmarks/peer/modsecurity/run.sh}), not a JMH method: see the WAF section of the README.
 *
 * <p>The setup prints each request's decision and fails when a benign request is interrupted or
 * scored, or the attack is not denied: timing a wrong answer would mean nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class WafBenchmark {
  private Waf waf;
  private WafRequest[] varied;
  private WafRequest[] flood;
  private int next;
  private int nextFlood;

  @Setup
  public void setUp() {
    waf = Crs.load();
    System.out.printf(
        "%nCRS: %d rules loaded in %d ms%n", waf.ruleCount(), waf.loadTime().toMillis());
    for (WafRequest request : WafRequests.ALL) {
      WafTransaction tx = WafRequests.run(waf, request);
      System.out.printf(
          "%s: %s, inbound score %d, rules %s%n",
          request.name(),
          tx.interruption().map(i -> "denied " + i.status() + " by " + i.ruleId()).orElse("pass"),
          tx.inboundAnomalyScore(),
          tx.matches().stream().map(WafBenchmark::describe).toList());
      boolean attack = request == WafRequests.SQLI_GET;
      boolean faulted = tx.matches().stream().anyMatch(WafMatch::isError);
      if (faulted || attack == tx.interruption().isEmpty()) {
        throw new IllegalStateException(
            request.name() + ": unexpected decision " + tx.interruption() + " " + tx.matches());
      }
      if (!attack && tx.inboundAnomalyScore() != 0) {
        throw new IllegalStateException(
            request.name() + ": false positive, score " + tx.inboundAnomalyScore());
      }
    }
    setUpVaried();
  }

  /** Checks every varied request passes with score 0, then serves them in turn. */
  private void setUpVaried() {
    varied = VariedGets.requests().toArray(new WafRequest[0]);
    flood = VariedGets.flood().toArray(new WafRequest[0]);
    for (WafRequest request :
        java.util.stream.Stream.of(varied, flood).flatMap(java.util.Arrays::stream).toList()) {
      WafTransaction tx = WafRequests.run(waf, request);
      if (tx.interruption().isPresent() || tx.inboundAnomalyScore() != 0) {
        throw new IllegalStateException(
            request.uri() + ": false positive " + tx.interruption() + " " + tx.matches());
      }
    }
  }

  private static String describe(WafMatch match) {
    return match.isError() ? "error " + match.ruleId() : Long.toString(match.ruleId());
  }

  /** A browser's GET with five query arguments: passes with score 0. */
  @Benchmark
  public WafTransaction tdeveloperBenignGet() {
    return WafRequests.run(waf, WafRequests.BENIGN_GET);
  }

  /**
   * {@link #tdeveloperBenignGet} with the five query arguments' values varied request by request
   * ({@link VariedGets}): headers repeat, argument values come back only every {@value
   * VariedGets#VALUES} values. The figure to quote for the 50 µs goal.
   */
  @Benchmark
  public WafTransaction tdeveloperBenignGetVaried() {
    WafRequest request = varied[next];
    next = next + 1 == varied.length ? 0 : next + 1;
    return WafRequests.run(waf, request);
  }

  /**
   * {@link #tdeveloperBenignGetVaried} with every header value but Host's unique per request too:
   * what a flood of values no memo has seen costs (compare with {@code -Dtdeveloper.waf.memo=off}).
   */
  @Benchmark
  public WafTransaction tdeveloperBenignGetFlood() {
    WafRequest request = flood[nextFlood];
    nextFlood = nextFlood + 1 == flood.length ? 0 : nextFlood + 1;
    return WafRequests.run(waf, request);
  }

  /** A 2 KiB JSON POST: passes with score 0. */
  @Benchmark
  public WafTransaction tdeveloperJsonPost() {
    return WafRequests.run(waf, WafRequests.JSON_POST);
  }

  /** An SQL injection GET: denied by 949110 at the end of phase 2. */
  @Benchmark
  public WafTransaction tdeveloperSqliGet() {
    return WafRequests.run(waf, WafRequests.SQLI_GET);
  }
}
