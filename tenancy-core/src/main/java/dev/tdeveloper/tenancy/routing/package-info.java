/**
 * Tenant placement: {@link dev.tdeveloper.tenancy.routing.TenantRouter} maps each tenant to the
 * cell or shard that holds its data, by rendezvous or jump consistent hashing, with per-tenant pins
 * that override the hash (used to cut a tenant over after a migration).
 */
package dev.tdeveloper.tenancy.routing;
