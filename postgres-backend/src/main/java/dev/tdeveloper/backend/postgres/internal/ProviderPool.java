package dev.tdeveloper.backend.postgres.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;

/**
 * What the state stores' providers share: the {@link PoolSettings} (with a state table name of at
 * most {@value StateTable#MAX_NAME} characters and a pool of {@value #DEFAULT_POOL_SIZE} by
 * default), checked before anything connects, and the HikariCP pool they open.
 *
 * @param dataSource the pool, owned by the store built on it
 * @param table the table setting, checked
 */
public record ProviderPool(HikariDataSource dataSource, String table) {
  /** The default pool size: {@value}. */
  public static final int DEFAULT_POOL_SIZE = 2;

  /**
   * Checks the settings, then opens the pool.
   *
   * @param what the store, for messages and the pool's name ({@code postgres job lease})
   * @param defaultTable the table when {@value PoolSettings#TABLE} is not set
   * @param failure makes the store's exception for a pool that cannot be opened
   * @throws IllegalArgumentException naming an unknown key, a missing or malformed {@value
   *     PoolSettings#URL}, a malformed {@value PoolSettings#TABLE} or a {@value
   *     PoolSettings#POOL_SIZE} outside 1 to 100
   */
  public static ProviderPool open(
      Map<String, String> settings, String what, String defaultTable, StateAccess.Failure failure) {
    PoolSettings parsed = PoolSettings.parse(settings, "", what, defaultTable, DEFAULT_POOL_SIZE);
    StateTable.parse(PoolSettings.TABLE, parsed.table());
    try {
      return new ProviderPool(parsed.open(what), parsed.table());
    } catch (RuntimeException e) {
      throw failure.of("could not connect the " + what + ": " + e, e);
    }
  }
}
