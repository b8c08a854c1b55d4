package dev.tdeveloper.compliance.privacy;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link PseudonymVault} over a {@link VaultIndex}: lookups are lock-free, and writes hold the
 * vault's lock, calling {@link #stored} and {@link #forgetting} so a subclass can make each change
 * durable before it is acknowledged. A new mapping may become durable after the lock is released
 * ({@link #durable}, a group commit): until then it is pending, and every caller that finds it (the
 * one that added it, or another pseudonymizing or looking up the same value) waits for it before
 * returning it; if it cannot be made durable it is dropped and those callers get the failure.
 * Thread-safe if the hooks are: {@link #stored} and {@link #forgetting} run under the lock, {@link
 * #durable} without it.
 */
abstract class IndexedPseudonymVault implements PseudonymVault {
  /** The ticket of a mapping that {@link #stored} made durable already. */
  static final long DURABLE = 0;

  final VaultIndex index = new VaultIndex();

  /** Mappings added to the index but maybe not durable yet, by value. */
  private final Map<VaultIndex.Key, Pending> pending = new ConcurrentHashMap<>();

  private record Pending(String pseudonym, long ticket) {}

  /**
   * Called under the lock with a new mapping before it is added; may throw (nothing is added).
   *
   * @return {@link #DURABLE}, or a positive ticket that {@link #durable} waits for
   */
  abstract long stored(VaultIndex.Key key, String pseudonym);

  /**
   * Returns once the mapping stored with {@code ticket} is durable; without the lock; may throw.
   */
  abstract void durable(long ticket);

  /**
   * Called under the lock before the mapping of {@code key}, which exists, is removed; may throw.
   * On return every mapping added so far is durable, except the one removed.
   */
  abstract void forgetting(VaultIndex.Key key);

  @Override
  public final String pseudonymize(Optional<TenantId> tenant, String value) {
    VaultIndex.Key key = VaultIndex.key(tenant, value);
    String pseudonym = index.pseudonym(key).orElseGet(() -> add(key));
    awaitDurable(key, pseudonym);
    return pseudonym;
  }

  private synchronized String add(VaultIndex.Key key) {
    Optional<String> known = index.pseudonym(key);
    if (known.isPresent()) {
      return known.get();
    }
    String pseudonym = index.fresh(key);
    long ticket = stored(key, pseudonym);
    if (ticket != DURABLE) {
      pending.put(key, new Pending(pseudonym, ticket)); // before the index: finders see it
    }
    index.put(key, pseudonym);
    return pseudonym;
  }

  /** Waits until {@code key}'s mapping to {@code pseudonym} is durable; drops it if it fails. */
  private void awaitDurable(VaultIndex.Key key, String pseudonym) {
    Pending p = pending.get(key);
    if (p == null || !p.pseudonym().equals(pseudonym)) {
      return; // durable, or forgotten and mapped anew since: ours was acknowledged before
    }
    try {
      durable(p.ticket());
    } catch (RuntimeException e) {
      drop(key, p);
      throw e;
    }
    pending.remove(key, p);
  }

  private synchronized void drop(VaultIndex.Key key, Pending p) {
    if (pending.remove(key, p)) {
      index.remove(key);
    }
  }

  @Override
  public final Optional<String> lookup(Optional<TenantId> tenant, String value) {
    VaultIndex.Key key = VaultIndex.key(tenant, value);
    Optional<String> known = index.pseudonym(key);
    known.ifPresent(pseudonym -> awaitDurable(key, pseudonym));
    return known;
  }

  @Override
  public synchronized Optional<String> forget(Optional<TenantId> tenant, String value) {
    VaultIndex.Key key = VaultIndex.key(tenant, value);
    if (index.pseudonym(key).isEmpty()) {
      return Optional.empty();
    }
    forgetting(key);
    pending.remove(key);
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
