package dev.tdeveloper.tenancy.usage.file;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import dev.tdeveloper.tenancy.usage.UsageEvent;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * The child process of {@link FileUsageStoreCrashTest}: opens a store and appends from several
 * threads forever, printing {@code ACK <key>} after each append returns, until it is killed. It
 * exits by itself when its standard input closes, so it never outlives a crashed parent.
 */
public final class CrashingAppender {
  private CrashingAppender() {}

  /** Arguments: store directory, fsync policy, number of threads. */
  public static void main(String[] args) throws Exception {
    Path directory = Path.of(args[0]);
    FsyncPolicy policy = FsyncPolicy.valueOf(args[1]);
    int threads = Integer.parseInt(args[2]);
    ChildJvm.exitWhenParentGoes();

    FileUsageStore store =
        FileUsageStore.builder(directory).fsyncPolicy(policy).segmentSizeBytes(8192).open();
    PrintStream out = System.out;
    out.println("READY");
    out.flush();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      new Thread(
              () -> {
                for (long i = 0; ; i++) {
                  String key = "t" + thread + "-" + i;
                  store.append(
                      new UsageEvent(
                          TenantId.of("tenant-" + thread),
                          "api_calls",
                          i,
                          Instant.parse("2026-01-01T10:00:00Z"),
                          key,
                          Map.of("region", "eu-west-1")));
                  synchronized (out) {
                    out.println("ACK " + key);
                    out.flush();
                  }
                }
              },
              "appender-" + t)
          .start();
    }
  }
}
