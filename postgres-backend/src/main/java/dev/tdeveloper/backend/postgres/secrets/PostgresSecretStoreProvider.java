package dev.tdeveloper.backend.postgres.secrets;

import com.zaxxer.hikari.HikariDataSource;
import dev.tdeveloper.backend.postgres.internal.PoolSettings;
import dev.tdeveloper.backend.postgres.internal.TableName;
import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.spi.SecretStoreException;
import dev.tdeveloper.security.spi.SecretStoreProvider;
import dev.tdeveloper.tenancy.TenantId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@value #NAME} {@link SecretStoreProvider}: a {@link PostgresSecretStore} over a HikariCP
 * pool of its own and a key manager found with {@link KeyManager#fromProviders}, with the tables
 * created when missing. Settings:
 *
 * <ul>
 *   <li>{@value #URL} (required): the {@code jdbc:postgresql://} URL;
 *   <li>{@value #USER}, {@value #PASSWORD}: credentials, unless in the URL;
 *   <li>{@value #TABLE}: the secrets table, optionally schema-qualified; default {@value
 *       PostgresSecretStore#DEFAULT_TABLE};
 *   <li>{@value #POOL_SIZE}: the pool's maximum size, 1 to 100; default {@value
 *       #DEFAULT_POOL_SIZE};
 *   <li>{@value #PLATFORM_KEY_TENANT}: the key tenant of platform secrets; default {@value
 *       PostgresSecretStore#DEFAULT_PLATFORM_KEY_TENANT};
 *   <li>{@value #KEY_MANAGER}: the name of the key manager provider (needed when several are on the
 *       class path), and {@code key-manager.<setting>}: its settings, such as {@code
 *       key-manager.directory} and {@code key-manager.master-key-file} for security-core's {@code
 *       local} key manager.
 * </ul>
 *
 * <p>Other keys are refused. Closing the store closes its pool and key manager. Stateless and
 * thread-safe.
 */
public final class PostgresSecretStoreProvider implements SecretStoreProvider {
  /** The provider's name: {@value}. */
  public static final String NAME = "postgres";

  /** Setting: the JDBC URL. */
  public static final String URL = "url";

  /** Setting: the user name. */
  public static final String USER = "user";

  /** Setting: the password. */
  public static final String PASSWORD = "password";

  /** Setting: the secrets table. */
  public static final String TABLE = "table";

  /** Setting: the pool's maximum size. */
  public static final String POOL_SIZE = "pool-size";

  /** Setting: the key tenant of platform secrets. */
  public static final String PLATFORM_KEY_TENANT = "platform-key-tenant";

  /** Setting: the key manager provider's name; {@code key-manager.*} are its settings. */
  public static final String KEY_MANAGER = "key-manager";

  /** The default pool size: {@value}. */
  public static final int DEFAULT_POOL_SIZE = 4;

  private static final String KEY_MANAGER_PREFIX = KEY_MANAGER + ".";

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public PostgresSecretStoreProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Opens the key manager and the pool, creates the tables if missing and returns the store.
   *
   * @throws IllegalArgumentException if a setting is unknown, missing or invalid, naming it
   * @throws SecretStoreException if the database cannot be reached or refuses
   */
  @Override
  public SecretStore create(Map<String, String> config) {
    Objects.requireNonNull(config, "config");
    Map<String, String> own = new HashMap<>();
    Map<String, String> keySettings = new HashMap<>();
    config.forEach(
        (key, value) -> {
          if (key.startsWith(KEY_MANAGER_PREFIX)) {
            keySettings.put(key.substring(KEY_MANAGER_PREFIX.length()), value);
          } else {
            own.put(key, value);
          }
        });
    PoolSettings settings =
        PoolSettings.parse(
            own,
            "",
            NAME + " secret store",
            PostgresSecretStore.DEFAULT_TABLE,
            DEFAULT_POOL_SIZE,
            Set.of(PLATFORM_KEY_TENANT, KEY_MANAGER));
    TenantId platform =
        TenantId.of(
            own.getOrDefault(PLATFORM_KEY_TENANT, PostgresSecretStore.DEFAULT_PLATFORM_KEY_TENANT));
    String table = settings.table();
    TableName.parse(TABLE, table, PostgresSecretStore.MAX_TABLE); // before opening anything
    KeyManager keys =
        KeyManager.fromProviders(Optional.ofNullable(own.get(KEY_MANAGER)), keySettings);
    HikariDataSource pool;
    try {
      pool = settings.open("secret-store");
    } catch (RuntimeException e) {
      keys.close();
      throw new SecretStoreException(
          "could not connect the " + NAME + " secret store: " + e.getMessage(), e);
    }
    try {
      PostgresSecretStore store =
          PostgresSecretStore.builder(pool, keys)
              .table(table)
              .platformKeyTenant(platform)
              .owning(
                  () -> {
                    try (keys) {
                      pool.close();
                    }
                  })
              .build();
      store.createTables();
      return store;
    } catch (RuntimeException e) {
      pool.close();
      keys.close();
      throw e;
    }
  }
}
