package dev.tdeveloper.benchmarks.load;

import dev.tdeveloper.tenancy.time.Ticker;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * The disk's floor, measured beside a load test's measured part: on the file system of the demo's
 * data directory, one thread appends a {@value DiskFloorFile#RECORD_BYTES}-byte record every {@link
 * #INTERVAL} (an open model, as the generator's requests) to a preallocated file and forces it, as
 * the demo's stores force a usage event. Records that fall due while a force runs are written
 * together and forced once afterwards (the stores' group commit), and each record's latency runs
 * from its intended start to the end of the force that covered it ({@link FloorTally}), so a slow
 * force is charged to every record it held up. The requests' p95 can then be read against the
 * floor's: a request that waits on a forced write cannot be faster than the record.
 *
 * <p>Its own load on the disk: at most 100 forces and 30 kB a second, one file of 1 MiB, deleted on
 * {@link #close()}. A {@link LoadObserver}: it starts when the generator's measured part starts and
 * stops when the part's last request completes. Thread-safe.
 */
public final class DiskFloorProbe implements LoadObserver, Closeable {
  /** Time between two records' intended starts. */
  public static final Duration INTERVAL = Duration.ofMillis(10);

  /** What the probe writes to and forces: the real file, or a test's stand-in. */
  interface Disk extends Closeable {
    /** Writes the next {@code count} records and forces them. */
    void appendAndForce(int count) throws IOException;
  }

  private final Disk disk;
  private final Ticker ticker;
  private final LongConsumer park;
  private final long interval;
  private final Map<String, Object> where;
  private final FloorTally tally = new FloorTally();
  private volatile long stopAt = Long.MAX_VALUE;
  private long startedAt;
  private boolean done;
  private Thread thread;
  private volatile Optional<String> failure = Optional.empty();

  DiskFloorProbe(
      Disk disk, Ticker ticker, LongConsumer park, Duration interval, Map<String, Object> where) {
    this.disk = Objects.requireNonNull(disk, "disk");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.park = Objects.requireNonNull(park, "park");
    this.interval = interval.toNanos();
    if (this.interval < 1) {
      throw new IllegalArgumentException("interval must be positive, was " + interval);
    }
    this.where = Map.copyOf(where);
  }

  /**
   * A probe writing to a new file in {@code dir}, which must lie on the same file system as the
   * demo's {@code dataDir} (checked when both exist; the report says which file system).
   *
   * @throws IOException if the file cannot be created and preallocated
   */
  public static DiskFloorProbe create(Path dir, Path dataDir) throws IOException {
    DiskFloorFile file = DiskFloorFile.create(dir);
    FileStore store = Files.getFileStore(dir);
    Map<String, Object> where = new LinkedHashMap<>();
    where.put("fileSystem", store.type() + " " + store.name());
    where.put(
        "sameFileSystemAsData",
        !Files.exists(dataDir) || Files.getFileStore(dataDir).equals(store));
    return new DiskFloorProbe(file, Ticker.system(), LockSupport::parkNanos, INTERVAL, where);
  }

  /** Starts the probe when the measured part's first request is due. */
  @Override
  public void measuredPartDue(long startNanos) {
    startAt(startNanos);
  }

  /**
   * Starts the probe's thread, its first record due at {@code nanos} of the ticker (once; later
   * calls do nothing).
   */
  synchronized void startAt(long nanos) {
    if (thread != null) {
      return;
    }
    startedAt = nanos;
    thread = new Thread(this::probe, "disk-floor-probe");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Stops scheduling records and waits for the thread to force those already due (a record due
   * before the stop is written, however long the force before it took).
   */
  @Override
  public synchronized void finished() {
    if (thread == null || done) {
      return;
    }
    if (stopAt == Long.MAX_VALUE) {
      stopAt = ticker.read();
    }
    try {
      thread.join();
      done = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops scheduling records at {@code nanos} of the ticker (tests: a run of a known length). */
  void stopAt(long nanos) {
    stopAt = nanos;
  }

  /** Runs the schedule until stopped: the thread's body. */
  private void probe() {
    long t0 = startedAt;
    long next = 0; // the index of the next record to write
    while (true) {
      long intended = t0 + next * interval;
      long stop = stopAt;
      if (intended >= stop) {
        return;
      }
      long now = ticker.read();
      if (now < intended) {
        park.accept(Math.min(intended - now, interval)); // wakes in time to see a stop
        continue;
      }
      long last = (Math.min(now, stop - 1) - t0) / interval; // every record due by now
      int count = (int) (last - next + 1);
      long start = ticker.read();
      try {
        disk.appendAndForce(count);
      } catch (IOException | RuntimeException e) {
        failure = Optional.of(e.toString()); // the probe ends; the report says why
        return;
      }
      tally.forced(intended, count, interval, start, ticker.read());
      next = last + 1;
    }
  }

  /**
   * Returns the report's figures ({@link FloorTally#model}, where the file was, the schedule and
   * any failure that ended the probe early); call after {@link #finished()}.
   *
   * @throws IllegalStateException if the probe never started or has not finished
   */
  public synchronized Map<String, Object> model() {
    if (!done) {
      throw new IllegalStateException("the disk floor probe has not run to its end");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("enabled", true);
    m.putAll(where);
    m.put("intervalMillis", interval / 1e6);
    m.put("recordBytes", DiskFloorFile.RECORD_BYTES);
    m.put("stallMillis", FloorTally.STALL.toMillis());
    m.putAll(tally.model(Duration.ofNanos(stopAt - startedAt), DiskFloorFile.RECORD_BYTES));
    m.put("recordsScheduled", scheduled());
    failure.ifPresent(f -> m.put("failure", f));
    return m;
  }

  /** Returns the report entry of a run without the probe ({@code --disk-floor off}). */
  public static Map<String, Object> off() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("enabled", false);
    return m;
  }

  /** Records whose intended start fell between the start and the stop. */
  private long scheduled() {
    long span = stopAt - startedAt;
    return span <= 0 ? 0 : (span - 1) / interval + 1;
  }

  /** Stops the probe if still running, then closes and deletes its file. */
  @Override
  public void close() throws IOException {
    finished();
    disk.close();
  }
}
