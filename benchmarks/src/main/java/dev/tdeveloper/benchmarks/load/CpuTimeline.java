package dev.tdeveloper.benchmarks.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The demo's CPU, and its JIT compilers' part of it, window by window over a whole generator run
 * (warm-up included): a daemon thread reads {@link ThreadCpu#byGroup} every {@code window} from
 * construction until {@link #finished}, so a report shows when compilation died down and whether
 * the measured part (its start marked by {@link #measuredPartDue}) still paid for it. Figures are
 * in cores (CPU seconds per second), so windows of a ramp compare with each other. Benchmark-only,
 * Linux only (where {@code /proc} cannot be read, the timeline stays empty); thread-safe.
 */
final class CpuTimeline implements LoadObserver, AutoCloseable {
  /** The default window: {@value} seconds. */
  static final long WINDOW_SECONDS = 10;

  /**
   * One window.
   *
   * @param endSeconds the window's end, seconds from the timeline's start
   * @param demoCores the demo's CPU over the window, in cores
   * @param jitCores its JIT compiler threads' part of it, in cores
   */
  record Window(double endSeconds, double demoCores, double jitCores) {}

  private final long pid;
  private final long windowNanos;
  private final Consumer<String> progress;
  private final long start = System.nanoTime();
  private final List<Window> windows = new ArrayList<>();
  private final Thread sampler;
  private volatile long measuredStart = -1;
  private volatile boolean running = true;

  /**
   * Starts sampling process {@code pid} every {@code window}, each window also reported as a line
   * to {@code progress}.
   */
  CpuTimeline(long pid, Duration window, Consumer<String> progress) {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive, was " + window);
    }
    this.pid = pid;
    this.windowNanos = window.toNanos();
    this.progress = progress;
    this.sampler = new Thread(this::sample, "cpu-timeline");
    sampler.setDaemon(true);
    sampler.start();
  }

  /**
   * Returns the window between two readings of {@link ThreadCpu#byGroup}, {@code secondsFromStart}
   * being the later reading's time.
   */
  static Window window(
      double secondsFromStart,
      double windowSeconds,
      Map<String, Long> before,
      Map<String, Long> after) {
    Map<String, Long> d = ThreadCpu.delta(before, after);
    long demo = d.values().stream().mapToLong(Long::longValue).sum();
    long jit = d.getOrDefault(ThreadCpu.JIT, 0L);
    return new Window(secondsFromStart, demo / 1e9 / windowSeconds, jit / 1e9 / windowSeconds);
  }

  private void sample() {
    try {
      Map<String, Long> before = ThreadCpu.byGroup(pid);
      long last = start;
      for (long next = start + windowNanos; running; next += windowNanos) {
        for (long wait = next - System.nanoTime(); wait > 0 && running; ) {
          TimeUnit.NANOSECONDS.sleep(Math.min(wait, 200_000_000L));
          wait = next - System.nanoTime();
        }
        long now = System.nanoTime();
        Map<String, Long> after = ThreadCpu.byGroup(pid);
        Window w = window((now - start) / 1e9, (now - last) / 1e9, before, after);
        synchronized (windows) {
          windows.add(w);
        }
        progress.accept(
            String.format(
                java.util.Locale.ROOT,
                "%.0f s: demo %.2f cores, JIT %.2f cores",
                w.endSeconds(),
                w.demoCores(),
                w.jitCores()));
        before = after;
        last = now;
      }
    } catch (IOException | InterruptedException | RuntimeException stopped) {
      // the demo ended, or /proc is not readable here: the timeline ends with what it has
    }
  }

  @Override
  public void measuredPartDue(long startNanos) {
    measuredStart = startNanos;
  }

  @Override
  public void finished() {
    running = false;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    sampler.interrupt();
    sampler.join();
  }

  /**
   * Returns the timeline for the report: the window's length, when the measured part was due
   * (seconds from the start) and each window's end, demo cores and JIT cores.
   */
  Map<String, Object> model() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("windowSeconds", windowNanos / 1e9);
    long due = measuredStart;
    m.put("measuredPartDueSeconds", due < 0 ? null : (due - start) / 1e9);
    List<Map<String, Object>> rows = new ArrayList<>();
    synchronized (windows) {
      for (Window w : windows) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("endSeconds", Math.round(w.endSeconds() * 10) / 10.0);
        row.put("demoCores", Math.round(w.demoCores() * 1000) / 1000.0);
        row.put("jitCores", Math.round(w.jitCores() * 1000) / 1000.0);
        rows.add(row);
      }
    }
    m.put("windows", rows);
    return m;
  }
}
