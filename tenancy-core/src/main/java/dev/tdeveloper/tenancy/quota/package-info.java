/**
 * Per-tenant quotas: how much of a resource (API calls, exports, seats) a tenant may consume in a
 * fixed window aligned to its time zone, enforced atomically through a {@link
 * dev.tdeveloper.tenancy.spi.QuotaStore}.
 */
package dev.tdeveloper.tenancy.quota;
