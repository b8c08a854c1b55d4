package dev.tdeveloper.demo;

import dev.tdeveloper.backend.redis.FailureMode;
import dev.tdeveloper.backend.redis.RedisCacheInvalidation;
import dev.tdeveloper.backend.redis.RedisJobLease;
import dev.tdeveloper.backend.redis.RedisQuotaStore;
import dev.tdeveloper.backend.redis.RedisRateLimiterStore;
import dev.tdeveloper.backend.redis.distribution.RedisHlcStateStore;
import dev.tdeveloper.backend.redis.distribution.RedisReplicationChannel;
import dev.tdeveloper.tenancy.cache.TenantScopedCache;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.InstantSource;

/**
 * The demo's Redis ({@code --redis}): one {@link RedisClient} and the stores on it (rate limits,
 * quotas, job leases, the regions' replication channel and HLC mark), under the key prefix {@value
 * #PREFIX}. The rate-limit store answers from a local in-process store while Redis is unreachable
 * ({@link FailureMode#LOCAL_FALLBACK}): a demo should keep serving with per-instance limits (n
 * instances admit up to n times a limit) rather than refuse every request (fail-closed) or drop
 * limits altogether (fail-open). Thread-safe; {@link #close()} shuts the client down.
 */
final class DemoRedis implements AutoCloseable {
  /** The prefix of every key the demo writes: {@value}. */
  static final String PREFIX = "tdev:demo:";

  final RedisClient client;
  final RedisRateLimiterStore rateLimits;
  final RedisQuotaStore quotas;
  final RedisJobLease leases;
  final RedisReplicationChannel replication;
  final RedisHlcStateStore hlc;

  /**
   * Connects (a {@code PING}, so a wrong address fails the start at once, naming it).
   *
   * @throws DemoBackendException if Redis cannot be reached
   */
  DemoRedis(DemoBackendOptions.Redis options, InstantSource clock) {
    this.client = RedisClient.create(options.uri());
    try (StatefulRedisConnection<String, String> ping = client.connect()) {
      ping.sync().ping();
    } catch (RedisException e) {
      client.shutdown();
      throw new DemoBackendException(
          "cannot reach Redis at " + DemoBackendOptions.Redis.redact(options.uri()), e);
    }
    this.rateLimits =
        RedisRateLimiterStore.builder(client)
            .keyPrefix(PREFIX + "rl:")
            .failureMode(FailureMode.LOCAL_FALLBACK)
            .build();
    this.quotas = RedisQuotaStore.builder(client).clock(clock).keyPrefix(PREFIX + "quota:").build();
    this.leases = RedisJobLease.builder(client).keyPrefix(PREFIX + "lease:").build();
    this.replication = RedisReplicationChannel.builder(client).keyPrefix(PREFIX + "repl:").build();
    this.hlc =
        RedisHlcStateStore.builder(client).keyPrefix(PREFIX + "hlc:").name("regions").build();
  }

  /**
   * Wraps an instance's local {@code cache} so its invalidations reach every instance over the
   * pub/sub channel {@code tdev:demo:cache:<name>}.
   */
  <V> RedisCacheInvalidation<String, V> shared(String name, TenantScopedCache<String, V> cache) {
    return RedisCacheInvalidation.builder(client, PREFIX + "cache:" + name).build(cache);
  }

  /** Closes the stores' connections, then the client. */
  @Override
  public void close() {
    try {
      rateLimits.close();
      leases.close();
      replication.close();
      hlc.close();
    } finally {
      client.shutdown();
    }
  }

  @Override
  public String toString() {
    return "DemoRedis[" + client + "]";
  }
}
