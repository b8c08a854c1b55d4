package dev.tdeveloper.backend.postgres.ops;

import dev.tdeveloper.backend.postgres.internal.ProviderPool;
import dev.tdeveloper.observability.spi.AlertStateStore;
import dev.tdeveloper.observability.spi.AlertStateStoreException;
import dev.tdeveloper.observability.spi.AlertStateStoreProvider;
import java.util.Map;

/**
 * The {@value #NAME} {@link AlertStateStoreProvider}: a {@link PostgresAlertStateStore} over a
 * HikariCP pool of its own. The tables must be installed already ({@link
 * PostgresAlertStateStore#install}, as their owner); the store connects as the application role.
 * Settings: {@code url} (required), {@code user}, {@code password}, {@code table} (the prefix,
 * default {@value PostgresAlertStateStore#DEFAULT_TABLE}) and {@code pool-size} (1 to 100, default
 * 2); other keys are refused. Closing the store closes the pool. Stateless and thread-safe.
 */
public final class PostgresAlertStateStoreProvider implements AlertStateStoreProvider {
  /** The provider's name: {@value}. */
  public static final String NAME = "postgres";

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public PostgresAlertStateStoreProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Opens the pool and checks that the tables are installed and usable.
   *
   * @throws IllegalArgumentException naming an unknown, missing or invalid setting
   * @throws AlertStateStoreException if the database cannot be reached or the tables are missing
   */
  @Override
  public AlertStateStore create(Map<String, String> properties) {
    ProviderPool pool =
        ProviderPool.open(
            properties,
            NAME + " alert state store",
            PostgresAlertStateStore.DEFAULT_TABLE,
            AlertStateStoreException::new);
    PostgresAlertStateStore store =
        PostgresAlertStateStore.owning(pool.dataSource(), pool.dataSource(), pool.table());
    try {
      store.check();
      return store;
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }
}
