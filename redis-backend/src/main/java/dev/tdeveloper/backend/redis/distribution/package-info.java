/**
 * Redis implementations of distribution-core's shared-state SPIs: the replication channel (one
 * Redis stream per origin), the edge cache (per-tenant budgets enforced in Lua) and the hybrid
 * logical clock's high-water-mark store. Users pass the {@code RedisClient}; the providers named
 * {@code redis} create one from {@code redis.uri}.
 */
package dev.tdeveloper.backend.redis.distribution;
