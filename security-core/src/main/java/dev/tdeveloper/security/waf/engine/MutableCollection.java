package dev.tdeveloper.security.waf.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * A collection {@code setvar} writes: {@code TX} (one per transaction), or a persistent one ({@code
 * IP}, {@code GLOBAL}, {@code SESSION}, {@code USER}, {@code RESOURCE}) opened with {@code initcol}
 * and kept, per tenant, with a per-key expiry. Keys are case-insensitive (stored lower case), as in
 * ModSecurity. Confined to one transaction.
 */
public interface MutableCollection {
  /**
   * A value.
   *
   * @param key the key, any case
   * @return the value; empty when absent or expired
   */
  Optional<String> get(String key);

  /**
   * Sets a value ({@code setvar:tx.a=1}).
   *
   * @param key the key, any case
   * @param value the value
   */
  void set(String key, String value);

  /**
   * Removes a value ({@code setvar:!tx.a}).
   *
   * @param key the key, any case
   */
  void remove(String key);

  /**
   * Makes a value expire ({@code expirevar:ip.blocked=60}); a no-op on {@code TX}, which ends with
   * its transaction.
   *
   * @param key the key, any case
   * @param after the time to live from now
   */
  void expire(String key, Duration after);

  /**
   * The keys present now.
   *
   * @return the keys, lower case
   */
  Set<String> keys();
}
