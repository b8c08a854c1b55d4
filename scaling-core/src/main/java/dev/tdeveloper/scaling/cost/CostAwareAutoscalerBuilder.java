package dev.tdeveloper.scaling.cost;

import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Configures a {@link CostAwareAutoscaler}: the options, the SLO utilization ceiling (default 0.7),
 * the minimum on-demand share of nominal capacity (default 0.3), an optional budget per hour and
 * the replica bounds (default 0 to 100). Setters check their value; {@link #build()} checks the
 * combination. Not thread-safe.
 */
public final class CostAwareAutoscalerBuilder {
  final List<CapacityOption> options = new ArrayList<>();
  double ceiling = 0.7;
  double minOnDemandShare = 0.3;
  double budget = Double.POSITIVE_INFINITY;
  ReplicaBounds bounds = ReplicaBounds.of(0, 100);

  CostAwareAutoscalerBuilder() {}

  /**
   * Adds a capacity option.
   *
   * @param option an option whose name no other option has
   * @return this builder
   * @throws IllegalArgumentException when the name is taken or more than {@value
   *     CostAwareAutoscaler#MAX_OPTIONS} options would be configured
   */
  public CostAwareAutoscalerBuilder option(CapacityOption option) {
    Objects.requireNonNull(option, "option");
    for (CapacityOption o : options) {
      if (o.name().equals(option.name())) {
        throw new IllegalArgumentException(
            "option: duplicate option name '" + option.name() + "'; allowed: unique names");
      }
    }
    if (options.size() >= CostAwareAutoscaler.MAX_OPTIONS) {
      throw new IllegalArgumentException(
          "option: '"
              + option.name()
              + "' would be option "
              + (options.size() + 1)
              + "; allowed: at most "
              + CostAwareAutoscaler.MAX_OPTIONS
              + " options");
    }
    options.add(option);
    return this;
  }

  /**
   * The highest expected utilization (load / effective capacity) a plan may run at.
   *
   * @param ceiling in (0, 1]
   * @return this builder
   * @throws IllegalArgumentException when outside (0, 1]
   */
  public CostAwareAutoscalerBuilder utilizationCeiling(double ceiling) {
    if (!(ceiling > 0 && ceiling <= 1)) {
      throw new IllegalArgumentException(
          "utilizationCeiling: " + ceiling + " is outside (0, 1]; allowed: a fraction in (0, 1]");
    }
    this.ceiling = ceiling;
    return this;
  }

  /**
   * The least share of nominal capacity kept on on-demand options.
   *
   * @param share in [0, 1]
   * @return this builder
   * @throws IllegalArgumentException when outside [0, 1]
   */
  public CostAwareAutoscalerBuilder minOnDemandShare(double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException(
          "minOnDemandShare: " + share + " is outside [0, 1]; allowed: a fraction in [0, 1]");
    }
    this.minOnDemandShare = share;
    return this;
  }

  /**
   * The most a plan may cost per hour; without it there is no cap.
   *
   * @param perHour finite and above 0
   * @return this builder
   * @throws IllegalArgumentException when not finite or not above 0
   */
  public CostAwareAutoscalerBuilder budgetPerHour(double perHour) {
    if (!Double.isFinite(perHour) || perHour <= 0) {
      throw new IllegalArgumentException(
          "budgetPerHour: " + perHour + "; allowed: a finite value > 0");
    }
    this.budget = perHour;
    return this;
  }

  /**
   * The replica range the plan's total stays in.
   *
   * @param bounds min and max replicas
   * @return this builder
   */
  public CostAwareAutoscalerBuilder bounds(ReplicaBounds bounds) {
    this.bounds = Objects.requireNonNull(bounds, "bounds");
    return this;
  }

  /**
   * Builds the autoscaler.
   *
   * @return the autoscaler
   * @throws IllegalStateException when no option is given, or an on-demand share is required
   *     without any on-demand option
   */
  public CostAwareAutoscaler build() {
    if (options.isEmpty()) {
      throw new IllegalStateException("options: none; allowed: at least one capacity option");
    }
    boolean anyOnDemand =
        options.stream().anyMatch(o -> o.pricing() == CapacityOption.Pricing.ON_DEMAND);
    if (minOnDemandShare > 0 && !anyOnDemand) {
      throw new IllegalStateException(
          "minOnDemandShare: "
              + minOnDemandShare
              + " with only spot options; allowed: 0, or add an on-demand option");
    }
    return new CostAwareAutoscaler(this);
  }
}
