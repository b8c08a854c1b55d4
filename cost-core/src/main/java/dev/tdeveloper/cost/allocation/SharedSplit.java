package dev.tdeveloper.cost.allocation;

/**
 * How a shared platform cost (an asset designated shared: a control plane, a load balancer, a
 * monitoring stack) is split among the tenants of an allocation.
 */
public enum SharedSplit {
  /** Each tenant with usage in the allocation pays an equal part (the default). */
  UNIFORM,
  /** In proportion to each tenant's total allocated cost of the non-shared assets. */
  PROPORTIONAL,
  /** In proportion to a metric given per tenant (requests served, seats, revenue). */
  CUSTOM
}
