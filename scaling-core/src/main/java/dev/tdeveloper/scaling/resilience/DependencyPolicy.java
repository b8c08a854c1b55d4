package dev.tdeveloper.scaling.resilience;

import static dev.tdeveloper.scaling.resilience.CircuitBreakerSettings.require;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The resilience policies for calls to one downstream dependency: an optional circuit breaker,
 * retry, timeout, bulkhead and fallback, and whether each tenant gets its own set ({@link
 * #perTenant()}) so that one tenant's failing calls never open the breaker, or fill the bulkhead,
 * of another. Build with {@link #builder(String)}; immutable and thread-safe.
 *
 * <p>{@link DependencyPolicies} composes them, outermost first, as Failsafe's documentation
 * recommends: fallback, retry, circuit breaker, bulkhead, timeout. So each attempt has its own
 * timeout, a timed-out attempt counts as a breaker failure, a retry waits for its backoff outside
 * the bulkhead (holding no slot), and the fallback sees only what the retries could not fix.
 */
public final class DependencyPolicy {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final String name;
  private final Optional<CircuitBreakerSettings> circuitBreaker;
  private final Optional<RetrySettings> retry;
  private final Optional<Duration> timeout;
  private final Optional<BulkheadSettings> bulkhead;
  private final Optional<Function<Throwable, ?>> fallback;
  private final boolean perTenant;

  private DependencyPolicy(Builder builder) {
    this.name = builder.name;
    this.circuitBreaker = Optional.ofNullable(builder.circuitBreaker);
    this.retry = Optional.ofNullable(builder.retry);
    this.timeout = Optional.ofNullable(builder.timeout);
    this.bulkhead = Optional.ofNullable(builder.bulkhead);
    this.fallback = Optional.ofNullable(builder.fallback);
    this.perTenant = builder.perTenant;
  }

  /**
   * Starts a policy for the dependency called {@code name}: 1 to 64 letters, digits, {@code .},
   * {@code _} or {@code -}, starting with a letter or digit.
   *
   * @throws IllegalArgumentException for another name
   */
  public static Builder builder(String name) {
    Objects.requireNonNull(name, "name");
    require(
        NAME.matcher(name).matches(),
        "name",
        "'" + name + "'",
        "1 to 64 of [A-Za-z0-9._-], starting with a letter or digit");
    return new Builder(name);
  }

  /** Returns the dependency's name, the key callers look it up by. */
  public String name() {
    return name;
  }

  /** Returns the circuit breaker settings, if the dependency has a breaker. */
  public Optional<CircuitBreakerSettings> circuitBreaker() {
    return circuitBreaker;
  }

  /** Returns the retry settings, if failed calls are retried. */
  public Optional<RetrySettings> retry() {
    return retry;
  }

  /** Returns the time limit of each attempt, if any. */
  public Optional<Duration> timeout() {
    return timeout;
  }

  /** Returns the bulkhead settings, if concurrency is limited. */
  public Optional<BulkheadSettings> bulkhead() {
    return bulkhead;
  }

  /**
   * Returns the fallback: the value a call returns, given the failure, when every attempt failed.
   * The value must be of the type callers of this dependency expect; it is cast to it.
   */
  public Optional<Function<Throwable, ?>> fallback() {
    return fallback;
  }

  /** Returns whether every tenant gets its own breaker, bulkhead and retry state. */
  public boolean perTenant() {
    return perTenant;
  }

  @Override
  public String toString() {
    return "DependencyPolicy[" + name + (perTenant ? ", per tenant" : "") + "]";
  }

  /**
   * Builds a {@link DependencyPolicy}; each setting may be given once. Not thread-safe.
   *
   * <p>With no setting at all, calls run through Failsafe unprotected; the builder accepts it so
   * that a dependency can be declared before it is tuned.
   */
  public static final class Builder {
    private final String name;
    private CircuitBreakerSettings circuitBreaker;
    private RetrySettings retry;
    private Duration timeout;
    private BulkheadSettings bulkhead;
    private Function<Throwable, ?> fallback;
    private boolean perTenant;
    private boolean perTenantSet;

    private Builder(String name) {
      this.name = name;
    }

    /** Guards calls with a circuit breaker. */
    public Builder circuitBreaker(CircuitBreakerSettings settings) {
      once(circuitBreaker, "circuitBreaker");
      circuitBreaker = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** Retries failed calls. */
    public Builder retry(RetrySettings settings) {
      once(retry, "retry");
      retry = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Limits each attempt to {@code limit}; a late attempt fails with Failsafe's {@code
     * TimeoutExceededException} (and the running call is interrupted).
     *
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    public Builder timeout(Duration limit) {
      once(timeout, "timeout");
      Objects.requireNonNull(limit, "limit");
      require(!limit.isNegative() && !limit.isZero(), "timeout", limit, "a positive duration");
      timeout = limit;
      return this;
    }

    /** Limits how many calls run at once. */
    public Builder bulkhead(BulkheadSettings settings) {
      once(bulkhead, "bulkhead");
      bulkhead = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Answers with {@code fallback.apply(failure)} when the call still failed after the policies.
     */
    public Builder fallback(Function<Throwable, ?> fallback) {
      once(this.fallback, "fallback");
      this.fallback = Objects.requireNonNull(fallback, "fallback");
      return this;
    }

    /** Gives every tenant its own breaker, bulkhead and retry state (default: shared). */
    public Builder perTenant(boolean perTenant) {
      if (perTenantSet) {
        throw new IllegalStateException("perTenant was already set for dependency " + name);
      }
      perTenantSet = true;
      this.perTenant = perTenant;
      return this;
    }

    /** Returns the policy. */
    public DependencyPolicy build() {
      return new DependencyPolicy(this);
    }

    private void once(Object current, String field) {
      if (current != null) {
        throw new IllegalStateException(field + " was already set for dependency " + name);
      }
    }
  }
}
