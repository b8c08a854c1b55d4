package dev.tdeveloper.security.spi;

import dev.tdeveloper.tenancy.spi.ProviderSelector;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a shared rate limiter keeps its GCRA state, so that several service instances enforce one
 * limit together. Every decision is <b>one atomic operation</b>, {@link #tryAcquire} (on Redis: one
 * Lua script), and every operation of one key is atomic with respect to the others.
 *
 * <p><b>Clock.</b> The store decides by <em>its own</em> clock ({@code TIME} inside the Redis
 * script), never by the caller's, so instances whose clocks are skewed still agree; the caller
 * sends no timestamp. Below, {@code now} is that clock in nanoseconds.
 *
 * <p><b>State.</b> A key holds the {@link PolicySpec} it was last charged under and one theoretical
 * arrival time {@code tat[i]} per limit. A key with no state, or whose every {@code tat[i] <= now},
 * is "full": it behaves as {@code tat[i] = now}. After each write the state must expire by itself
 * at {@code max(tat[i])} (Redis: {@code PEXPIRE} by {@code max(tat[i]) - now}, rounded up; delete
 * it when that is not positive), so idle keys cost nothing.
 *
 * <p><b>Policy swap.</b> When the state holds a spec other than the one passed, the store first
 * converts it at {@code now}, as the local limiter's {@code refreshPolicies} does: for each old
 * limit {@code i}, {@code used[i] = max(0, tat[i] - now) / T_old[i]} permits (a double); new limit
 * {@code j} takes {@code used[j]} (matched by index; a limit beyond the old ones takes the largest
 * {@code used}) and gets {@code tat[j] = now + min(tolerance[j], ceil(used * T[j]))}. The converted
 * state, under the new spec, is kept whether the request is then allowed or denied.
 *
 * <p><b>Charge</b> of {@code n} permits with {@code maxWait}: for every limit {@code next[i] =
 * max(tat[i], now) + n*T[i]} and {@code over[i] = next[i] - now - tolerance[i]}. If any {@code
 * over[i] > maxWait}, the request is denied and nothing is charged; {@code retryAfter = max(1,
 * max(over[i]))}. Otherwise every {@code tat[i] = next[i]} and the permits are due after {@code
 * wait = max(0, max(over[i]))}. The figures of {@link StoreDecision} come from the limit with the
 * fewest {@code remaining = max(0, (t + tolerance[i] - max(tat[i], t)) / T[i])} (integer division;
 * the first such limit on a tie), with {@code resetAfter = max(tat[i], t) - t}, where {@code t} is
 * {@code now + wait} for an allowed decision and {@code now} for a denial.
 *
 * <p><b>Errors.</b> Bad arguments throw {@link NullPointerException} or {@link
 * IllegalArgumentException} and change nothing (see {@link #checkArguments}); an operational
 * failure (server unreachable, timeout, store closed) throws {@link RateLimiterStoreException}.
 *
 * <p>Implementations are thread-safe. The contract test kit is {@code
 * dev.tdeveloper.security.testkit.RateLimiterStoreContract} in the {@code security-testkit}
 * artifact.
 */
public interface RateLimiterStore extends AutoCloseable {
  /** The largest wait a store grants: 2^61 ns (about 73 years); a longer maxWait means this. */
  long MAX_WAIT_NANOS = 1L << 61;

  /**
   * Charges {@code permits} to {@code key} if its limits allow them within {@code maxWaitNanos},
   * reserving them when they are due later (so waiters are served in order); otherwise charges
   * nothing.
   *
   * @param key the store key (already namespaced by the caller)
   * @param spec the key's policy; converts the key's state when it holds another one
   * @param permits 1 to {@link PolicySpec#maxPermits()}
   * @param maxWaitNanos how long the caller accepts to wait, 0 for an immediate decision
   * @return the decision
   * @throws IllegalArgumentException for bad permits or a negative wait; nothing changes
   * @throws RateLimiterStoreException if the store cannot decide
   */
  StoreDecision tryAcquire(String key, PolicySpec spec, long permits, long maxWaitNanos);

  /**
   * Gives back {@code permits} charged by an allowed {@link #tryAcquire} whose caller was
   * interrupted while waiting: every {@code tat[i]} of the key goes back by {@code permits * T[i]}
   * (after converting to {@code spec} as above). A key without state is left without state.
   *
   * @throws IllegalArgumentException for bad permits; nothing changes
   * @throws RateLimiterStoreException if the store cannot be reached
   */
  void giveBack(String key, PolicySpec spec, long permits);

  /**
   * Returns how many keys hold state, if this store can tell cheaply; by default it cannot.
   *
   * @throws RateLimiterStoreException if the store cannot be reached
   */
  default OptionalLong estimatedKeys() {
    return OptionalLong.empty();
  }

  /**
   * Drops the state of full keys now, for a store that does not expire them by itself; by default
   * does nothing (the state expires by itself).
   *
   * @throws RateLimiterStoreException if the store cannot be reached
   */
  default void cleanUp() {}

  /**
   * Releases the store's resources; later operations throw {@link RateLimiterStoreException}.
   * Idempotent. A store-backed limiter never closes its store: whoever created it does.
   */
  @Override
  void close();

  /**
   * Checks the arguments of {@link #tryAcquire}, for implementations to call before any change.
   *
   * @throws NullPointerException naming a null argument
   * @throws IllegalArgumentException for bad permits or a negative wait
   */
  static void checkArguments(String key, PolicySpec spec, long permits, long maxWaitNanos) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(spec, "spec");
    spec.checkPermits(permits);
    if (maxWaitNanos < 0) {
      throw new IllegalArgumentException("maxWaitNanos must not be negative, was " + maxWaitNanos);
    }
  }

  /**
   * Returns a store from the {@link RateLimiterStoreProvider} found on the class path, chosen by
   * the suite's rule: none found is an error naming the artifact to add, one is used, several need
   * {@code name}. security-core itself provides {@code in-process}.
   *
   * @param name the provider to use (for example {@code in-process} or {@code redis})
   * @param config the provider's settings
   * @throws IllegalStateException if no provider, several without a name, or none of that name
   * @throws IllegalArgumentException if the provider rejects a setting
   */
  static RateLimiterStore fromProviders(Optional<String> name, Map<String, String> config) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");
    return ProviderSelector.select(
            RateLimiterStoreProvider.class, name, "dev.tdeveloper:redis-backend")
        .create(Map.copyOf(config));
  }
}
