package dev.tdeveloper.tenancy.spi;

import java.time.Instant;

/**
 * Where quota counters live. Each quota decision is exactly one call to {@link #tryAdd}, which must
 * check and add atomically, so several service instances sharing one store never grant more than
 * the limit together. The in-memory default keeps counters in the process ({@code
 * dev.tdeveloper.tenancy.quota.InMemoryQuotaStore}); {@code
 * dev.tdeveloper.tenancy.quota.file.FileQuotaStore} keeps them durable in local files, for windows
 * longer than a process lives; a Redis backend implements each operation as one Lua script with the
 * counter's key expiring at {@code expiresAt}.
 *
 * <p>Counters of different keys are independent. A counter that does not exist or has expired reads
 * as 0. Implementations must be thread-safe; every operation is atomic per key.
 */
public interface QuotaStore {
  /**
   * Atomically adds {@code amount} to the counter of {@code key} if the result stays within {@code
   * limit}; otherwise changes nothing. A counter created by this call expires at {@code expiresAt}
   * (the end of its window) and is then discarded. If {@code expiresAt} has already passed, the add
   * is decided against a counter of 0 and nothing is kept.
   *
   * @param key the counter
   * @param amount what to add, at least 1
   * @param limit the most the counter may hold, at least 1
   * @param expiresAt when the counter expires
   * @return {@link QuotaAddResult.Added} with the new value, or {@link QuotaAddResult.Rejected}
   *     with the unchanged value when {@code used + amount > limit} (including {@code amount >
   *     limit})
   * @throws NullPointerException if {@code key} or {@code expiresAt} is null
   * @throws IllegalArgumentException if {@code amount} or {@code limit} is below 1; nothing changes
   */
  QuotaAddResult tryAdd(QuotaKey key, long amount, long limit, Instant expiresAt);

  /** Returns the counter's value: 0 if it does not exist or has expired. */
  long used(QuotaKey key);

  /**
   * Atomically subtracts {@code amount} from the counter, never going below 0. A counter that does
   * not exist stays absent.
   *
   * @return the counter's new value
   * @throws IllegalArgumentException if {@code amount} is below 1; nothing changes
   */
  long subtract(QuotaKey key, long amount);
}
