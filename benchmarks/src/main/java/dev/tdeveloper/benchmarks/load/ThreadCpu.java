package dev.tdeveloper.benchmarks.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU time of a Linux process's threads grouped by name ({@code /proc/PID/task/TID/stat}, user
 * + system, in clock ticks of 10 ms), so a probe can tell the request threads (Jetty's {@code
 * qtp...}) from the audit writer, the JIT compilers, the GC and background jobs, whose CPU does not
 * scale with the requests served. Benchmark-only; Linux only.
 */
final class ThreadCpu {
  /** The group of HotSpot's JIT compiler threads ({@code C1 CompilerThread0}, ...). */
  static final String JIT = "jit";

  private static final long NANOS_PER_TICK = 10_000_000L;

  private ThreadCpu() {}

  /** Returns CPU nanoseconds per thread group of process {@code pid}, now. */
  static Map<String, Long> byGroup(long pid) throws IOException {
    Map<String, Long> groups = new TreeMap<>();
    try (DirectoryStream<Path> tasks =
        Files.newDirectoryStream(Path.of("/proc", pid + "", "task"))) {
      for (Path task : tasks) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (NoSuchFileException ended) {
          continue; // the thread ended meanwhile
        }
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        String[] fields = stat.substring(close + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        groups.merge(group(stat.substring(open + 1, close)), ticks * NANOS_PER_TICK, Long::sum);
      }
    }
    return groups;
  }

  /** The group of a thread name: digits dropped, so pool threads add up. */
  static String group(String name) {
    if (name.startsWith("qtp")) {
      return "jetty qtp";
    }
    if (name.contains("Compiler")) {
      return JIT;
    }
    if (name.startsWith("G1 ") || name.startsWith("GC ")) {
      return "gc";
    }
    return name.replaceAll("[0-9]+", "N");
  }

  /** Returns {@code after - before} per group, groups with no CPU dropped. */
  static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> d = new TreeMap<>();
    after.forEach(
        (g, v) -> {
          long x = v - before.getOrDefault(g, 0L);
          if (x > 0) {
            d.put(g, x);
          }
        });
    return d;
  }

  /**
   * Returns CPU nanoseconds by group as microseconds per request over {@code requests}, the largest
   * first (every value 0 when {@code requests} is 0).
   */
  static Map<String, Double> microsPerRequest(Map<String, Long> nanosByGroup, long requests) {
    Map<String, Double> m = new LinkedHashMap<>();
    nanosByGroup.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> m.put(e.getKey(), requests == 0 ? 0 : e.getValue() / 1e3 / requests));
    return m;
  }
}
