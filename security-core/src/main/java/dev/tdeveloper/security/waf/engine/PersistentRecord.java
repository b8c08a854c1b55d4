package dev.tdeveloper.security.waf.engine;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One record of a persistent collection: lower-case keys to values, each with its own expiry time
 * on the store's ticker. Thread-safe (many transactions of a tenant share it).
 */
final class PersistentRecord {
  /** The expiry time of a value without {@code expirevar}. */
  static final long NEVER = Long.MAX_VALUE;

  private final ConcurrentHashMap<String, Value> values = new ConcurrentHashMap<>();

  /** A value and the ticker reading at which it expires. */
  record Value(String value, long expiresAt) {}

  /**
   * A live value.
   *
   * @param key the key, lower case
   * @param now the ticker reading
   * @return the value; empty when absent or expired (an expired one is removed)
   */
  Optional<String> get(String key, long now) {
    Value v = values.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (now >= v.expiresAt()) {
      values.remove(key, v);
      return Optional.empty();
    }
    return Optional.of(v.value());
  }

  /**
   * Sets a value, keeping a live value's expiry as ModSecurity does.
   *
   * @param key the key, lower case
   * @param value the value
   * @param now the ticker reading
   * @param maxKeys the bound on keys: a new key beyond it is dropped
   */
  void put(String key, String value, long now, int maxKeys) {
    values.compute(
        key,
        (k, old) -> {
          if (old != null && now < old.expiresAt()) {
            return new Value(value, old.expiresAt());
          }
          if (old == null && values.size() >= maxKeys) {
            return null;
          }
          return new Value(value, NEVER);
        });
  }

  /**
   * Makes a live value expire.
   *
   * @param key the key, lower case
   * @param expiresAt the ticker reading at which it expires
   * @param now the ticker reading
   */
  void expire(String key, long expiresAt, long now) {
    values.computeIfPresent(
        key, (k, old) -> now < old.expiresAt() ? new Value(old.value(), expiresAt) : null);
  }

  /**
   * Removes a value.
   *
   * @param key the key, lower case
   */
  void remove(String key) {
    values.remove(key);
  }

  /**
   * The live values.
   *
   * @param now the ticker reading
   * @return a snapshot of the keys and values that have not expired
   */
  Map<String, String> live(long now) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Value> e : values.entrySet()) {
      if (now < e.getValue().expiresAt()) {
        out.put(e.getKey(), e.getValue().value());
      }
    }
    return out;
  }
}
