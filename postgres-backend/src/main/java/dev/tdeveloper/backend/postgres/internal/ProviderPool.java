package dev.tdeveloper.backend.postgres.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What the state stores' providers share: the settings {@value #URL} (required), {@value #USER},
 * {@value #PASSWORD}, {@value #TABLE} and {@value #POOL_SIZE}, checked before anything connects,
 * and the HikariCP pool they open.
 *
 * @param dataSource the pool, owned by the store built on it
 * @param table the table setting, checked
 */
public record ProviderPool(HikariDataSource dataSource, String table) {
  /** Setting: the JDBC URL. */
  public static final String URL = "url";

  /** Setting: the user name. */
  public static final String USER = "user";

  /** Setting: the password. */
  public static final String PASSWORD = "password";

  /** Setting: the table. */
  public static final String TABLE = "table";

  /** Setting: the pool's maximum size. */
  public static final String POOL_SIZE = "pool-size";

  /** The default pool size: {@value}. */
  public static final int DEFAULT_POOL_SIZE = 2;

  private static final Set<String> KEYS = Set.of(URL, USER, PASSWORD, TABLE, POOL_SIZE);

  /**
   * Checks the settings, then opens the pool.
   *
   * @param what the store, for messages ({@code postgres job lease})
   * @param defaultTable the table when {@value #TABLE} is not set
   * @param failure wraps a pool that cannot be opened into the store's exception
   * @throws IllegalArgumentException naming an unknown key, a missing or malformed {@value #URL}, a
   *     malformed {@value #TABLE} or a {@value #POOL_SIZE} outside 1 to 100
   */
  public static ProviderPool open(
      Map<String, String> settings,
      String what,
      String defaultTable,
      Function<RuntimeException, RuntimeException> failure) {
    Objects.requireNonNull(settings, "properties");
    Pools.refuseUnknown(settings, "", KEYS, what);
    String url = Pools.requireUrl(URL, settings.get(URL));
    int size =
        Pools.poolSize(
            POOL_SIZE, settings.getOrDefault(POOL_SIZE, Integer.toString(DEFAULT_POOL_SIZE)));
    String table = settings.getOrDefault(TABLE, defaultTable);
    StateTable.parse(TABLE, table);
    try {
      return new ProviderPool(
          Pools.open(what, url, settings.get(USER), settings.get(PASSWORD), size), table);
    } catch (RuntimeException e) {
      throw failure.apply(e);
    }
  }
}
