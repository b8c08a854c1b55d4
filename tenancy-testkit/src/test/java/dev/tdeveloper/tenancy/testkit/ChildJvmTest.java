package dev.tdeveloper.tenancy.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A killed child's unread output is handed back whole, up to its end. */
class ChildJvmTest {
  private static final int LINES = 5_000;

  @TempDir Path temp;

  /** Prints {@code LINES} numbered lines, says so on standard error, then waits to be killed. */
  public static final class Printer {
    private Printer() {}

    /** Runs the printer. */
    public static void main(String[] args) throws InterruptedException {
      ChildJvm.exitWhenParentGoes();
      for (int n = 0; n < LINES; n++) {
        System.out.println("LINE " + n);
      }
      System.out.flush();
      System.err.println("printed");
      System.err.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  @Test
  void killReturnsEveryLineTheChildWroteAndDidNotHaveRead() throws Exception {
    try (ChildJvm child = ChildJvm.start(Printer.class, temp.resolve("printer.err"))) {
      assertThat(child.nextLine(60)).isEqualTo("LINE 0");
      // The child has written every line once its standard error says so.
      for (int waited = 0; !child.errorOutput().contains("printed"); waited++) {
        assertThat(waited).as("the child printed its lines within 60 s").isLessThan(600);
        Thread.sleep(100);
      }
      List<String> rest = child.kill();
      assertThat(rest)
          .containsExactlyElementsOf(IntStream.range(1, LINES).mapToObj(n -> "LINE " + n).toList());
    }
  }

  @Test
  void nextLineSaysTheOutputEndedOnceTheChildIsGone() throws Exception {
    try (ChildJvm child = ChildJvm.start(Printer.class, temp.resolve("printer.err"))) {
      assertThat(child.nextLine(60)).isEqualTo("LINE 0");
      child.kill();
      assertThat(child.nextLine(60)).isEqualTo(ChildJvm.EOF);
    }
  }
}
