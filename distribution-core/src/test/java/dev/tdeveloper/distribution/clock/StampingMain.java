package dev.tdeveloper.distribution.clock;

import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The child process of {@link HlcCrashTest}: an {@link Hlc} over a {@link FileHlcStateStore} at
 * {@code args[0]} with a 20 ms reservation window, printing {@code STAMP <packed>} after each stamp
 * it issues, forever, from two threads. It exits when its standard input closes.
 */
public final class StampingMain {
  private StampingMain() {}

  /** Arguments: the state file. */
  public static void main(String[] args) {
    ChildJvm.exitWhenParentGoes();
    Hlc hlc =
        Hlc.builder()
            .stateStore(FileHlcStateStore.open(Path.of(args[0])))
            .reservationWindow(Duration.ofMillis(20))
            .build();
    PrintStream out = System.out;
    out.println("READY");
    out.flush();
    for (int t = 0; t < 2; t++) {
      new Thread(
              () -> {
                for (int i = 0; ; i++) {
                  HlcTimestamp stamp = i % 2 == 0 ? hlc.now() : hlc.update(hlc.current());
                  synchronized (out) {
                    out.println("STAMP " + stamp.encode());
                    out.flush();
                  }
                }
              },
              "stamper-" + t)
          .start();
    }
  }
}
