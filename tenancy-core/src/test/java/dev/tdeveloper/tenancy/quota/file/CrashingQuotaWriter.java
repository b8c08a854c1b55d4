package dev.tdeveloper.tenancy.quota.file;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.QuotaAddResult;
import dev.tdeveloper.tenancy.spi.QuotaKey;
import dev.tdeveloper.tenancy.testkit.AttemptLog;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * The child process of {@link FileQuotaStoreCrashTest}. Mode {@code adds <threads> <attempts>}:
 * adds 1 to shared counters from several threads forever, compacting every few kilobytes, recording
 * {@code <key>} in the {@link AttemptLog} {@code attempts} before each add and printing {@code ACK
 * <key> <value>} after it. Mode {@code compact <step>}: adds to a few counters, then compacts and
 * stops for good at {@code step}, printing {@code STEP <step>}. It exits by itself when its
 * standard input closes, so it never outlives a crashed parent.
 */
public final class CrashingQuotaWriter {
  static final Instant WINDOW = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant EXPIRES = WINDOW.plus(Duration.ofDays(31));
  static final int KEYS = 6;
  private static final PrintStream OUT = System.out;

  private CrashingQuotaWriter() {}

  /** Returns the counter a key name in the output stands for: {@code tenant-<n>/notes-<n>}. */
  static QuotaKey key(String name) {
    String[] parts = name.split("/");
    return new QuotaKey(TenantId.of(parts[0]), parts[1], WINDOW);
  }

  static String keyName(int i) {
    return "tenant-" + (i % 2) + "/notes-" + (i % 3);
  }

  /** Arguments: store directory, then {@code adds <threads>} or {@code compact <step>}. */
  public static void main(String[] args) throws Exception {
    ChildJvm.exitWhenParentGoes();
    Path directory = Path.of(args[0]);
    if (args[1].equals("adds")) {
      addForever(directory, Integer.parseInt(args[2]), Path.of(args[3]));
    } else {
      compactUntil(directory, CounterLog.CompactionStep.valueOf(args[2]));
    }
  }

  private static void addForever(Path directory, int threads, Path attemptsFile)
      throws IOException {
    AttemptLog attempts = AttemptLog.open(attemptsFile);
    FileQuotaStore store =
        FileQuotaStore.builder(directory)
            .clock(new ManualClock(WINDOW))
            .compactionThresholdBytes(FileQuotaStore.MIN_COMPACTION_THRESHOLD_BYTES)
            .open();
    say("READY");
    for (int t = 0; t < threads; t++) {
      int thread = t;
      new Thread(
              () -> {
                for (int i = thread; ; i++) {
                  String name = keyName(i % KEYS);
                  attempts.record(name);
                  QuotaAddResult result = store.tryAdd(key(name), 1, Long.MAX_VALUE, EXPIRES);
                  say("ACK " + name + " " + result.used());
                }
              },
              "adder-" + t)
          .start();
    }
  }

  private static void compactUntil(Path directory, CounterLog.CompactionStep stop)
      throws InterruptedException {
    CountDownLatch never = new CountDownLatch(1);
    ManualClock clock = new ManualClock(WINDOW);
    FileQuotaStore store =
        FileQuotaStore.builder(directory)
            .clock(clock)
            .compactionHook(
                step -> {
                  if (step == stop) {
                    say("STEP " + step);
                    try {
                      never.await(); // held here, with the store's locks, until killed
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                })
            .open();
    // One counter whose window ends before the compaction, which must drop it.
    store.tryAdd(
        new QuotaKey(TenantId.of("tenant-9"), "hourly", WINDOW),
        5,
        10,
        WINDOW.plus(Duration.ofHours(1)));
    clock.advance(Duration.ofHours(2));
    for (int i = 0; i < 20; i++) {
      String name = keyName(i % KEYS);
      say("ACK " + name + " " + store.tryAdd(key(name), i + 1, Long.MAX_VALUE, EXPIRES).used());
    }
    String released = keyName(0);
    say("ACK " + released + " " + store.subtract(key(released), 3));
    store.compact();
    say("COMPACTED");
  }

  private static void say(String line) {
    synchronized (OUT) {
      OUT.println(line);
      OUT.flush();
    }
  }
}
