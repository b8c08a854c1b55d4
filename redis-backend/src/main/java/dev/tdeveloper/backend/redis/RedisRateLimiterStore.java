package dev.tdeveloper.backend.redis;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.tdeveloper.security.ratelimit.InProcessRateLimiterStore;
import dev.tdeveloper.security.spi.PolicySpec;
import dev.tdeveloper.security.spi.RateLimiterStore;
import dev.tdeveloper.security.spi.RateLimiterStoreException;
import dev.tdeveloper.security.spi.StoreDecision;
import dev.tdeveloper.tenancy.time.Ticker;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RateLimiterStore} in Redis, shared by every instance that uses the same server: each
 * decision is one atomic Lua script (GCRA, {@code EVALSHA} with an {@code EVAL} fallback when the
 * server lost its script cache), timed by the server's {@code TIME}, so clock skew between
 * instances cannot matter. It passes {@code RateLimiterStoreContract} figure for figure.
 *
 * <p><b>Keys.</b> Store key {@code tenant/route} lives at {@code <prefix>{tenant}/route} (store key
 * {@code tenant} at {@code <prefix>{tenant}}): the tenant, everything before the first {@code /},
 * is a hash tag, so all keys of a tenant share a Redis Cluster slot. A key holds one string, the
 * policy spec and one theoretical arrival time per limit, and expires by itself once every bucket
 * is full again ({@code PX}); a full key holds nothing.
 *
 * <p><b>Failures.</b> Calls go through a Failsafe circuit breaker (opened by consecutive failures,
 * tried again after a delay) and a command timeout; while Redis cannot answer, the store answers as
 * its {@link FailureMode} says. The connection is opened on first use, so a service may start while
 * Redis is down; afterwards Lettuce reconnects by itself, at the pace of the client's reconnect
 * delay.
 *
 * <p>Build with {@link #builder(RedisClient)}; the store opens one connection on the client and
 * closes it on {@link #close()}, leaving the client to its owner. Thread-safe: one multiplexed
 * connection serves every thread.
 */
public final class RedisRateLimiterStore implements RateLimiterStore {
  private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiterStore.class);
  private static final long BILLION = 1_000_000_000L;
  private static final String ACQUIRE = "acquire";
  private static final String GIVE_BACK = "give-back";
  private static final int PREPARED_SPECS = 1024;

  private final ScriptRunner<RateLimiterStoreException> redis;
  private final String keyPrefix;
  private final Duration commandTimeout;
  private final FailureMode failureMode;
  private final Duration breakerDelay;
  private final CircuitBreaker<Object> breaker;
  private final FailsafeExecutor<Object> failsafe;
  private final LongSupplier frozenClock;
  private final InProcessRateLimiterStore fallback;
  private final Map<PolicySpec, Prepared> prepared = new ConcurrentHashMap<>();

  RedisRateLimiterStore(RedisRateLimiterStoreBuilder b) {
    this.redis =
        new ScriptRunner<>(
            b.options,
            "rate-limiter.lua",
            RateLimiterStoreException.class,
            message -> new RateLimiterStoreException("Redis rate limiter store: " + message));
    this.keyPrefix = b.options.keyPrefix();
    this.commandTimeout = b.options.commandTimeout();
    this.failureMode = b.failureMode;
    this.breakerDelay = b.breakerDelay;
    this.frozenClock = b.options.frozenClock();
    this.fallback =
        failureMode == FailureMode.LOCAL_FALLBACK
            ? new InProcessRateLimiterStore(Ticker.system(), b.fallbackMaximumKeys)
            : null;
    this.breaker =
        CircuitBreaker.<Object>builder()
            .withFailureThreshold(b.failureThreshold)
            .withDelay(b.breakerDelay)
            .withSuccessThreshold(1)
            .onOpen(e -> LOG.warn("Redis rate limiter store unavailable: circuit opened"))
            .onClose(e -> LOG.info("Redis rate limiter store available again: circuit closed"))
            .build();
    this.failsafe = Failsafe.with(breaker);
  }

  /**
   * Returns a builder of a store on {@code client}.
   *
   * @throws NullPointerException if {@code client} is null
   */
  public static RedisRateLimiterStoreBuilder builder(RedisClient client) {
    return new RedisRateLimiterStoreBuilder(Objects.requireNonNull(client, "client"), false);
  }

  @Override
  public StoreDecision tryAcquire(String key, PolicySpec spec, long permits, long maxWaitNanos) {
    RateLimiterStore.checkArguments(key, spec, permits, maxWaitNanos);
    checkOpen();
    long allowance = Math.min(maxWaitNanos, MAX_WAIT_NANOS);
    String redisKey = redisKey(key);
    Prepared p = prepared(spec);
    String[] args = p.arguments(ACQUIRE, clock(), permits, allowance);
    try {
      return failsafe.get(() -> decision(run(redisKey, args), p, allowance));
    } catch (RuntimeException e) {
      RateLimiterStoreException error = failure(e, "deciding", key);
      return switch (failureMode) {
        case THROW -> throw error;
        case FAIL_OPEN -> openDecision(spec, permits);
        case FAIL_CLOSED -> closedDecision(spec);
        case LOCAL_FALLBACK -> fallback.tryAcquire(key, spec, permits, maxWaitNanos);
      };
    }
  }

  @Override
  public void giveBack(String key, PolicySpec spec, long permits) {
    RateLimiterStore.checkArguments(key, spec, permits, 0);
    checkOpen();
    String redisKey = redisKey(key);
    String[] args = prepared(spec).arguments(GIVE_BACK, clock(), permits, 0);
    try {
      failsafe.run(() -> run(redisKey, args));
    } catch (RuntimeException e) {
      RateLimiterStoreException error = failure(e, "giving back to", key);
      switch (failureMode) {
        case THROW -> throw error;
        case LOCAL_FALLBACK -> fallback.giveBack(key, spec, permits);
        case FAIL_OPEN, FAIL_CLOSED -> LOG.debug("permits not given back", error);
      }
    }
  }

  /**
   * Returns the circuit breaker in front of Redis, to observe its state or register listeners.
   * Opening or closing it by hand takes effect at once.
   */
  public CircuitBreaker<Object> circuitBreaker() {
    return breaker;
  }

  /** Returns what the store answers while Redis cannot. */
  public FailureMode failureMode() {
    return failureMode;
  }

  /** Returns the Redis key holding the state of store key {@code key}. */
  public String redisKey(String key) {
    Objects.requireNonNull(key, "key");
    int slash = key.indexOf('/');
    String tenant = slash < 0 ? key : key.substring(0, slash);
    String rest = slash < 0 ? "" : key.substring(slash);
    return keyPrefix + "{" + tenant + "}" + rest;
  }

  /** Closes the store's connection (and the client, if the provider created it). Idempotent. */
  @Override
  public void close() {
    redis.close();
    if (fallback != null) {
      fallback.close();
    }
  }

  @Override
  public String toString() {
    return "RedisRateLimiterStore[prefix="
        + keyPrefix
        + ", failureMode="
        + failureMode
        + ", commandTimeout="
        + commandTimeout
        + ", breaker="
        + breaker.getState()
        + "]";
  }

  private List<Object> run(String redisKey, String[] args) {
    return redis.run(redisKey, args);
  }

  private String[] clock() {
    if (frozenClock == null) {
      return null;
    }
    long now = frozenClock.getAsLong();
    return new String[] {
      Long.toString(Math.floorDiv(now, BILLION)), Long.toString(Math.floorMod(now, BILLION))
    };
  }

  private void checkOpen() {
    redis.checkOpen();
  }

  private RateLimiterStoreException failure(RuntimeException e, String doing, String key) {
    if (redis.isClosed()) {
      throw e instanceof RateLimiterStoreException s
          ? s
          : new RateLimiterStoreException("the Redis rate limiter store is closed", e);
    }
    RateLimiterStoreException error =
        e instanceof RateLimiterStoreException s
            ? s
            : new RateLimiterStoreException(
                "Redis failed " + doing + " key '" + key + "': " + e, e);
    LOG.debug("Redis rate limiter store failed; answering {}", failureMode, error);
    return error;
  }

  private Prepared prepared(PolicySpec spec) {
    Prepared p = prepared.get(spec);
    if (p == null) {
      p = new Prepared(spec);
      if (prepared.size() < PREPARED_SPECS) {
        prepared.putIfAbsent(spec, p);
      }
    }
    return p;
  }

  /** The answer of a key without state, as a store-backed limiter's fail-open gives. */
  private static StoreDecision openDecision(PolicySpec spec, long permits) {
    PolicySpec.Limit worst = smallest(spec);
    return StoreDecision.allowed(
        0, worst.capacity(), worst.capacity() - permits, permits * worst.intervalNanos());
  }

  /** A denial until the breaker tries Redis again. */
  private StoreDecision closedDecision(PolicySpec spec) {
    PolicySpec.Limit worst = smallest(spec);
    Duration remaining = breaker.getRemainingDelay();
    long retryAfter = remaining.isZero() ? breakerDelay.toNanos() : remaining.toNanos();
    return StoreDecision.denied(
        worst.capacity(), 0, Math.max(1, retryAfter), worst.toleranceNanos());
  }

  private static PolicySpec.Limit smallest(PolicySpec spec) {
    PolicySpec.Limit worst = spec.limits().get(0);
    for (PolicySpec.Limit limit : spec.limits()) {
      if (limit.capacity() < worst.capacity()) {
        worst = limit;
      }
    }
    return worst;
  }

  /**
   * Reads the script's answer {@code [allowed, worstOver, d1, ..., dk]} (every time a pair of
   * seconds and nanoseconds; {@code di} the limit's arrival time minus now after the decision) and
   * derives the figures as {@code GcraArithmetic} does.
   */
  static StoreDecision decision(List<Object> reply, Prepared p, long allowance) {
    List<PolicySpec.Limit> limits = p.spec.limits();
    int k = limits.size();
    if (reply == null || reply.size() != 3 + 2 * k) {
      throw new RateLimiterStoreException("the rate limiter script answered " + reply);
    }
    long allowed = integer(reply, 0);
    long worstOver = pair(reply, 1);
    long wait = allowed == 1 ? Math.max(0, worstOver) : 0;
    if ((allowed != 0 && allowed != 1) || wait > allowance) {
      throw new RateLimiterStoreException("the rate limiter script answered " + reply);
    }
    int worst = 0;
    long fewest = Long.MAX_VALUE;
    long worstAhead = 0;
    for (int i = 0; i < k; i++) {
      long ahead = Math.max(0, pair(reply, 3 + 2 * i) - wait);
      PolicySpec.Limit limit = limits.get(i);
      long left = Math.max(0, (limit.toleranceNanos() - ahead) / limit.intervalNanos());
      if (left < fewest) {
        worst = i;
        fewest = left;
        worstAhead = ahead;
      }
    }
    long capacity = limits.get(worst).capacity();
    return allowed == 1
        ? StoreDecision.allowed(wait, capacity, fewest, worstAhead)
        : StoreDecision.denied(capacity, fewest, Math.max(1, worstOver), worstAhead);
  }

  private static long pair(List<Object> reply, int at) {
    long seconds = integer(reply, at);
    long nanos = integer(reply, at + 1);
    if (nanos < 0 || nanos >= BILLION) {
      throw new RateLimiterStoreException("the rate limiter script answered " + reply);
    }
    try {
      return Math.addExact(Math.multiplyExact(seconds, BILLION), nanos);
    } catch (ArithmeticException e) {
      throw new RateLimiterStoreException("the rate limiter script answered " + reply, e);
    }
  }

  private static long integer(List<Object> reply, int at) {
    if (reply.get(at) instanceof Long value) {
      return value;
    }
    throw new RateLimiterStoreException("the rate limiter script answered " + reply);
  }

  /** A spec's constant script arguments, computed once. */
  static final class Prepared {
    final PolicySpec spec;

    /** The spec as the stored value's prefix: its arguments joined by {@code ,}, then {@code |}. */
    private final String specString;

    private final String[] perLimit;

    Prepared(PolicySpec spec) {
      this.spec = spec;
      this.specString = String.join(",", spec.toArguments()) + "|";
      List<PolicySpec.Limit> limits = spec.limits();
      this.perLimit = new String[3 * limits.size()];
      for (int i = 0; i < limits.size(); i++) {
        PolicySpec.Limit limit = limits.get(i);
        perLimit[3 * i] = Long.toString(limit.intervalNanos());
        perLimit[3 * i + 1] = Long.toString(limit.toleranceNanos() / BILLION);
        perLimit[3 * i + 2] = Long.toString(limit.toleranceNanos() % BILLION);
      }
    }

    /** Returns the script's ARGV (see rate-limiter.lua). */
    String[] arguments(String operation, String[] clock, long permits, long allowance) {
      List<PolicySpec.Limit> limits = spec.limits();
      int k = limits.size();
      String[] args = new String[7 + 5 * k];
      args[0] = operation;
      args[1] = clock == null ? "" : clock[0];
      args[2] = clock == null ? "" : clock[1];
      args[3] = specString;
      args[4] = Integer.toString(k);
      args[5] = Long.toString(allowance / BILLION);
      args[6] = Long.toString(allowance % BILLION);
      for (int i = 0; i < k; i++) {
        long charge = permits * limits.get(i).intervalNanos();
        int at = 7 + 5 * i;
        args[at] = perLimit[3 * i];
        args[at + 1] = perLimit[3 * i + 1];
        args[at + 2] = perLimit[3 * i + 2];
        args[at + 3] = Long.toString(charge / BILLION);
        args[at + 4] = Long.toString(charge % BILLION);
      }
      return args;
    }
  }
}
