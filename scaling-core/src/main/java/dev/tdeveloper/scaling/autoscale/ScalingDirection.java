package dev.tdeveloper.scaling.autoscale;

/** Which way a decision moves the replica count. */
public enum ScalingDirection {
  /** More replicas than now. */
  UP,
  /** Fewer replicas than now. */
  DOWN,
  /** As many replicas as now. */
  NONE;

  /**
   * The direction of a move from {@code current} to {@code desired} replicas.
   *
   * @param current replicas now
   * @param desired replicas wanted
   * @return {@link #UP}, {@link #DOWN} or {@link #NONE}
   */
  public static ScalingDirection of(int current, int desired) {
    return desired > current ? UP : desired < current ? DOWN : NONE;
  }
}
