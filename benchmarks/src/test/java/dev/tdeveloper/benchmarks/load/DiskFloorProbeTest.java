package dev.tdeveloper.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe's schedule on a simulated clock: only the probe's own thread moves it (parking moves it
 * by what was asked, a force by the disk's programmed duration), so every run is exact.
 */
class DiskFloorProbeTest {
  private static final long MS = 1_000_000;

  @TempDir Path dir;

  /** A disk whose force of the {@code n}th batch takes {@code took(n)} ns of the clock. */
  private static class SimulatedDisk implements DiskFloorProbe.Disk {
    final AtomicLong clock;
    final LongUnaryOperator took;
    final List<Integer> batches = new ArrayList<>();
    boolean closed;

    SimulatedDisk(AtomicLong clock, LongUnaryOperator took) {
      this.clock = clock;
      this.took = took;
    }

    @Override
    public void appendAndForce(int count) throws IOException {
      clock.addAndGet(took.applyAsLong(batches.size()));
      batches.add(count);
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** A probe whose first record is due at {@code start} and that stops {@code runNanos} later. */
  private static DiskFloorProbe probe(
      AtomicLong clock, DiskFloorProbe.Disk disk, long start, long runNanos) {
    DiskFloorProbe probe =
        new DiskFloorProbe(
            disk, clock::get, clock::addAndGet, Duration.ofMillis(10), Map.of("fileSystem", "sim"));
    probe.stopAt(start + runNanos);
    return probe;
  }

  private static DiskFloorProbe run(AtomicLong clock, DiskFloorProbe.Disk disk, long runNanos) {
    DiskFloorProbe probe = probe(clock, disk, clock.get(), runNanos);
    probe.measuredPartDue(clock.get());
    probe.finished();
    return probe;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> records(Map<String, Object> model) {
    return (Map<String, Object>) model.get("recordLatencyMillis");
  }

  @Test
  void onAFastDiskEveryRecordIsForcedAloneOnScheduleFromTheMeasuredPartsStart() {
    AtomicLong clock = new AtomicLong(5 * MS);
    SimulatedDisk disk = new SimulatedDisk(clock, n -> 2 * MS);
    long due = clock.get() + 3_000 * MS; // after the warm-up
    DiskFloorProbe probe = probe(clock, disk, due, 1_000 * MS);

    probe.measuredPartDue(due);
    probe.finished();

    Map<String, Object> m = probe.model();
    assertThat(m.get("recordsScheduled")).isEqualTo(100L);
    assertThat(m.get("records")).isEqualTo(100L);
    assertThat(m.get("forcesAttempted")).isEqualTo(100L);
    assertThat(disk.batches).containsOnly(1);
    assertThat((Double) records(m).get("p95")).isBetween(1.99, 2.01);
    assertThat(m.get("stalledForces")).isEqualTo(0L);
    assertThat(m).containsEntry("fileSystem", "sim").containsEntry("enabled", true);
  }

  @Test
  void recordsDueDuringAStallAreForcedTogetherAndChargedFromTheirIntendedStarts() {
    AtomicLong clock = new AtomicLong(0);
    // the 11th force (record 10, due at 100 ms) takes 355 ms; every other 1 ms
    SimulatedDisk disk = new SimulatedDisk(clock, n -> n == 10 ? 355 * MS : MS);
    DiskFloorProbe probe = run(clock, disk, 1_000 * MS);

    Map<String, Object> m = probe.model();
    // records 11-45 (due 110-450 ms) fell due while it ran: one batch at 455 ms
    assertThat(disk.batches.get(11)).isEqualTo(35);
    assertThat(m.get("records")).isEqualTo(100L);
    assertThat(m.get("forcesAttempted")).isEqualTo((long) disk.batches.size());
    assertThat(disk.batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
    assertThat((Double) records(m).get("max")).isBetween(355.0, 357.0); // record 10
    assertThat(m.get("stalledForces")).isEqualTo(1L);
    assertThat((Double) m.get("stalledSeconds")).isEqualTo(0.355);
    assertThat((Double) m.get("stalledShare")).isEqualTo(0.355);
    // records 10-35 waited more than 100 ms (record 35, due at 350 ms, was forced at 456 ms)
    assertThat((Double) m.get("recordsOver100MsShare")).isEqualTo(0.26);
  }

  @Test
  void recordsDueBeforeTheStopAreForcedEvenWhenTheStopFallsInAStall() {
    AtomicLong clock = new AtomicLong(0);
    SimulatedDisk disk = new SimulatedDisk(clock, n -> n == 5 ? 500 * MS : MS);
    DiskFloorProbe probe = run(clock, disk, 200 * MS); // stops in the middle of force 5

    Map<String, Object> m = probe.model();
    assertThat(m.get("recordsScheduled")).isEqualTo(20L);
    assertThat(m.get("records")).isEqualTo(20L);
    assertThat(disk.batches).containsExactly(1, 1, 1, 1, 1, 1, 14);
  }

  @Test
  void aFailingDiskEndsTheProbeAndTheReportSaysWhy() {
    AtomicLong clock = new AtomicLong(0);
    DiskFloorProbe.Disk disk =
        new SimulatedDisk(clock, n -> MS) {
          @Override
          public void appendAndForce(int count) throws IOException {
            if (batches.size() == 3) {
              throw new IOException("No space left on device");
            }
            super.appendAndForce(count);
          }
        };
    DiskFloorProbe probe = run(clock, disk, 1_000 * MS);

    Map<String, Object> m = probe.model();
    assertThat(m.get("records")).isEqualTo(3L);
    assertThat(m.get("recordsScheduled")).isEqualTo(100L);
    assertThat((String) m.get("failure")).contains("No space left on device");
  }

  @Test
  void itsFiguresAreAskedForOnlyOnceItRan() {
    AtomicLong clock = new AtomicLong(0);
    DiskFloorProbe probe = probe(clock, new SimulatedDisk(clock, n -> MS), 0, 100 * MS);

    assertThatThrownBy(probe::model)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has not run to its end");
  }

  @Test
  void theRealFileIsPreallocatedOnTheDataFileSystemAndDeletedOnClose() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data-full-chain"));
    DiskFloorFile file = DiskFloorFile.create(dir);

    assertThat(Files.size(file.path())).isEqualTo(DiskFloorFile.FILE_BYTES);
    file.appendAndForce(3);
    file.appendAndForce(DiskFloorFile.FILE_BYTES / DiskFloorFile.RECORD_BYTES); // wraps around
    assertThat(Files.size(file.path())).isEqualTo(DiskFloorFile.FILE_BYTES);
    file.close();
    assertThat(file.path()).doesNotExist();

    try (DiskFloorProbe probe = DiskFloorProbe.create(dir, data)) {
      assertThat(probe).isNotNull();
    }
    try (var left = Files.list(dir)) {
      assertThat(left).containsExactly(data);
    }
  }
}
