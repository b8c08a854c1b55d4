package dev.tdeveloper.tenancy.registry;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The child process of {@link FileTenantRegistryCrashTest}: {@code <threads>} threads write to a
 * registry in {@code <directory>} forever, compacting every kilobyte or so. Thread {@code t}
 * creates tenant {@code w<t>-<n>} with attribute {@code seq=0}, updates it to {@code seq=1..4},
 * then moves to the next {@code n}, printing {@code ACK <id> <seq>} after each write returned. Each
 * ACK line is first appended to {@code <directory>.acks} with one unbuffered {@code write}, which a
 * {@code kill -9} cannot undo, so the parent reads every acknowledgement from that file instead of
 * from a pipe it may not have drained. It exits by itself when its standard input closes, so it
 * never outlives a crashed parent.
 */
public final class CrashingRegistryWriter {
  static final int UPDATES_PER_TENANT = 4;
  private static final PrintStream OUT = System.out;
  private static FileOutputStream acks;

  private CrashingRegistryWriter() {}

  /** Arguments: registry directory, number of threads. */
  public static void main(String[] args) throws IOException {
    ChildJvm.exitWhenParentGoes();
    acks = new FileOutputStream(ackFile(Path.of(args[0])).toFile(), true);
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

  /** Returns the file the child appends its ACK lines to, beside the registry's directory. */
  static Path ackFile(Path directory) {
    return directory.resolveSibling(directory.getFileName() + ".acks");
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
      if (line.startsWith("ACK ")) {
        try {
          acks.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      OUT.println(line);
      OUT.flush();
    }
  }
}
