package dev.tdeveloper.cost.allocation;

/** What part of an asset's cost a {@link CostLine} carries. */
public enum CostLineKind {
  /** A tenant's share of an asset by its own charged usage. */
  USAGE,
  /** A tenant's share of an asset's idle cost, by the idle sharing rule. */
  IDLE_SHARE,
  /** A tenant's share of a shared platform cost, by the shared cost's rule. */
  SHARED_SHARE,
  /** Idle cost kept as idle (sharing NONE, or no tenant to share it with); no tenant. */
  IDLE,
  /** Cost no rule assigned (a shared cost without tenants to split it among); no tenant. */
  UNALLOCATED
}
