package dev.tdeveloper.tenancy.testkit;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link ChildJvm} tried, for crash tests that bound the state after a kill from above: the
 * child records each attempt here <em>before</em> making it, with one unbuffered write, so the
 * kernel holds the line whatever happens to the process. Attempts must not be reported on standard
 * output instead: lines a process writes there just before {@code kill -9} can be lost, which makes
 * an upper bound too low.
 *
 * <p>Thread-safe: the child's threads may record concurrently.
 */
public final class AttemptLog implements AutoCloseable {
  private final FileOutputStream out;

  private AttemptLog(FileOutputStream out) {
    this.out = out;
  }

  /** Opens (creating or appending to) the attempt log at {@code file}; for the child. */
  public static AttemptLog open(Path file) throws IOException {
    return new AttemptLog(new FileOutputStream(file.toFile(), true));
  }

  /** Records one attempt of {@code name} (no line breaks) before it is made. */
  public void record(String name) {
    if (name.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("an attempt name must be one line");
    }
    byte[] line = (name + "\n").getBytes(StandardCharsets.UTF_8);
    synchronized (out) {
      try {
        out.write(line);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Returns how many attempts of each name {@code file} records; for the parent, after a kill. */
  public static Map<String, Long> counts(Path file) throws IOException {
    Map<String, Long> counts = new TreeMap<>();
    for (String name : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      counts.merge(name, 1L, Long::sum);
    }
    return counts;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
