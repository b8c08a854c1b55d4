package com.example.nimbus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The client of the imaginary Nimbus cloud's key-value table: versioned items, conditional writes
 * (a put or delete succeeds only if the item still has the version read), item expiry by the
 * service's own clock, and a prefix scan. Nimbus does not exist, so this client simulates the
 * service in process; a real backend would hold the cloud SDK's client here and nothing else would
 * change. Thread-safe.
 *
 * @param <V> the item values (immutable)
 */
public final class NimbusTable<V> {
  /** The version a conditional put expects when the item must not exist: {@value}. */
  public static final long ABSENT = 0;

  private static final Map<String, NimbusTable<?>> SERVICE = new ConcurrentHashMap<>();

  private final ConcurrentHashMap<String, Item<V>> items = new ConcurrentHashMap<>();
  private final LongSupplier serviceClock;

  /** An item as read: its value, its version (1 or more) and when it expires (service nanos). */
  public record Item<V>(V value, long version, long expiresAtNanos) {}

  NimbusTable(LongSupplier serviceClock) {
    this.serviceClock = Objects.requireNonNull(serviceClock, "serviceClock");
  }

  /** Connects to the table {@code name} at {@code endpoint}, as a cloud SDK would. */
  @SuppressWarnings("unchecked")
  public static <V> NimbusTable<V> connect(String endpoint, String name) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(name, "name");
    return (NimbusTable<V>)
        SERVICE.computeIfAbsent(endpoint + "/" + name, k -> new NimbusTable<>(System::nanoTime));
  }

  /** Returns the service's clock in nanoseconds (the service decides expiry by it). */
  public long serviceNanos() {
    return serviceClock.getAsLong();
  }

  /** Returns the live item at {@code key}. */
  public Optional<Item<V>> get(String key) {
    Item<V> item = items.get(key);
    return item == null || expired(item) ? Optional.empty() : Optional.of(item);
  }

  /**
   * Writes {@code value} at {@code key} if the live item there has {@code expectedVersion} ({@link
   * #ABSENT}: there is none), expiring at {@code expiresAtNanos} ({@code Long.MAX_VALUE}: never).
   *
   * @return whether the write happened
   */
  public boolean putIf(String key, V value, long expectedVersion, long expiresAtNanos) {
    Objects.requireNonNull(value, "value");
    boolean[] written = new boolean[1];
    items.compute(
        key,
        (k, old) -> {
          long version = old == null || expired(old) ? ABSENT : old.version();
          if (version != expectedVersion) {
            return old;
          }
          written[0] = true;
          return new Item<>(value, version + 1, expiresAtNanos);
        });
    return written[0];
  }

  /** Deletes the item at {@code key} if it has {@code expectedVersion}; returns whether it did. */
  public boolean deleteIf(String key, long expectedVersion) {
    boolean[] deleted = new boolean[1];
    items.computeIfPresent(
        key,
        (k, old) -> {
          if (!expired(old) && old.version() == expectedVersion) {
            deleted[0] = true;
            return null;
          }
          return old;
        });
    return deleted[0];
  }

  /** Returns the live items whose keys start with {@code prefix}, in no particular order. */
  public List<Item<V>> scan(String prefix) {
    List<Item<V>> found = new ArrayList<>();
    items.forEach(
        (key, item) -> {
          if (key.startsWith(prefix) && !expired(item)) {
            found.add(item);
          }
        });
    return found;
  }

  private boolean expired(Item<V> item) {
    return item.expiresAtNanos() <= serviceClock.getAsLong();
  }
}
