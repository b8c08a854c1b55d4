/**
 * Cost-aware autoscaling: {@link dev.tdeveloper.scaling.cost.CostAwareAutoscaler} picks the
 * cheapest mix of {@link dev.tdeveloper.scaling.cost.CapacityOption}s (on-demand and spot) that
 * keeps utilization under an SLO ceiling within a budget, and explains the trade-off in a {@link
 * dev.tdeveloper.scaling.cost.CapacityPlan}.
 */
package dev.tdeveloper.scaling.cost;
