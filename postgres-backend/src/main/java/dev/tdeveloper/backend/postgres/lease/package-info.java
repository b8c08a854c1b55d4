/**
 * A PostgreSQL {@link dev.tdeveloper.tenancy.spi.JobLease}: one row per job in a lease table,
 * expiry on the server's clock, fencing tokens from a sequence, so a scheduled job runs on one
 * instance at a time across every instance sharing the database.
 */
package dev.tdeveloper.backend.postgres.lease;
