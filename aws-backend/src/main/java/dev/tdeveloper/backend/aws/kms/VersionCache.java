package dev.tdeveloper.backend.aws.kms;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.time.Ticker;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The key manager's view of tenants' versions: read without locks, loaded from the {@link KeyMode}
 * on first use, after the refresh interval, or when a version beyond the known ones is asked for.
 * Loads are serialised. Thread-safe.
 */
final class VersionCache {
  private record Loaded(List<KmsVersion> versions, long at) {}

  private final KeyMode mode;
  private final Ticker ticker;
  private final long refreshNanos;
  private final Map<TenantId, Loaded> tenants = new ConcurrentHashMap<>();

  VersionCache(KeyMode mode, Ticker ticker, long refreshNanos) {
    this.mode = mode;
    this.ticker = ticker;
    this.refreshNanos = refreshNanos;
  }

  private boolean stale(Loaded loaded, int atLeast) {
    return loaded == null
        || ticker.read() - loaded.at() >= refreshNanos
        || loaded.versions().size() < atLeast;
  }

  /** Returns the tenant's versions, loading them if stale or shorter than {@code atLeast}. */
  List<KmsVersion> get(TenantId tenant, int atLeast) {
    Loaded loaded = tenants.get(tenant);
    if (stale(loaded, atLeast)) {
      synchronized (this) {
        loaded = tenants.get(tenant);
        if (stale(loaded, atLeast)) {
          return reload(tenant, loaded == null ? List.of() : loaded.versions());
        }
      }
    }
    return loaded.versions();
  }

  /** Loads the tenant's versions from the mode now, knowing {@code known}. */
  synchronized List<KmsVersion> reload(TenantId tenant, List<KmsVersion> known) {
    List<KmsVersion> fresh =
        List.copyOf(KmsErrors.call("load", tenant, () -> mode.load(tenant, known)));
    tenants.put(tenant, new Loaded(fresh, ticker.read()));
    return fresh;
  }

  /** Records the tenant's versions after a change this instance made. */
  void put(TenantId tenant, List<KmsVersion> versions) {
    tenants.put(tenant, new Loaded(List.copyOf(versions), ticker.read()));
  }

  void clear() {
    tenants.clear();
  }
}
