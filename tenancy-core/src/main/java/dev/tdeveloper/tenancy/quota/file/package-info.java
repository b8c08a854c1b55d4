/**
 * The durable local-file {@link dev.tdeveloper.tenancy.spi.QuotaStore}: an append-only log of
 * checksummed counter values, compacted into snapshots, recovered after a crash, and locked so one
 * process at a time owns a directory.
 */
package dev.tdeveloper.tenancy.quota.file;
