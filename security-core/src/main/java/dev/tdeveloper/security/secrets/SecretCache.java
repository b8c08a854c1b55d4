package dev.tdeveloper.security.secrets;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.tdeveloper.security.SecurityCoreException;
import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretNotFoundException;
import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.spi.SecretStoreException;
import dev.tdeveloper.security.spi.SecretVersion;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.util.Objects;
import java.util.Optional;

/**
 * How consumers read secrets: the CURRENT value of each secret, cached and refreshed in the
 * background (Caffeine's {@code refreshAfterWrite}), so a rotation reaches every consumer within
 * the refresh interval and a read costs no store round trip. While refreshes fail (the store is
 * down), the cache keeps serving the last good value, up to the maximum staleness after the last
 * successful read; after that a read goes to the store and throws its failure. The cache holds at
 * most its maximum size of secrets, evicting the least used. Defaults are in {@link
 * SecretCacheBuilder}.
 *
 * <p>Every value returned is a copy the caller may destroy; the cache destroys its own copy of a
 * value when it replaces or evicts it.
 *
 * <p>Thread-safe.
 */
public final class SecretCache {
  private static final int COPY_ATTEMPTS = 3;

  /** A cached CURRENT value and its version. */
  private record Cached(String versionId, Secret value) {}

  private final SecretStore store;
  private final Listeners<SecretCacheEvent> listeners;
  private final LoadingCache<SecretName, Cached> cache;

  SecretCache(SecretCacheBuilder builder) {
    this.store = builder.store;
    this.listeners = Listeners.of(builder.listeners);
    this.cache =
        Caffeine.newBuilder()
            .ticker(builder.ticker::read)
            .executor(builder.executor)
            .maximumSize(builder.maximumSize)
            .refreshAfterWrite(builder.refreshAfter)
            .expireAfterWrite(builder.maxStaleness)
            .<SecretName, Cached>removalListener(
                (name, cached, cause) -> {
                  if (cached != null) {
                    cached.value().destroy();
                  }
                })
            .build(new Loader());
  }

  /** Returns a builder of a cache reading {@code store}. */
  public static SecretCacheBuilder builder(SecretStore store) {
    return new SecretCacheBuilder(store);
  }

  /**
   * Returns a copy of the CURRENT value of {@code name}, from the cache when it holds one.
   *
   * @throws SecretNotFoundException if the secret does not exist or has no CURRENT version
   * @throws SecretStoreException if the cache holds no value fresh enough and the store fails
   */
  public Secret current(SecretName name) {
    Objects.requireNonNull(name, "name");
    for (int attempt = 1; ; attempt++) {
      Cached cached = cache.get(name);
      try {
        return cached.value().copy();
      } catch (IllegalStateException destroyed) {
        // replaced by a refresh between get and copy: read the new one
        if (attempt == COPY_ATTEMPTS) {
          throw new SecretStoreException("the cached value of " + name + " kept changing");
        }
      }
    }
  }

  /**
   * Returns the id of the CURRENT version the cache serves for {@code name}, loading it if needed.
   *
   * @throws SecretNotFoundException if the secret does not exist or has no CURRENT version
   * @throws SecretStoreException if the cache holds no value fresh enough and the store fails
   */
  public String currentVersionId(SecretName name) {
    return cache.get(Objects.requireNonNull(name, "name")).versionId();
  }

  /** Drops {@code name} from the cache, so the next read goes to the store (after a rotation). */
  public void invalidate(SecretName name) {
    cache.invalidate(Objects.requireNonNull(name, "name"));
  }

  /** Returns how many secrets the cache holds (approximately, between maintenance runs). */
  public long size() {
    return cache.estimatedSize();
  }

  /** Runs pending maintenance (evictions, removals) now; for tests with a direct executor. */
  public void cleanUp() {
    cache.cleanUp();
  }

  private Cached read(SecretName name) {
    SecretVersion version =
        store
            .versionAt(name, SecretLabel.CURRENT)
            .orElseThrow(() -> new SecretNotFoundException(name, Optional.empty()));
    Secret value =
        store
            .value(name, version.versionId())
            .orElseThrow(() -> new SecretNotFoundException(name, Optional.of(version.versionId())));
    return new Cached(version.versionId(), value);
  }

  private final class Loader implements CacheLoader<SecretName, Cached> {
    @Override
    public Cached load(SecretName name) {
      return read(name);
    }

    @Override
    public Cached reload(SecretName name, Cached old) {
      Cached fresh;
      try {
        fresh = read(name);
      } catch (RuntimeException e) {
        listeners.publish(new SecretCacheEvent.RefreshFailed(name, old.versionId(), reason(e)));
        throw e;
      }
      if (!fresh.versionId().equals(old.versionId())) {
        listeners.publish(new SecretCacheEvent.Changed(name, old.versionId(), fresh.versionId()));
      }
      return fresh;
    }
  }

  /** Describes a failure: the suite's own messages never carry values; others may, so not shown. */
  static String reason(Throwable e) {
    return e instanceof SecurityCoreException
        ? e.getClass().getSimpleName() + ": " + e.getMessage()
        : e.getClass().getName();
  }
}
