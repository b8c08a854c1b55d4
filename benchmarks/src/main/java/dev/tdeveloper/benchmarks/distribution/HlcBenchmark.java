package dev.tdeveloper.benchmarks.distribution;

import dev.tdeveloper.distribution.clock.FileHlcStateStore;
import dev.tdeveloper.distribution.clock.Hlc;
import dev.tdeveloper.distribution.clock.HlcTimestamp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The hybrid logical clock's stamps next to their floor, {@link System#currentTimeMillis()}, which
 * every stamp reads once: {@code now()} (a send), {@code update(remote)} (a receive of a peer's
 * recent stamp), and {@code now()} over the durable file store, which forces a file to disk once
 * per 250 ms reservation window and so shows what that costs amortized; and that durable {@code
 * now()} on eight threads at once, where a stamping thread that finds the mark passed waits for the
 * store.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HlcBenchmark {
  private Hlc hlc;
  private Hlc durable;
  private HlcTimestamp remote;
  private long remoteEncoded;
  private Path directory;

  @Setup
  public void setUp() throws IOException {
    hlc = Hlc.builder().build();
    remote = Hlc.builder().build().now();
    remoteEncoded = remote.encode();
    directory = Files.createTempDirectory("hlc-bench");
    durable =
        Hlc.builder().stateStore(FileHlcStateStore.open(directory.resolve("hlc.state"))).build();
  }

  @TearDown
  public void tearDown() throws IOException {
    Path file = directory.resolve("hlc.state");
    Files.deleteIfExists(file);
    Files.deleteIfExists(file.resolveSibling("hlc.state.tmp"));
    Files.deleteIfExists(directory);
  }

  @Benchmark
  public long currentTimeMillisBaseline() {
    return System.currentTimeMillis();
  }

  @Benchmark
  public HlcTimestamp tdeveloperNow() {
    return hlc.now();
  }

  @Benchmark
  public HlcTimestamp tdeveloperUpdate() {
    return hlc.update(remote);
  }

  @Benchmark
  public long tdeveloperNowEncoded() {
    return hlc.nowEncoded();
  }

  @Benchmark
  public long tdeveloperUpdateEncoded() {
    return hlc.updateEncoded(remoteEncoded);
  }

  @Benchmark
  public HlcTimestamp tdeveloperNowDurable() {
    return durable.now();
  }

  @Benchmark
  @Threads(8)
  public HlcTimestamp tdeveloperNowDurableEightThreads() {
    return durable.now();
  }
}
