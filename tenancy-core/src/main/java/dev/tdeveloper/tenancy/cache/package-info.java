/**
 * Tenant-scoped caching on Caffeine: every tenant reads, writes and evicts only its own entries,
 * within its own budget, so a noisy tenant can never push out another tenant's hot data.
 */
package dev.tdeveloper.tenancy.cache;
