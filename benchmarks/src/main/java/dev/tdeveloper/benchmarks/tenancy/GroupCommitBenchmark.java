package dev.tdeveloper.benchmarks.tenancy;

import dev.tdeveloper.tenancy.internal.GroupCommit;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Durable appends through {@link GroupCommit} on a real file, as the usage and quota stores make
 * them: each append writes a 100-byte record under a short lock, then waits until a force covers
 * it. The file is preallocated with zeros and forced with {@code force(false)} (data only), as the
 * usage segments are. Run it with {@code -t 8} and {@code -t 32}, in {@code -bm thrpt} (appends per
 * second) and {@code -bm sample} (the appenders' latency percentiles).
 *
 * <p>After each iteration it prints what the force saw: forces per second, records per force, how
 * busy the file was with forces, and the gap between one force's end and the next one's start
 * (median, p90, p99, max, mean) — the time the file sits idle while appenders wait.
 *
 * <p>JMH state: one log shared by all benchmark threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class GroupCommitBenchmark {
  private static final int RECORD = 100;
  private static final long FILE_SIZE = 64L * 1024 * 1024;
  private static final int MAX_GAPS = 1 << 20;

  private Path directory;
  private FileChannel channel;
  private final ReentrantLock lock = new ReentrantLock();
  private final ByteBuffer record = ByteBuffer.allocateDirect(RECORD);
  private long position;
  private GroupCommit commit;

  // written by the one thread forcing at a time (the force lock orders them)
  private long forces;
  private long forcedNanos;
  private long lastEnd;
  private final long[] gaps = new long[MAX_GAPS];
  private int gapCount;
  private long iterationStart;
  private long recordsAtStart;

  /** Creates the preallocated file and the group commit. */
  @Setup(Level.Trial)
  public void open() throws IOException {
    directory = Files.createTempDirectory("group-commit-bench");
    Path file = directory.resolve("log");
    channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
    ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
    for (long at = 0; at < FILE_SIZE; at += zeros.capacity()) {
      zeros.clear();
      while (zeros.hasRemaining()) {
        channel.write(zeros, at + zeros.position());
      }
    }
    channel.force(true);
    commit = newCommit(file);
  }

  private GroupCommit newCommit(Path file) {
    return new GroupCommit(this::force);
  }

  /** The commit's force, timed. */
  private void force() throws IOException {
    long start = System.nanoTime();
    if (lastEnd != 0 && gapCount < MAX_GAPS) {
      gaps[gapCount++] = start - lastEnd;
    }
    channel.force(false);
    long end = System.nanoTime();
    forces++;
    forcedNanos += end - start;
    lastEnd = end;
  }

  /** Starts the iteration's force statistics. */
  @Setup(Level.Iteration)
  public void startIteration() {
    forces = 0;
    forcedNanos = 0;
    gapCount = 0;
    lastEnd = 0;
    recordsAtStart = commit.forced();
    iterationStart = System.nanoTime();
  }

  /** Prints the iteration's force statistics. */
  @TearDown(Level.Iteration)
  public void report() {
    double seconds = (System.nanoTime() - iterationStart) / 1e9;
    long[] sorted = Arrays.copyOf(gaps, gapCount);
    Arrays.sort(sorted);
    long gapSum = Arrays.stream(sorted).sum();
    System.out.printf(
        "%n  forces/s %.0f, records/force %.1f, busy %.0f%%, gap ms median %.3f p90 %.3f p99 %.3f"
            + " max %.1f mean %.3f%n",
        forces / seconds,
        forces == 0 ? 0.0 : (commit.forced() - recordsAtStart) / (double) forces,
        100 * forcedNanos / 1e9 / seconds,
        quantile(sorted, 0.5),
        quantile(sorted, 0.9),
        quantile(sorted, 0.99),
        sorted.length == 0 ? 0.0 : sorted[sorted.length - 1] / 1e6,
        sorted.length == 0 ? 0.0 : gapSum / 1e6 / sorted.length);
  }

  private static double quantile(long[] sorted, double q) {
    return sorted.length == 0
        ? 0.0
        : sorted[(int) Math.min(sorted.length - 1, q * sorted.length)] / 1e6;
  }

  /** Deletes the file. */
  @TearDown(Level.Trial)
  public void close() throws IOException {
    channel.close();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** One durable append: write under the lock, then wait for the force that covers it. */
  @Benchmark
  public long groupCommitAppend() throws IOException {
    long sequence;
    lock.lock();
    try {
      record.clear();
      record.putLong(0, position);
      while (record.hasRemaining()) {
        channel.write(record, position + record.position());
      }
      position = (position + RECORD) % (FILE_SIZE - RECORD);
      sequence = commit.written();
    } finally {
      lock.unlock();
    }
    commit.await(sequence);
    return sequence;
  }
}
