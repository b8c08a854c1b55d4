package dev.tdeveloper.compliance.privacy;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Optional;

/**
 * A {@link PseudonymVault} over a {@link VaultIndex}: lookups are lock-free, and writes hold the
 * vault's lock, calling {@link #stored} and {@link #forgetting} so a subclass can make each change
 * durable before it is acknowledged. Thread-safe if those hooks are, under the lock.
 */
abstract class IndexedPseudonymVault implements PseudonymVault {
  final VaultIndex index = new VaultIndex();

  /** Called under the lock with a new mapping before it is added and handed out; may throw. */
  abstract void stored(VaultIndex.Key key, String pseudonym);

  /**
   * Called under the lock before the mapping of {@code key}, which exists, is removed; may throw.
   */
  abstract void forgetting(VaultIndex.Key key);

  @Override
  public final String pseudonymize(Optional<TenantId> tenant, String value) {
    VaultIndex.Key key = VaultIndex.key(tenant, value);
    Optional<String> known = index.pseudonym(key);
    if (known.isPresent()) {
      return known.get();
    }
    synchronized (this) {
      known = index.pseudonym(key);
      if (known.isPresent()) {
        return known.get();
      }
      String pseudonym = index.fresh(key);
      stored(key, pseudonym);
      index.put(key, pseudonym);
      return pseudonym;
    }
  }

  @Override
  public final Optional<String> lookup(Optional<TenantId> tenant, String value) {
    return index.pseudonym(VaultIndex.key(tenant, value));
  }

  @Override
  public synchronized Optional<String> forget(Optional<TenantId> tenant, String value) {
    VaultIndex.Key key = VaultIndex.key(tenant, value);
    if (index.pseudonym(key).isEmpty()) {
      return Optional.empty();
    }
    forgetting(key);
    return index.remove(key);
  }

  @Override
  public final Optional<String> reidentify(Optional<TenantId> tenant, String pseudonym) {
    return index.value(tenant, pseudonym);
  }

  @Override
  public final int size() {
    return index.size();
  }
}
