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

  /**
   * Adds to a value read as an integer ({@code setvar:tx.a=+5}, {@code setvar:tx.a=-5}): the
   * value's {@link SetvarAction#leadingInteger}, 0 when absent, plus {@code delta}, written back as
   * a decimal string.
   *
   * @param key the key, any case
   * @param delta what to add
   */
  default void add(String key, long delta) {
    long current = get(key).map(SetvarAction::leadingInteger).orElse(0L);
    set(key, Long.toString(current + delta));
  }
}
