package ${package};

import dev.tdeveloper.scaling.spi.ScalingBackend;
import dev.tdeveloper.scaling.testkit.ScalingBackendContract;

/** Holds {@link ${cloud}ScalingBackend} to the SDK's contract kit; fails until it is implemented. */
class ${cloud}ScalingBackendTest extends ScalingBackendContract {
  /** How long one {@link #passTime()} waits for ${cloud} to launch or terminate replicas. */
  private static final long POLL_MILLIS = 5_000;

  /**
   * Returns a backend on a test workload of its own at zero or one replica, allowed at least {@link
   * #MAX_USED} replicas; the kit scales it, so never point it at a workload that serves traffic.
   */
  @Override
  protected ScalingBackend newBackend() {
    return new ${cloud}ScalingBackend();
  }

  /** Waits a little: ${cloud}'s replicas start and stop in real time. */
  @Override
  protected void passTime() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for ${cloud} replicas", e);
    }
  }

  /** Gives ${cloud} up to ten minutes (120 polls of 5 s) to reach each state the kit waits for. */
  @Override
  protected int maxSteps() {
    return 120;
  }
}
