package dev.tdeveloper.scaling.simulation;

import java.time.Instant;
import java.time.InstantSource;

/** The simulator's clock, whole seconds, moved only by the simulator. Thread-safe. */
final class SimClock implements InstantSource {
  private volatile long epochSecond;

  SimClock(long epochSecond) {
    this.epochSecond = epochSecond;
  }

  void set(long epochSecond) {
    this.epochSecond = epochSecond;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochSecond(epochSecond);
  }
}
