/**
 * The durable default {@link dev.tdeveloper.tenancy.spi.UsageStore}: an append-only log of
 * checksummed records in segment files, with a choice of fsync policy, recovery of a torn tail
 * after a crash, crash-safe compaction of old segments, and a lock file so one process at a time
 * owns a directory.
 */
package dev.tdeveloper.tenancy.usage.file;
