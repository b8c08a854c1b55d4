package dev.tdeveloper.demo.notes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One round of a crash test: a child JVM writing notes, killed once it acknowledged enough. */
public final class CrashRound {
  private CrashRound() {}

  /**
   * Starts {@code main} with {@code args}, waits for its {@code READY}, reads its lines until
   * {@code acks} of them start with {@code ACK}, kills it ({@code kill -9}) and returns every whole
   * line it printed (the last line after the kill may be cut short, so it is dropped).
   */
  public static List<String> linesUntilKilled(Class<?> main, Path errors, int acks, String... args)
      throws Exception {
    try (ChildJvm child = ChildJvm.start(main, errors, args)) {
      child.awaitLine("READY", 60);
      List<String> lines = new ArrayList<>();
      for (int seen = 0; seen < acks; ) {
        String line = child.nextLine(60);
        assertThat(line).as("child output ended early").isNotEqualTo(ChildJvm.EOF);
        lines.add(line);
        seen += line.startsWith("ACK ") ? 1 : 0;
      }
      List<String> rest = child.kill();
      lines.addAll(rest.subList(0, Math.max(0, rest.size() - 1)));
      return lines;
    }
  }
}
