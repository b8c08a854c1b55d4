package dev.tdeveloper.tenancy.quota.file;

import java.time.Instant;

/**
 * A counter's value and the instant its window ends, as held in memory and written to the log.
 * Immutable and thread-safe.
 */
record Counter(long value, Instant expiresAt) {
  boolean expiredAt(Instant now) {
    return !expiresAt.isAfter(now);
  }
}
