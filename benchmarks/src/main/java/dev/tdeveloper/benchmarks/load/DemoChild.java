package dev.tdeveloper.benchmarks.load;

import dev.tdeveloper.demo.DemoApp;
import dev.tdeveloper.demo.DemoOptions;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.time.InstantSource;

/**
 * The child JVM's {@code main}: starts the demo with the options in {@code args} ({@link
 * DemoOptions#parse}), prints {@code ready <port>} once it serves, and halts when the parent goes
 * (its standard input ends). Separate from the generator so their CPU can be told apart.
 */
public final class DemoChild {
  /** The line printed once the demo serves, followed by a space and the port. */
  static final String READY = "ready";

  private DemoChild() {}

  /** Starts the demo; see the class comment. */
  public static void main(String[] args) throws Exception {
    ChildJvm.exitWhenParentGoes();
    DemoApp app = DemoApp.start(DemoOptions.parse(args), InstantSource.system());
    System.out.println(READY + " " + app.port());
    System.out.flush();
    app.join();
  }
}
