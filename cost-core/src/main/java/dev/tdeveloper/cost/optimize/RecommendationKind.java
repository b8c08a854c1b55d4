package dev.tdeveloper.cost.optimize;

/** What a {@link Recommendation} proposes. */
public enum RecommendationKind {
  /** Resize a workload's request to its P99.5 CPU and peak memory plus headroom. */
  RIGHTSIZE,
  /** Remove or stop a workload that did (next to) nothing for the whole look-back. */
  IDLE,
  /** Commit (reserved capacity, savings plan) to the steady vCPU baseline of a region. */
  COMMITMENT,
  /** Scale a tenant's workloads to zero in the hours it receives no requests (KEDA-style). */
  SCALE_TO_ZERO
}
