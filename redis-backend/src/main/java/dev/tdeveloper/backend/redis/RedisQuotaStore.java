package dev.tdeveloper.backend.redis;

import dev.tdeveloper.backend.redis.internal.LuaScript;
import dev.tdeveloper.backend.redis.internal.ScriptRunner;
import dev.tdeveloper.tenancy.spi.QuotaAddResult;
import dev.tdeveloper.tenancy.spi.QuotaKey;
import dev.tdeveloper.tenancy.spi.QuotaStore;
import dev.tdeveloper.tenancy.spi.QuotaStoreException;
import io.lettuce.core.RedisClient;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;

/**
 * A {@link QuotaStore} in Redis, shared by every instance that uses the same server: each {@link
 * #tryAdd} and {@link #subtract} is one atomic Lua script ({@code EVALSHA}, {@code EVAL} when the
 * server lost its script cache), exact up to {@link Long#MAX_VALUE}. It passes {@code
 * QuotaStoreContract}.
 *
 * <p><b>Windows and clock.</b> Each calendar window has its own counter (the window start is part
 * of the key), so a new window starts from zero. Whether a counter's window has ended is decided by
 * the injected {@link InstantSource}, the clock the quota enforcer computes its windows with, to
 * the nanosecond; the server also drops the key by itself {@value #GRACE_SECONDS} seconds after the
 * window ends ({@code SET ... PXAT}), so server and instance clocks may disagree by that much
 * without a counter vanishing early.
 *
 * <p><b>Keys.</b> {@code <prefix>{tenant}/resource/windowStart} (for example {@code
 * tdev:quota:{acme}/api-calls/2026-01-01T00:00:00Z}): the tenant is a hash tag, so a tenant's
 * counters share a Redis Cluster slot. The value is {@code used|expiresAtSecond|expiresAtNano}.
 *
 * <p>Redis failures throw {@link QuotaStoreException}; the quota enforcer decides what that means.
 * Build with {@link #builder(RedisClient)}; close to release the connection (the client stays the
 * caller's). Thread-safe: one multiplexed connection serves every thread.
 */
public final class RedisQuotaStore implements QuotaStore, AutoCloseable {
  /** Seconds the server keeps a counter after its window ended: {@value}. */
  public static final long GRACE_SECONDS = 60;

  /** The latest expiry kept exactly: 9999-12-31T23:59:59Z; later ones are treated as this. */
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private final ScriptRunner<QuotaStoreException> redis;
  private final InstantSource clock;
  private final String keyPrefix;

  RedisQuotaStore(RedisQuotaStoreBuilder b) {
    this.clock = b.clock;
    this.keyPrefix = b.options.keyPrefix();
    this.redis =
        new ScriptRunner<>(
            b.options,
            LuaScript.load(RedisQuotaStore.class, "quota.lua"),
            QuotaStoreException.class,
            message -> new QuotaStoreException("Redis quota store: " + message));
  }

  /**
   * Returns a builder of a store on {@code client}.
   *
   * @throws NullPointerException if {@code client} is null
   */
  public static RedisQuotaStoreBuilder builder(RedisClient client) {
    return new RedisQuotaStoreBuilder(Objects.requireNonNull(client, "client"), false);
  }

  /**
   * {@inheritDoc}
   *
   * @throws QuotaStoreException if Redis fails or the store is closed
   */
  @Override
  public QuotaAddResult tryAdd(QuotaKey key, long amount, long limit, Instant expiresAt) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (amount < 1) {
      throw new IllegalArgumentException("amount must be at least 1, was " + amount);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    Instant now = now();
    Instant expires = expiresAt.isAfter(LATEST) ? LATEST : expiresAt;
    long dropAt = expires.plusSeconds(GRACE_SECONDS).toEpochMilli() + 1;
    List<Object> reply =
        run(
            key,
            "add",
            now,
            Long.toString(amount),
            Long.toString(limit),
            Long.toString(expires.getEpochSecond()),
            Integer.toString(expires.getNano()),
            Long.toString(dropAt));
    long used = used(reply, key);
    return flag(reply, key) == 1
        ? new QuotaAddResult.Added(used)
        : new QuotaAddResult.Rejected(used);
  }

  /**
   * {@inheritDoc}
   *
   * @throws QuotaStoreException if Redis fails or the store is closed
   */
  @Override
  public long used(QuotaKey key) {
    Objects.requireNonNull(key, "key");
    String raw = redis.call(commands -> commands.get(redisKey(key)), e -> failed(key, e));
    if (raw == null) {
      return 0;
    }
    String[] parts = raw.split("\\|");
    try {
      Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
      return expires.isAfter(now()) ? Long.parseLong(parts[0]) : 0;
    } catch (RuntimeException e) {
      throw new QuotaStoreException(
          "Redis quota store: key " + redisKey(key) + " holds '" + raw + "'", e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws QuotaStoreException if Redis fails or the store is closed
   */
  @Override
  public long subtract(QuotaKey key, long amount) {
    Objects.requireNonNull(key, "key");
    if (amount < 1) {
      throw new IllegalArgumentException("amount must be at least 1, was " + amount);
    }
    return used(run(key, "subtract", now(), Long.toString(amount)), key);
  }

  /** Returns the Redis key of {@code key}'s counter. */
  public String redisKey(QuotaKey key) {
    return keyPrefix + "{" + key.tenant().value() + "}/" + key.resource() + "/" + key.windowStart();
  }

  /** Closes the store's connection (and the client, if the provider created it). Idempotent. */
  @Override
  public void close() {
    redis.close();
  }

  @Override
  public String toString() {
    return "RedisQuotaStore[prefix=" + keyPrefix + "]";
  }

  private Instant now() {
    Instant now = clock.instant();
    return now.isAfter(LATEST) ? LATEST : now;
  }

  private List<Object> run(QuotaKey key, String operation, Instant now, String... rest) {
    String[] args = new String[3 + rest.length];
    args[0] = operation;
    args[1] = Long.toString(now.getEpochSecond());
    args[2] = Integer.toString(now.getNano());
    System.arraycopy(rest, 0, args, 3, rest.length);
    return redis.run(new String[] {redisKey(key)}, args, e -> failed(key, e));
  }

  private QuotaStoreException failed(QuotaKey key, RuntimeException e) {
    return new QuotaStoreException(
        "Redis quota store failed on key " + redisKey(key) + ": " + e, e);
  }

  private long flag(List<Object> reply, QuotaKey key) {
    if (reply.get(0) instanceof Long flag && (flag == 0 || flag == 1)) {
      return flag;
    }
    throw malformed(reply, key);
  }

  private long used(List<Object> reply, QuotaKey key) {
    if (reply.size() == 2 && reply.get(1) instanceof String used) {
      try {
        return Long.parseLong(used);
      } catch (NumberFormatException e) {
        throw malformed(reply, key);
      }
    }
    throw malformed(reply, key);
  }

  private QuotaStoreException malformed(List<Object> reply, QuotaKey key) {
    return new QuotaStoreException(
        "Redis quota store: the script answered " + reply + " for key " + redisKey(key));
  }
}
