package dev.tdeveloper.compliance.privacy;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Optional;

/** A {@link PseudonymVault} in memory only. Thread-safe: lookups are lock-free, writes locked. */
final class InMemoryPseudonymVault implements PseudonymVault {
  private final VaultIndex index = new VaultIndex();

  @Override
  public String pseudonymize(Optional<TenantId> tenant, String value) {
    VaultIndex.Key key = VaultIndex.key(tenant, value);
    Optional<String> known = index.pseudonym(key);
    if (known.isPresent()) {
      return known.get();
    }
    synchronized (this) {
      return index
          .pseudonym(key)
          .orElseGet(
              () -> {
                String pseudonym = index.fresh(key);
                index.put(key, pseudonym);
                return pseudonym;
              });
    }
  }

  @Override
  public Optional<String> lookup(Optional<TenantId> tenant, String value) {
    return index.pseudonym(VaultIndex.key(tenant, value));
  }

  @Override
  public synchronized Optional<String> forget(Optional<TenantId> tenant, String value) {
    return index.remove(VaultIndex.key(tenant, value));
  }

  @Override
  public Optional<String> reidentify(Optional<TenantId> tenant, String pseudonym) {
    return index.value(tenant, pseudonym);
  }

  @Override
  public int size() {
    return index.size();
  }

  @Override
  public String toString() {
    return "InMemoryPseudonymVault[" + size() + " mappings]";
  }
}
