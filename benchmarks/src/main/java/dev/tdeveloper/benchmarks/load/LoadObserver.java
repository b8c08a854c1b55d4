package dev.tdeveloper.benchmarks.load;

/**
 * Watches a run of the {@link ConstantRateGenerator}: where the isolation checker, fault injectors
 * and scale or region replays of later phases plug in. Called from the generator's threads, so an
 * implementation must be thread-safe and quick; one that throws is not caught.
 */
public interface LoadObserver {
  /**
   * The run is about to start; its measured part's first request is due at {@code startNanos} of
   * {@link System#nanoTime()} (when the demo keeps up; a stalled demo makes the generator reach it
   * later, and {@link #started} comes then).
   */
  default void measuredPartDue(long startNanos) {}

  /**
   * The generator reaches the measured part (sends its first request) to the demo on {@code port}.
   */
  default void started(int port) {}

  /**
   * A measured request completed.
   *
   * @param request what was sent
   * @param outcome how it was answered
   * @param status the HTTP status, {@code 0} when there was no answer
   * @param latencyNanos from its intended start to its answer
   */
  default void completed(Mix.Planned request, Outcome outcome, int status, long latencyNanos) {}

  /**
   * A warm-up request (not measured) completed; for observers that must account for every request
   * the demo saw (the isolation checker's metered usage).
   *
   * @param request what was sent
   * @param outcome how it was answered
   * @param status the HTTP status, {@code 0} when there was no answer
   */
  default void warmupCompleted(Mix.Planned request, Outcome outcome, int status) {}

  /** Every request of the run completed. */
  default void finished() {}
}
