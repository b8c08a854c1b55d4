package dev.tdeveloper.backend.redis;

import dev.failsafe.CircuitBreaker;
import dev.tdeveloper.backend.redis.internal.LazyConnection;
import dev.tdeveloper.backend.redis.internal.LuaScript;
import dev.tdeveloper.security.ratelimit.InProcessRateLimiterStore;
import dev.tdeveloper.security.spi.PolicySpec;
import dev.tdeveloper.security.spi.RateLimiterStore;
import dev.tdeveloper.security.spi.RateLimiterStoreException;
import dev.tdeveloper.security.spi.StoreDecision;
import dev.tdeveloper.tenancy.time.Ticker;
import io.lettuce.core.RedisClient;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * policy spec, {@code #}, one theoretical arrival time per limit (seconds and nanoseconds as two
 * little-endian doubles), then its expiry (milliseconds, a double), and expires by itself at most a
 * second after every bucket is full again: a write that needs no later expiry keeps the key's TTL,
 * one that does sets it a second beyond what it needs, so most calls skip the expiry. A full key
 * holds nothing. A value of the previous format (no expiry) is read and gets one when next written;
 * a value in any other format (written by an earlier build) counts as a full key and is
 * overwritten.
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
  private static final int PREPARED_SPECS = 1024;

  private final LazyConnection<byte[], byte[]> connection;
  private final LuaScript script;
  private final String keyPrefix;
  private final byte[] keyPrefixBytes;
  private final Duration commandTimeout;
  private final FailureMode failureMode;
  private final Duration breakerDelay;
  private final CircuitBreaker<Object> breaker;
  private final LongSupplier frozenClock;
  private final InProcessRateLimiterStore fallback;
  private final Map<PolicySpec, PackedSpec> prepared = new ConcurrentHashMap<>();
  private volatile PackedSpec lastPrepared;

  RedisRateLimiterStore(RedisRateLimiterStoreBuilder b) {
    this.connection =
        b.options.connection(
            ByteArrayCodec.INSTANCE,
            message -> new RateLimiterStoreException("Redis rate limiter store: " + message));
    this.script = LuaScript.load(RedisRateLimiterStore.class, "rate-limiter.lua");
    this.keyPrefix = b.options.keyPrefix();
    this.keyPrefixBytes = keyPrefix.getBytes(StandardCharsets.UTF_8);
    this.commandTimeout = b.options.commandTimeout();
    this.failureMode = b.failureMode;
    this.breakerDelay = b.breakerDelay;
    this.frozenClock = b.options.frozenClock().orElse(null);
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
    Objects.requireNonNull(key, "key");
    PackedSpec p = prepared(Objects.requireNonNull(spec, "spec"));
    if (permits < 1 || permits > p.maxPermits || maxWaitNanos < 0) {
      // the checks of every store, with their messages
      RateLimiterStore.checkArguments(key, spec, permits, maxWaitNanos);
    }
    connection.checkOpen();
    long allowance = Math.min(maxWaitNanos, MAX_WAIT_NANOS);
    byte[][] args = p.arguments(clock(), permits, allowance);
    RuntimeException cause = null;
    if (breaker.tryAcquirePermit()) {
      try {
        StoreDecision decision = p.decision(run(key, args), permits, allowance);
        breaker.recordSuccess();
        return decision;
      } catch (RuntimeException e) {
        breaker.recordFailure();
        cause = e;
      }
    }
    RateLimiterStoreException error = failure(cause, "deciding", key);
    return switch (failureMode) {
      case THROW -> throw error;
      case FAIL_OPEN -> openDecision(spec, permits);
      case FAIL_CLOSED -> closedDecision(spec);
      case LOCAL_FALLBACK -> fallback.tryAcquire(key, spec, permits, maxWaitNanos);
    };
  }

  @Override
  public void giveBack(String key, PolicySpec spec, long permits) {
    RateLimiterStore.checkArguments(key, spec, permits, 0);
    connection.checkOpen();
    byte[][] args = prepared(spec).arguments(clock(), permits, -1);
    RuntimeException cause = null;
    if (breaker.tryAcquirePermit()) {
      try {
        run(key, args);
        breaker.recordSuccess();
        return;
      } catch (RuntimeException e) {
        breaker.recordFailure();
        cause = e;
      }
    }
    RateLimiterStoreException error = failure(cause, "giving back to", key);
    switch (failureMode) {
      case THROW -> throw error;
      case LOCAL_FALLBACK -> fallback.giveBack(key, spec, permits);
      case FAIL_OPEN, FAIL_CLOSED -> LOG.debug("permits not given back", error);
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
    connection.close();
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

  private long[] run(String key, byte[][] args) {
    return script.runForIntegers(connection.get(), redisKeyBytes(key), args);
  }

  /** {@link #redisKey(String)} in UTF-8, built without intermediate strings. */
  private byte[] redisKeyBytes(String key) {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    int slash = 0;
    while (slash < k.length && k[slash] != '/') {
      slash++;
    }
    byte[] out = new byte[keyPrefixBytes.length + k.length + 2];
    System.arraycopy(keyPrefixBytes, 0, out, 0, keyPrefixBytes.length);
    int at = keyPrefixBytes.length;
    out[at++] = '{';
    System.arraycopy(k, 0, out, at, slash);
    at += slash;
    out[at++] = '}';
    System.arraycopy(k, slash, out, at, k.length - slash);
    return out;
  }

  private long[] clock() {
    if (frozenClock == null) {
      return null;
    }
    long now = frozenClock.getAsLong();
    return new long[] {Math.floorDiv(now, BILLION), Math.floorMod(now, BILLION)};
  }

  /**
   * The exception for a call that failed with {@code cause}, or that the open circuit refused when
   * {@code cause} is null; a closed store throws at once.
   */
  private RateLimiterStoreException failure(RuntimeException cause, String doing, String key) {
    if (connection.isClosed()) {
      throw cause instanceof RateLimiterStoreException s
          ? s
          : new RateLimiterStoreException("the Redis rate limiter store is closed", cause);
    }
    RateLimiterStoreException error;
    if (cause == null) {
      error =
          new RateLimiterStoreException(
              "Redis failed " + doing + " key '" + key + "': the circuit breaker is open");
    } else if (cause instanceof RateLimiterStoreException s) {
      error = s;
    } else {
      error =
          new RateLimiterStoreException(
              "Redis failed " + doing + " key '" + key + "': " + cause, cause);
    }
    LOG.debug("Redis rate limiter store failed; answering {}", failureMode, error);
    return error;
  }

  private PackedSpec prepared(PolicySpec spec) {
    // a limiter passes the same spec instance call after call: skip the record's hash and equals
    PackedSpec last = lastPrepared;
    if (last != null && last.spec == spec) {
      return last;
    }
    PackedSpec p = prepared.get(spec);
    if (p == null) {
      p = new PackedSpec(spec);
      if (prepared.size() < PREPARED_SPECS) {
        prepared.putIfAbsent(spec, p);
      }
    }
    lastPrepared = p;
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
}
