package dev.tdeveloper.cost.optimize;

import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.tenancy.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One optimisation a {@link CostOptimizer} proposes, with the numbers that justify it. Savings of
 * different kinds for the same workload overlap (rightsizing a workload that also scales to zero
 * saves less than the sum); add savings only within one kind. Immutable and thread-safe.
 *
 * @param kind what is proposed
 * @param tenant whose workload; present for every kind but {@link RecommendationKind#COMMITMENT},
 *     which covers a whole region
 * @param workload the workload; present exactly for {@link RecommendationKind#RIGHTSIZE} and {@link
 *     RecommendationKind#IDLE}
 * @param region the region, as in the price book
 * @param current the capacity held now (for a commitment: the cores already committed)
 * @param proposed the capacity proposed (for a commitment: the cores to commit in total)
 * @param monthlySavings estimated savings per month of {@value CostOptimizer#HOURS_PER_MONTH}
 *     hours, exact; negative when fixing an under-provisioned workload costs more
 * @param confidence how far the data supports the recommendation, from 0 to 1 (see {@link
 *     CostOptimizer})
 * @param performanceRisk true when the current size is below what the workload used (Compute
 *     Optimizer's "under-provisioned"): the proposal adds capacity
 * @param reasons the figures behind the recommendation, one sentence each
 */
public record Recommendation(
    RecommendationKind kind,
    Optional<TenantId> tenant,
    Optional<String> workload,
    String region,
    Capacity current,
    Capacity proposed,
    Money monthlySavings,
    double confidence,
    boolean performanceRisk,
    List<String> reasons) {
  /**
   * Validates and copies the reasons.
   *
   * @throws IllegalArgumentException when the tenant or workload is present or absent against the
   *     kind, the confidence lies outside [0, 1], or no reason is given
   */
  public Recommendation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(proposed, "proposed");
    Objects.requireNonNull(monthlySavings, "monthlySavings");
    reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
    boolean wantsTenant = kind != RecommendationKind.COMMITMENT;
    if (tenant.isPresent() != wantsTenant) {
      throw new IllegalArgumentException(
          "tenant: " + tenant + " for " + kind + "; allowed: present for all but COMMITMENT");
    }
    boolean wantsWorkload = kind == RecommendationKind.RIGHTSIZE || kind == RecommendationKind.IDLE;
    if (workload.isPresent() != wantsWorkload) {
      throw new IllegalArgumentException(
          "workload: " + workload + " for " + kind + "; allowed: present for RIGHTSIZE and IDLE");
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException(
          "confidence: " + confidence + " is out of range; allowed: 0 to 1");
    }
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("reasons: empty; allowed: at least one reason");
    }
  }
}
