package dev.tdeveloper.scaling.step;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One direction of step scaling, as an AWS step scaling policy with its CloudWatch alarm: the alarm
 * threshold, the adjustment type, the optional minimum adjustment magnitude and the steps, whose
 * bounds are relative to the threshold. A scale-out policy's steps cover {@code [0, +inf)} above
 * the threshold; a scale-in policy's cover {@code (-inf, 0]} below it. Immutable.
 *
 * @param scaleOut true for the scale-out (metric at or above the threshold) policy, false for
 *     scale-in (metric at or below it)
 * @param threshold the alarm threshold, in the metric's unit
 * @param adjustmentType how the steps' adjustments apply
 * @param minAdjustmentMagnitude the fewest replicas a {@link
 *     AdjustmentType#PERCENT_CHANGE_IN_CAPACITY} step changes, 0 for none
 * @param steps the steps, sorted by bound, contiguous and non-overlapping
 */
public record StepPolicy(
    boolean scaleOut,
    double threshold,
    AdjustmentType adjustmentType,
    int minAdjustmentMagnitude,
    List<StepAdjustment> steps) {
  /**
   * Validates: a finite threshold; at least one step; steps neither overlapping nor leaving a gap;
   * at most one open bound on each side; scale-out steps starting at 0 and open above, scale-in
   * steps open below and ending at 0; adjustments of the policy's sign (ExactCapacity: {@code >=
   * 0}); a minimum magnitude only with percent changes. Errors name the steps by their position
   * (1-based, as given) and bounds.
   *
   * @throws IllegalArgumentException naming the field or steps, the values and what is allowed
   * @throws IllegalStateException when a minimum magnitude is set for a non-percent policy
   */
  public StepPolicy {
    Objects.requireNonNull(adjustmentType, "adjustmentType");
    String side = scaleOut ? "scaleOut" : "scaleIn";
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException(
          side + ".threshold: " + threshold + "; allowed: a finite number");
    }
    if (minAdjustmentMagnitude < 0) {
      throw new IllegalArgumentException(
          side
              + ".minAdjustmentMagnitude: "
              + minAdjustmentMagnitude
              + " is negative; allowed: >= 0 (0 = none)");
    }
    if (minAdjustmentMagnitude > 0 && adjustmentType != AdjustmentType.PERCENT_CHANGE_IN_CAPACITY) {
      throw new IllegalStateException(
          side
              + ".minAdjustmentMagnitude: "
              + minAdjustmentMagnitude
              + " with adjustment type "
              + adjustmentType
              + "; allowed only with PERCENT_CHANGE_IN_CAPACITY");
    }
    List<StepAdjustment> given = List.copyOf(steps);
    if (given.isEmpty()) {
      throw new IllegalArgumentException(side + ".steps: none; allowed: at least one step");
    }
    for (int i = 0; i < given.size(); i++) {
      checkSign(side, i, given.get(i), adjustmentType, scaleOut);
    }
    checkOpenEnds(side, given, true);
    checkOpenEnds(side, given, false);
    List<StepAdjustment> sorted = new ArrayList<>(given);
    sorted.sort(Comparator.comparingDouble(StepAdjustment::lowerBound));
    for (int i = 1; i < sorted.size(); i++) {
      StepAdjustment prev = sorted.get(i - 1);
      StepAdjustment next = sorted.get(i);
      if (next.lowerBound() != prev.upperBound()) {
        throw new IllegalArgumentException(
            side
                + ": "
                + name(given, next)
                + (next.lowerBound() < prev.upperBound() ? " overlaps " : " leaves a gap after ")
                + name(given, prev)
                + "; allowed: each step starts where the previous one ends");
      }
    }
    StepAdjustment first = sorted.get(0);
    StepAdjustment last = sorted.get(sorted.size() - 1);
    double from = scaleOut ? 0 : Double.NEGATIVE_INFINITY;
    double to = scaleOut ? Double.POSITIVE_INFINITY : 0;
    if (first.lowerBound() != from || last.upperBound() != to) {
      throw new IllegalArgumentException(
          side
              + ": steps cover ["
              + bound(first.lowerBound())
              + ", "
              + bound(last.upperBound())
              + "]; allowed: "
              + (scaleOut
                  ? "from 0 (the threshold) up to an open upper bound"
                  : "from an open lower bound up to 0 (the threshold)"));
    }
    steps = List.copyOf(sorted);
  }

  /**
   * Starts a scale-out policy whose alarm fires when the metric is at or above {@code threshold}.
   *
   * @param threshold the alarm threshold
   * @return a builder
   */
  public static Builder scaleOut(double threshold) {
    return new Builder(true, threshold);
  }

  /**
   * Starts a scale-in policy whose alarm fires when the metric is at or below {@code threshold}.
   *
   * @param threshold the alarm threshold
   * @return a builder
   */
  public static Builder scaleIn(double threshold) {
    return new Builder(false, threshold);
  }

  /**
   * The step a metric value falls in.
   *
   * @param metric the metric's value
   * @return the matching step, or empty when the alarm is not breached
   */
  public Optional<StepAdjustment> stepFor(double metric) {
    double delta = metric - threshold;
    for (StepAdjustment s : steps) {
      if (s.matches(delta, scaleOut)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  private static void checkSign(
      String side, int i, StepAdjustment s, AdjustmentType type, boolean scaleOut) {
    boolean ok =
        type == AdjustmentType.EXACT_CAPACITY
            ? s.adjustment() >= 0
            : scaleOut ? s.adjustment() > 0 : s.adjustment() < 0;
    if (!ok) {
      String allowed =
          type == AdjustmentType.EXACT_CAPACITY ? ">= 0" : scaleOut ? "> 0" : "< 0 (removes)";
      throw new IllegalArgumentException(
          side
              + ": step "
              + (i + 1)
              + " "
              + s
              + " with "
              + type
              + "; allowed adjustment: "
              + allowed);
    }
  }

  private static void checkOpenEnds(String side, List<StepAdjustment> given, boolean lower) {
    List<String> open = new ArrayList<>();
    for (StepAdjustment s : given) {
      if (Double.isInfinite(lower ? s.lowerBound() : s.upperBound())) {
        open.add(name(given, s));
      }
    }
    if (open.size() > 1) {
      throw new IllegalArgumentException(
          side
              + ": "
              + String.join(" and ", open)
              + " both have no "
              + (lower ? "lower" : "upper")
              + " bound; allowed: at most one open-ended step on each side");
    }
  }

  private static String name(List<StepAdjustment> given, StepAdjustment s) {
    return "step " + (given.indexOf(s) + 1) + " " + s;
  }

  private static String bound(double b) {
    return b == Double.NEGATIVE_INFINITY
        ? "-inf"
        : b == Double.POSITIVE_INFINITY ? "+inf" : StepAdjustment.fmt(b);
  }

  /** Builds a {@link StepPolicy}; not thread-safe. */
  public static final class Builder {
    private final boolean scaleOut;
    private final double threshold;
    private AdjustmentType type = AdjustmentType.CHANGE_IN_CAPACITY;
    private int minAdjustmentMagnitude;
    private final List<StepAdjustment> steps = new ArrayList<>();

    private Builder(boolean scaleOut, double threshold) {
      this.scaleOut = scaleOut;
      this.threshold = threshold;
    }

    /**
     * Sets how the adjustments apply; default {@link AdjustmentType#CHANGE_IN_CAPACITY}.
     *
     * @param type the adjustment type
     * @return this builder
     */
    public Builder adjustmentType(AdjustmentType type) {
      this.type = Objects.requireNonNull(type, "adjustmentType");
      return this;
    }

    /**
     * Sets the fewest replicas a percent step changes (AWS {@code MinAdjustmentMagnitude}).
     *
     * @param replicas at least 1
     * @return this builder
     */
    public Builder minAdjustmentMagnitude(int replicas) {
      this.minAdjustmentMagnitude = replicas;
      return this;
    }

    /**
     * Adds a step.
     *
     * @param step the step
     * @return this builder
     */
    public Builder step(StepAdjustment step) {
      steps.add(Objects.requireNonNull(step, "step"));
      return this;
    }

    /**
     * Builds and validates the policy.
     *
     * @return the policy
     * @throws IllegalArgumentException as {@link StepPolicy}'s constructor does
     * @throws IllegalStateException as {@link StepPolicy}'s constructor does
     */
    public StepPolicy build() {
      return new StepPolicy(scaleOut, threshold, type, minAdjustmentMagnitude, steps);
    }
  }
}
