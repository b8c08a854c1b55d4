package dev.tdeveloper.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How busy the whole machine was during a measured run, from the first line of {@code /proc/stat}
 * read when the measured part starts and when it ends: the busy share (every state but idle and I/O
 * wait), the I/O wait share and the share stolen by the hypervisor. Beside the disk floor it tells
 * which limit a stalled run hit: a busy share near 1 is the CPU, a high floor with CPU to spare is
 * the disk. Benchmark-only; Linux only (elsewhere the model says it is unavailable).
 */
final class MachineCpu implements LoadObserver {
  private static final Path STAT = Path.of("/proc/stat");

  private final Path stat;
  private volatile Optional<long[]> start = Optional.empty();
  private volatile Optional<long[]> end = Optional.empty();

  MachineCpu() {
    this(STAT);
  }

  MachineCpu(Path stat) {
    this.stat = stat;
  }

  @Override
  public void started(int port) {
    start = read();
  }

  @Override
  public void finished() {
    end = read();
  }

  /** The run's shares as the report holds them ({@code available: false} without two readings). */
  Map<String, Object> model() {
    if (start.isEmpty() || end.isEmpty()) {
      return Map.of("available", false);
    }
    return shares(start.get(), end.get());
  }

  private Optional<long[]> read() {
    if (!Files.isReadable(stat)) {
      return Optional.empty();
    }
    try (var lines = Files.lines(stat)) {
      return lines.findFirst().map(MachineCpu::parse);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + stat, e);
    }
  }

  /**
   * Parses the aggregate {@code cpu} line of {@code /proc/stat}: user, nice, system, idle, iowait,
   * irq, softirq, steal (guest time is already inside user and nice), in clock ticks.
   *
   * @throws IllegalArgumentException naming the line when it is not an aggregate cpu line with at
   *     least eight counters
   */
  static long[] parse(String line) {
    String[] f = line.trim().split("\\s+");
    if (!f[0].equals("cpu") || f.length < 9) {
      throw new IllegalArgumentException(
          "not /proc/stat's aggregate cpu line with 8 counters: '" + line + "'");
    }
    long[] ticks = new long[8];
    for (int i = 0; i < ticks.length; i++) {
      ticks[i] = Long.parseLong(f[i + 1]);
    }
    return ticks;
  }

  /** The busy, I/O wait and steal shares (0 to 1) of the ticks between two readings. */
  static Map<String, Object> shares(long[] before, long[] after) {
    long total = 0;
    long[] d = new long[before.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = after[i] - before[i];
      total += d[i];
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("available", true);
    m.put("ticks", total);
    m.put("busyShare", total == 0 ? 0.0 : (double) (total - d[3] - d[4]) / total);
    m.put("ioWaitShare", total == 0 ? 0.0 : (double) d[4] / total);
    m.put("stealShare", total == 0 ? 0.0 : (double) d[7] / total);
    return m;
  }
}
