package dev.tdeveloper.tenancy.routing;

/**
 * How a {@link TenantRouter} places a tenant that is not pinned. Both strategies are deterministic:
 * the same tenant and the same shards give the same shard in every process and every release.
 */
public enum RoutingStrategy {
  /**
   * Rendezvous (highest random weight) hashing: each shard scores the tenant and the highest score
   * wins. The result depends only on the set of shards, not their order. Adding a shard moves only
   * the tenants that now score highest on it (about {@code 1/n} of them); removing a shard moves
   * only that shard's tenants. Routing costs {@code O(shards)}.
   */
  RENDEZVOUS,

  /**
   * Jump consistent hashing (Guava {@code Hashing.consistentHash}) over the shards in the order
   * they were added. Routing costs {@code O(log shards)} and needs no per-shard work, but only
   * appending a shard is cheap (about {@code 1/n} of the tenants move, all to the new shard);
   * removing any shard but the last renumbers the shards after it and moves many tenants.
   */
  JUMP
}
