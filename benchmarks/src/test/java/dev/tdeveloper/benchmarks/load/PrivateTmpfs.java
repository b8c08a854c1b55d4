package dev.tdeveloper.benchmarks.load;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small tmpfs mounted on a directory in a private mount namespace, so that a child process can be
 * given a disk that fills up without touching the host: a holder process ({@code unshare --mount},
 * plus {@code --map-root-user} when not root) mounts the tmpfs and then waits; children join its
 * namespace with {@code nsenter} ({@link #launcher()}), so a child killed and started again sees
 * the same files. This JVM reaches the tmpfs through {@code /proc/<holder>/root}, to fill and free
 * it. {@link #close()} ends the holder, and the tmpfs with it.
 *
 * <p>It needs the right to make a mount namespace: root with {@code CAP_SYS_ADMIN}, or unprivileged
 * user namespaces. An unprivileged container (Docker's default capabilities and seccomp profile)
 * allows neither: {@link #mount} then fails saying so. Not thread-safe.
 */
final class PrivateTmpfs implements AutoCloseable {
  private final Path directory;
  private final Process holder;
  private final boolean root;

  private PrivateTmpfs(Path directory, Process holder, boolean root) {
    this.directory = directory;
    this.holder = holder;
    this.root = root;
  }

  /**
   * Mounts a tmpfs of {@code megabytes} on {@code directory} (created if missing) in a new private
   * mount namespace.
   *
   * @throws IllegalStateException if this machine allows no mount namespace (the message says why)
   */
  static PrivateTmpfs mount(Path directory, int megabytes) throws IOException {
    Files.createDirectories(directory);
    boolean root = runningAsRoot();
    List<String> command =
        new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private"));
    if (!root) {
      command.add("--map-root-user");
    }
    command.addAll(
        List.of(
            "/bin/sh",
            "-c",
            "mount -t tmpfs -o size=" + megabytes + "m tmpfs \"$0\" && echo mounted && exec cat",
            directory.toString()));
    Process holder = new ProcessBuilder(command).redirectErrorStream(true).start();
    String line =
        new java.io.BufferedReader(
                new java.io.InputStreamReader(
                    holder.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))
            .readLine();
    if (!"mounted".equals(line)) {
      holder.destroyForcibly();
      throw new IllegalStateException(
          "cannot mount a private tmpfs ("
              + String.join(" ", command)
              + ": "
              + line
              + "): filling the data directory's disk needs a mount namespace, so root with"
              + " CAP_SYS_ADMIN or unprivileged user namespaces; an unprivileged container allows"
              + " neither (run it with --cap-add SYS_ADMIN, or --privileged)");
    }
    return new PrivateTmpfs(directory, holder, root);
  }

  /** Returns the command prefix that runs a child in the tmpfs's mount namespace. */
  List<String> launcher() {
    List<String> command =
        new ArrayList<>(List.of("nsenter", "--target", Long.toString(holder.pid()), "--mount"));
    if (!root) {
      command.addAll(List.of("--user", "--preserve-credentials"));
    }
    command.add("--");
    return command;
  }

  /** Returns the directory as the namespace sees it: the tmpfs. */
  Path inside() {
    return Path.of("/proc/" + holder.pid() + "/root")
        .resolve(directory.toAbsolutePath().toString().substring(1));
  }

  /**
   * Fills the tmpfs with the file {@code name} until no space is left, and returns the file.
   *
   * @throws IllegalStateException if the file system never reports itself full
   */
  Path fill(String name) throws IOException {
    Path filler = inside().resolve(name);
    byte[] chunk = new byte[1 << 16];
    try (OutputStream out = Files.newOutputStream(filler)) {
      for (long written = 0; written < (1L << 33); written += chunk.length) {
        out.write(chunk);
      }
    } catch (IOException e) {
      if (String.valueOf(e.getMessage()).contains("No space left on device")) {
        return filler;
      }
      throw e;
    }
    throw new IllegalStateException(filler + " took 8 GiB without the disk filling up");
  }

  /** Ends the holder; the tmpfs goes once no child is left in the namespace. */
  @Override
  public void close() throws InterruptedException {
    holder.destroyForcibly();
    holder.waitFor();
  }

  private static boolean runningAsRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}
