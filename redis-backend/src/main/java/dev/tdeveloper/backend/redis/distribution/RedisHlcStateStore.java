package dev.tdeveloper.backend.redis.distribution;

import dev.tdeveloper.backend.redis.internal.ConnectionOptions;
import dev.tdeveloper.backend.redis.internal.LuaScript;
import dev.tdeveloper.distribution.DistributionException;
import dev.tdeveloper.distribution.spi.HlcStateStore;
import io.lettuce.core.RedisClient;
import java.util.List;
import java.util.Objects;

/**
 * An {@link HlcStateStore} in one Redis key, {@code <prefix><name>} (default prefix {@value
 * RedisHlcStateStoreBuilder#DEFAULT_KEY_PREFIX}): {@link #store} is one Lua script that only ever
 * raises the stored mark (an exact decimal comparison), {@link #load} one {@code GET}. Several
 * processes may share a name; the mark is then the highest any of them stored. It passes {@code
 * HlcStateStoreContract}.
 *
 * <p><b>Durability.</b> A mark survives the crash of the process that stored it as soon as {@link
 * #store} returns. It survives a crash of Redis only as far as Redis persists: with {@code
 * appendonly yes} and {@code appendfsync always} every returned store is on disk; with {@code
 * everysec} (Redis's default once AOF is on) the last second may be lost; without persistence a
 * Redis restart loses the mark and {@link #load} answers 0. A clock that loads a lost or older mark
 * starts from its physical clock as on a first start: it stays monotonic as long as the machine's
 * clock did not go back by more than what was lost; if it did, stamps issued before the restart may
 * be repeated. Run Redis with AOF (or replicas and {@code WAIT}) where that matters.
 *
 * <p>Failures throw {@link RedisDistributionException} naming the key; a failed store leaves the
 * previous mark in place (the script either ran entirely or not at all), and retrying it is safe.
 * Thread-safe: one multiplexed connection serves every thread. Close to release the connection (the
 * client stays the caller's).
 */
public final class RedisHlcStateStore implements HlcStateStore, AutoCloseable {
  private static final LuaScript STORE = LuaScript.load(RedisHlcStateStore.class, "hlc-store.lua");

  private final String key;
  private final byte[][] keys;
  private final RedisLink redis;

  RedisHlcStateStore(ConnectionOptions settings, String name) {
    this.key = settings.keyPrefix() + name;
    this.keys = new byte[][] {RedisLink.bytes(key)};
    this.redis = new RedisLink(settings, "Redis HLC state store '" + key + "'");
  }

  /**
   * Returns a builder of a store on {@code client}.
   *
   * @param client the client, which stays the caller's to shut down
   * @return the builder
   * @throws NullPointerException if {@code client} is null
   */
  public static RedisHlcStateStoreBuilder builder(RedisClient client) {
    return new RedisHlcStateStoreBuilder(Objects.requireNonNull(client, "client"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws RedisDistributionException if Redis fails
   * @throws DistributionException if the key holds something other than a mark
   */
  @Override
  public long load() {
    byte[] stored = redis.call("load", r -> r.get(keys[0]));
    return stored == null ? 0 : parse(RedisLink.text(stored));
  }

  /**
   * {@inheritDoc}
   *
   * @throws RedisDistributionException if Redis fails
   * @throws DistributionException if the key holds something other than a mark
   */
  @Override
  public void store(long highWaterMillis) {
    if (highWaterMillis < 0) {
      throw new IllegalArgumentException(
          "highWaterMillis is " + highWaterMillis + "; allowed: 0 or more");
    }
    List<Object> answer = redis.run("store", STORE, keys, RedisLink.bytes(highWaterMillis));
    if ((Long) answer.get(0) < 0) {
      parse(RedisLink.text(answer.get(1)));
    }
  }

  private long parse(String stored) {
    try {
      long mark = Long.parseLong(stored);
      if (mark >= 0) {
        return mark;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new DistributionException(
        "Redis key '"
            + key
            + "' holds '"
            + (stored.length() > 40 ? stored.substring(0, 40) + "..." : stored)
            + "', not an HLC high-water mark (a whole number of milliseconds)");
  }

  /** Closes the connection, and the client if the provider made it. Idempotent. */
  @Override
  public void close() {
    redis.close();
  }

  @Override
  public String toString() {
    return "RedisHlcStateStore[" + key + "]";
  }
}
