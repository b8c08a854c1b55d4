package dev.tdeveloper.benchmarks.waf;

import dev.tdeveloper.benchmarks.waf.DemoMixRequests.MixRequest;
import dev.tdeveloper.security.waf.Waf;
import dev.tdeveloper.security.waf.WafBuilder;
import dev.tdeveloper.security.waf.WafPolicy;
import dev.tdeveloper.security.waf.WafTransaction;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * {@link WafDemoMixBenchmark#mix} with cold caches, as the demo runs it (issues 12 and 17): in the
 * demo the rest of the chain (Jetty, Jackson, crypto, audit) and the other request threads pass
 * megabytes through the caches between two WAF runs, and everything the WAF touches (its code, the
 * rules' objects, the per-transaction arrays, the tenant's value memo) then comes from memory at
 * ~10x the cost of a warm run. Before each request {@code evictBytes} bytes of a buffer are read
 * (one long per 64-byte line), default 16 MiB (what made the WAF cost in JMH what it costs in the
 * demo, in the ninth session); {@code 0} is the warm case.
 *
 * <ul>
 *   <li>{@link #mix}: eviction in a {@code Level.Invocation} setup on the benchmark's thread, so
 *       out of the measured time. Caveat: JMH's per-invocation bookkeeping (a timestamp pair) is
 *       inside, which at ~100 µs per operation is well under 1%.
 *   <li>{@link #mixOnThreads} and its floor {@link #evictOnThreads}: each request handed to the
 *       next of {@code threads} worker threads in turn (as the demo's request threads take turns),
 *       which first reads {@code threadEvictBytes} of its own buffer, then runs the request; the
 *       floor does the same hand-off and eviction without a request, so the WAF's share is the
 *       difference of the two. This is where per-thread state (a transaction's working memory kept
 *       per thread) shows: a thread's copy was last touched {@code threads} requests ago.
 * </ul>
 *
 * <p>{@code memo}: {@code on} (the default per-tenant value memo) or {@code off} ({@link
 * WafBuilder#noValueMemo}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class WafColdMixBenchmark {
  private static final int MIX = 4096;
  private static final int LINE_LONGS = 8;

  @Param({"on"})
  public String memo;

  @Param({"8"})
  public int threads;

  @Param({"1048576"})
  public int threadEvictBytes;

  private Waf waf;
  private List<MixRequest> mix;
  private int nextMix;
  private long sink;
  private Worker[] workers;
  private int nextWorker;

  /** A request thread of its own with a buffer of its own to evict with. */
  private static final class Worker {
    final ExecutorService thread = Executors.newSingleThreadExecutor();
    final long[] buffer;

    Worker(int bytes) {
      buffer = new long[Math.max(LINE_LONGS, bytes / Long.BYTES)];
    }
  }

  @Setup
  public void setUp() throws IOException {
    if (!memo.equals("on") && !memo.equals("off")) {
      throw new IllegalArgumentException("memo: " + memo + "; allowed: on, off");
    }
    waf = DemoMixRequests.demoWaf(memo.equals("on"));
    mix = DemoMixRequests.draw(MIX, 42, true);
    workers = new Worker[threads];
    for (int i = 0; i < threads; i++) {
      workers[i] = new Worker(threadEvictBytes);
    }
    for (MixRequest request : mix) {
      run(request);
    }
  }

  @TearDown
  public void tearDown() {
    for (Worker w : workers) {
      w.thread.shutdownNow();
    }
  }

  /**
   * {@link #mix}'s eviction: reads {@code evictBytes} (nothing when 0) before each request. A state
   * of its own so that only {@link #mix} pays it.
   */
  @State(Scope.Thread)
  public static class Eviction {
    @Param({"16777216"})
    public int evictBytes;

    private long[] buffer;
    private long sink;

    @Setup
    public void allocate() {
      buffer = new long[Math.max(LINE_LONGS, evictBytes / Long.BYTES)];
    }

    @Setup(Level.Invocation)
    public void evict() {
      if (evictBytes > 0) {
        sink += read(buffer);
      }
    }

    /** The sum of what eviction read, so it is not optimised away. */
    @TearDown(Level.Iteration)
    public void keepSink() {
      if (sink == 42) {
        System.out.println("sink");
      }
    }
  }

  private static long read(long[] buffer) {
    long sum = 0;
    for (int i = 0; i < buffer.length; i += LINE_LONGS) {
      sum += buffer[i];
    }
    return sum;
  }

  private WafTransaction run(MixRequest request) {
    return DemoMixRequests.run(waf, WafPolicy.defaults(request.tenant()), request);
  }

  private MixRequest next() {
    int i = nextMix;
    nextMix = i + 1 == MIX ? 0 : i + 1;
    return mix.get(i);
  }

  private Worker nextWorker() {
    int i = nextWorker;
    nextWorker = i + 1 == workers.length ? 0 : i + 1;
    return workers[i];
  }

  /** The mix's requests in turn after {@code evictBytes} of eviction, phases 1-5. */
  @Benchmark
  public WafTransaction mix(Eviction eviction) {
    return run(next());
  }

  /** The mix's requests in turn, each on the next worker after its {@code threadEvictBytes}. */
  @Benchmark
  public Object mixOnThreads() throws InterruptedException, ExecutionException {
    MixRequest request = next();
    Worker w = nextWorker();
    Future<WafTransaction> done =
        w.thread.submit(
            () -> {
              sink += read(w.buffer);
              return run(request);
            });
    return done.get();
  }

  /** {@link #mixOnThreads} without the request: the hand-off and eviction alone. */
  @Benchmark
  public Object evictOnThreads() throws InterruptedException, ExecutionException {
    Worker w = nextWorker();
    Future<Long> done = w.thread.submit(() -> read(w.buffer));
    return done.get();
  }

  /** The sum of what eviction read, so it is not optimised away. */
  @TearDown(Level.Iteration)
  public void keepSink() {
    if (sink == 42) {
      System.out.println("sink");
    }
  }
}
