/**
 * Moving one tenant's data between two {@link dev.tdeveloper.tenancy.spi.TenantDataStore}s: a
 * resumable, journaled copy that is verified by checksum before the tenant is cut over in the
 * {@link dev.tdeveloper.tenancy.routing.TenantRouter} and the source copy is deleted.
 */
package dev.tdeveloper.tenancy.migration;
