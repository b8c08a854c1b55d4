package dev.tdeveloper.backend.redis;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.cache.TenantCache;
import dev.tdeveloper.tenancy.cache.TenantScopedCache;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TenantScopedCache} whose invalidations reach every instance of a service: it wraps this
 * instance's local cache, and each {@link #invalidate(TenantId, Object) invalidate} or {@link
 * #invalidateTenant(TenantId) invalidateTenant} (also through a {@link #forTenant(TenantId) view})
 * is applied locally, then published on a Redis pub/sub channel; the other instances subscribed to
 * the channel apply it to their own caches. An instance ignores its own messages. An invalidation
 * names its tenant, so it only ever evicts that tenant's entries, on every instance.
 *
 * <p>Reads, loads and writes stay local: a {@code put} does not evict other instances' entries
 * (invalidate to change a value everywhere). Use the cache only through this object, so it knows
 * the tenants it holds.
 *
 * <p><b>Delivery.</b> Redis pub/sub delivers at most once, to instances subscribed at that moment.
 * When the subscription drops (network, server restart) Lettuce reconnects and subscribes again;
 * invalidations published meanwhile are lost, so on every re-subscription this object drops the
 * local caches of every tenant it has seen, and the entries are loaded again. When {@code
 * invalidate} returns, the message is on the server; other instances apply it moments later, on the
 * client's event-loop thread. Messages are {@code <instance>\n<T|K>\n<tenant>[\n<key>]}; a
 * malformed one is logged and ignored.
 *
 * <p>Build with {@link #builder(RedisClient, String)}: it opens two connections on the client (one
 * subscribed, one to publish), which {@link #close()} closes; the cache stays usable locally.
 * Thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class RedisCacheInvalidation<K, V> implements TenantScopedCache<K, V>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisCacheInvalidation.class);

  private final TenantScopedCache<K, V> cache;
  private final Function<? super K, String> encoder;
  private final Function<String, ? extends K> decoder;
  private final String channel;
  private final String instance = UUID.randomUUID().toString();
  private final Set<TenantId> seen = ConcurrentHashMap.newKeySet();
  private final AtomicLong subscriptions = new AtomicLong();
  private final AtomicLong applied = new AtomicLong();
  private final StatefulRedisPubSubConnection<String, String> subscriber;
  private final StatefulRedisConnection<String, String> publisher;

  RedisCacheInvalidation(
      RedisCacheInvalidationBuilder b,
      TenantScopedCache<K, V> cache,
      Function<? super K, String> encoder,
      Function<String, ? extends K> decoder) {
    this.cache = cache;
    this.encoder = encoder;
    this.decoder = decoder;
    this.channel = b.channel;
    StatefulRedisPubSubConnection<String, String> sub = null;
    try {
      sub = b.client.connectPubSub(StringCodec.UTF8);
      sub.setTimeout(b.commandTimeout);
      sub.addListener(
          new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String message) {
              if (channel.equals(from)) {
                apply(message);
              }
            }

            @Override
            public void subscribed(String to, long count) {
              if (channel.equals(to) && subscriptions.getAndIncrement() > 0) {
                resubscribed();
              }
            }
          });
      sub.sync().subscribe(channel);
      this.publisher = b.client.connect(StringCodec.UTF8);
      this.publisher.setTimeout(b.commandTimeout);
    } catch (RuntimeException e) {
      if (sub != null) {
        sub.close();
      }
      throw new CacheInvalidationException(
          "cannot subscribe to cache invalidations on channel '" + channel + "': " + e, e);
    }
    this.subscriber = sub;
  }

  /**
   * Returns a builder that wraps a local cache and shares its invalidations on {@code channel} of
   * {@code client}'s server. Give each cache its own channel.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code channel} is blank or longer than 200 characters
   */
  public static RedisCacheInvalidationBuilder builder(RedisClient client, String channel) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(channel, "channel");
    if (channel.isBlank() || channel.length() > 200) {
      throw new IllegalArgumentException(
          "channel must be 1 to 200 characters, not blank, was '" + channel + "'");
    }
    return new RedisCacheInvalidationBuilder(client, channel);
  }

  /** Returns the channel the invalidations travel on. */
  public String channel() {
    return channel;
  }

  /** Returns how many invalidations of other instances this one has applied. */
  public long appliedRemoteInvalidations() {
    return applied.get();
  }

  @Override
  public Optional<V> getIfPresent(TenantId tenant, K key) {
    return cache.getIfPresent(tenant, key);
  }

  @Override
  public V get(TenantId tenant, K key, Function<? super K, ? extends V> loader) {
    return cache.get(see(tenant), key, loader);
  }

  @Override
  public void put(TenantId tenant, K key, V value) {
    cache.put(see(tenant), key, value);
  }

  /**
   * Removes {@code tenant}'s value for {@code key} here, then on every other instance.
   *
   * @throws CacheInvalidationException if the invalidation cannot be published (the local entry is
   *     gone already)
   */
  @Override
  public void invalidate(TenantId tenant, K key) {
    cache.invalidate(tenant, key);
    publish(
        "K\n" + tenant.value() + "\n" + Objects.requireNonNull(encoder.apply(key), "encoded key"));
  }

  /**
   * Drops {@code tenant}'s entries here, then on every other instance.
   *
   * @throws CacheInvalidationException if the invalidation cannot be published (the local entries
   *     are gone already)
   */
  @Override
  public void invalidateTenant(TenantId tenant) {
    cache.invalidateTenant(tenant);
    publish("T\n" + tenant.value());
  }

  @Override
  public TenantCache<K, V> forTenant(TenantId tenant) {
    TenantCache<K, V> view = cache.forTenant(see(tenant));
    return new TenantCache<>() {
      @Override
      public TenantId tenant() {
        return tenant;
      }

      @Override
      public Optional<V> getIfPresent(K key) {
        return view.getIfPresent(key);
      }

      @Override
      public V get(K key, Function<? super K, ? extends V> loader) {
        return view.get(key, loader);
      }

      @Override
      public void put(K key, V value) {
        view.put(key, value);
      }

      @Override
      public void invalidate(K key) {
        RedisCacheInvalidation.this.invalidate(tenant, key);
      }
    };
  }

  @Override
  public long estimatedSize(TenantId tenant) {
    return cache.estimatedSize(tenant);
  }

  @Override
  public CacheStats stats(TenantId tenant) {
    return cache.stats(tenant);
  }

  @Override
  public void cleanUp() {
    cache.cleanUp();
  }

  /** Unsubscribes and closes both connections; the local cache stays usable. Idempotent. */
  @Override
  public void close() {
    subscriber.close();
    publisher.close();
  }

  @Override
  public String toString() {
    return "RedisCacheInvalidation[channel=" + channel + ", " + cache + "]";
  }

  private TenantId see(TenantId tenant) {
    if (!seen.contains(Objects.requireNonNull(tenant, "tenant"))) {
      seen.add(tenant);
    }
    return tenant;
  }

  private void publish(String body) {
    try {
      publisher.sync().publish(channel, instance + "\n" + body);
    } catch (RuntimeException e) {
      throw new CacheInvalidationException(
          "cannot publish a cache invalidation on channel '"
              + channel
              + "' (applied locally only): "
              + e,
          e);
    }
  }

  /** Applies another instance's message; never throws into Lettuce's event loop. */
  private void apply(String message) {
    try {
      String[] parts = message.split("\n", 4);
      if (parts.length >= 3 && parts[0].equals(instance)) {
        return;
      }
      if (parts.length == 3 && parts[1].equals("T") && TenantId.isValid(parts[2])) {
        cache.invalidateTenant(TenantId.of(parts[2]));
      } else if (parts.length == 4 && parts[1].equals("K") && TenantId.isValid(parts[2])) {
        cache.invalidate(TenantId.of(parts[2]), decoder.apply(parts[3]));
      } else {
        LOG.warn("ignoring a malformed cache invalidation on channel '{}': {}", channel, message);
        return;
      }
      applied.incrementAndGet();
    } catch (RuntimeException e) {
      LOG.warn(
          "ignoring a cache invalidation on channel '{}' that failed: {}", channel, message, e);
    }
  }

  /** Invalidations may have been lost while the subscription was down: drop what they covered. */
  private void resubscribed() {
    LOG.info(
        "subscribed again to cache invalidations on channel '{}'; dropping {} tenants' entries",
        channel,
        seen.size());
    for (TenantId tenant : seen) {
      cache.invalidateTenant(tenant);
    }
  }
}
