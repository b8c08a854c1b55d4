/**
 * The PostgreSQL backend: tenant data isolation by database, schema or row-level security behind
 * {@link dev.tdeveloper.backend.postgres.TenantDataSource}, set up by {@link
 * dev.tdeveloper.backend.postgres.TenantStorage}, and implementations of the cores' SPIs that share
 * state between instances through PostgreSQL ({@link
 * dev.tdeveloper.backend.postgres.PostgresTenantRegistry}).
 */
package dev.tdeveloper.backend.postgres;
