package dev.tdeveloper.tenancy.registry;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The child process of {@link FileTenantRegistryCrashTest}: {@code <threads>} threads write to a
 * registry in {@code <directory>} forever, compacting every kilobyte or so. Thread {@code t}
 * creates tenant {@code w<t>-<n>} with attribute {@code seq=0}, updates it to {@code seq=1..4},
 * then moves to the next {@code n}, printing {@code ACK <id> <seq>} after each write returned. It
 * exits by itself when its standard input closes, so it never outlives a crashed parent.
 */
public final class CrashingRegistryWriter {
  static final int UPDATES_PER_TENANT = 4;
  private static final PrintStream OUT = System.out;

  private CrashingRegistryWriter() {}

  /** Arguments: registry directory, number of threads. */
  public static void main(String[] args) {
    ChildJvm.exitWhenParentGoes();
    FileTenantRegistry registry =
        FileTenantRegistry.builder(Path.of(args[0]))
            .compactionThresholdBytes(FileTenantRegistry.MIN_COMPACTION_THRESHOLD_BYTES)
            .open();
    say("READY");
    for (int t = 0; t < Integer.parseInt(args[1]); t++) {
      int thread = t;
      new Thread(() -> writeForever(registry, thread), "writer-" + t).start();
    }
  }

  static TenantId id(int thread, long n) {
    return TenantId.of("w" + thread + "-" + n);
  }

  private static void writeForever(FileTenantRegistry registry, int thread) {
    for (long n = 0; ; n++) {
      TenantId id = id(thread, n);
      registry.create(
          Tenant.builder(id)
              .displayName("Writer " + thread)
              .attributes(Map.of("seq", "0"))
              .build());
      say("ACK " + id + " 0");
      for (int seq = 1; seq <= UPDATES_PER_TENANT; seq++) {
        String value = Integer.toString(seq);
        registry.update(
            id, t -> t.toBuilder().plan("pro").attributes(Map.of("seq", value)).build());
        say("ACK " + id + " " + seq);
      }
    }
  }

  private static void say(String line) {
    synchronized (OUT) {
      OUT.println(line);
      OUT.flush();
    }
  }
}
