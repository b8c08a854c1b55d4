package dev.tdeveloper.benchmarks.load;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What the {@link DiskFloorProbe} saw: each record's latency from its intended start to the end of
 * the force that covered it (coordinated omission corrected: a record scheduled during a slow force
 * is charged from when it should have been written, not from when the probe got to it), each
 * force's own duration, and the forces slower than {@link #STALL}, whose durations add up to the
 * stalled seconds. Not thread-safe: the probe's one thread records, the harness reads after it
 * stopped.
 */
final class FloorTally {
  /** A force slower than this counts as a stall (the p95 target, 100 ms). */
  static final Duration STALL = Duration.ofMillis(100);

  private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(2);
  private static final long STALL_NANOS = STALL.toNanos();

  private final Histogram records = new Histogram(HIGHEST_MICROS, 3);
  private final Histogram forces = new Histogram(HIGHEST_MICROS, 3);
  private long stalledForces;
  private long stalledNanos;

  /**
   * One force covered {@code count} records whose intended starts were {@code firstIntended},
   * {@code firstIntended + interval}, ...; the write and force ran from {@code start} to {@code
   * end} (all in nanoseconds of the same monotonic clock).
   *
   * @throws IllegalArgumentException if {@code count} is under 1, {@code interval} under 1, or
   *     {@code end} before {@code start}
   */
  void forced(long firstIntended, int count, long interval, long start, long end) {
    if (count < 1 || interval < 1 || end < start) {
      throw new IllegalArgumentException(
          "a force covers at least 1 record at an interval of at least 1 ns and ends after it"
              + " starts; was count "
              + count
              + ", interval "
              + interval
              + ", start "
              + start
              + ", end "
              + end);
    }
    for (int k = 0; k < count; k++) {
      records.recordValue(micros(end - (firstIntended + k * interval)));
    }
    long took = end - start;
    forces.recordValue(micros(took));
    if (took > STALL_NANOS) {
      stalledForces++;
      stalledNanos += took;
    }
  }

  /** Returns how many records forces covered. */
  long records() {
    return records.getTotalCount();
  }

  /** Returns how many forces ran. */
  long forces() {
    return forces.getTotalCount();
  }

  /** Returns the summed duration of the forces slower than {@link #STALL}. */
  Duration stalled() {
    return Duration.ofNanos(stalledNanos);
  }

  /**
   * Returns the report's figures for a probe that ran {@code measured}: records and forces, the
   * records' and the forces' percentiles in ms, the stalled forces and seconds, the stalled share
   * of {@code measured}, the share of records that waited more than {@link #STALL}, and what the
   * probe itself asked of the disk (forces and bytes per second, {@code recordBytes} a record).
   */
  Map<String, Object> model(Duration measured, int recordBytes) {
    double seconds = measured.toNanos() / 1e9;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("measuredSeconds", seconds);
    m.put("records", records());
    m.put("forcesAttempted", forces());
    m.put("recordLatencyMillis", percentiles(records));
    m.put("forceMillis", percentiles(forces));
    m.put("stalledForces", stalledForces);
    m.put("stalledSeconds", stalledNanos / 1e9);
    m.put("stalledShare", seconds == 0 ? 0.0 : stalledNanos / 1e9 / seconds);
    long slow = records() - records.getCountBetweenValues(0, micros(STALL_NANOS));
    m.put("recordsOver100MsShare", records() == 0 ? 0.0 : (double) slow / records());
    m.put("forcesPerSecond", seconds == 0 ? 0.0 : forces() / seconds);
    m.put("bytesPerSecond", seconds == 0 ? 0.0 : records() * (double) recordBytes / seconds);
    return m;
  }

  /** {@link LoadReport#percentiles}, with the mean for Little's law (threads / mean wait). */
  private static Map<String, Object> percentiles(Histogram h) {
    Map<String, Object> m = LoadReport.percentiles(h);
    m.put("mean", h.getMean() / 1000.0);
    return m;
  }

  private static long micros(long nanos) {
    return Math.min(Math.max(0, nanos / 1000), HIGHEST_MICROS);
  }
}
