package dev.tdeveloper.backend.aws.kms;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.time.Ticker;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Unwrapped data keys by (tenant, version, wrapped bytes, associated data), bounded in entries and
 * age like the core's data key caches, so a data key unwrapped again (another encryptor instance, a
 * rewrap job, an evicted core cache) costs no {@code Decrypt}. The key manager checks the version
 * is enabled before asking, and empties the cache on any state change. Returns copies. Thread-safe.
 */
final class UnwrapCache {
  private final Cache<ByteBuffer, byte[]> cache;

  UnwrapCache(long maximumSize, Duration maximumAge, Ticker ticker) {
    this.cache =
        maximumSize == 0
            ? null
            : Caffeine.newBuilder()
                .ticker(ticker::read)
                .maximumSize(maximumSize)
                .expireAfterWrite(maximumAge)
                .build();
  }

  private static ByteBuffer key(TenantId tenant, int version, byte[] wrapped, byte[] aad) {
    byte[] t = tenant.value().getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(12 + t.length + wrapped.length + aad.length)
        .putInt(t.length)
        .put(t)
        .putInt(version)
        .putInt(wrapped.length)
        .put(wrapped)
        .put(aad)
        .flip();
  }

  byte[] get(TenantId tenant, int version, byte[] wrapped, byte[] aad) {
    if (cache == null) {
      return null;
    }
    byte[] dek = cache.getIfPresent(key(tenant, version, wrapped, aad));
    return dek == null ? null : dek.clone();
  }

  void put(TenantId tenant, int version, byte[] wrapped, byte[] aad, byte[] dek) {
    if (cache != null) {
      cache.put(key(tenant, version, wrapped, aad), dek.clone());
    }
  }

  void clear() {
    if (cache != null) {
      cache.invalidateAll();
    }
  }

  long size() {
    return cache == null ? 0 : cache.estimatedSize();
  }
}
