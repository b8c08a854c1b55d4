package dev.tdeveloper.backend.postgres.ops;

import dev.tdeveloper.backend.postgres.internal.ProviderPool;
import dev.tdeveloper.observability.ObservabilityException;
import dev.tdeveloper.observability.spi.EscalationStateStore;
import dev.tdeveloper.observability.spi.EscalationStateStoreProvider;
import java.util.Map;

/**
 * The {@value #NAME} {@link EscalationStateStoreProvider}: a {@link PostgresEscalationStateStore}
 * over a HikariCP pool of its own. The table must be installed already ({@link
 * PostgresEscalationStateStore#install}, as its owner); the store connects as the application role.
 * Settings: {@code url} (required), {@code user}, {@code password}, {@code table} (default {@value
 * PostgresEscalationStateStore#DEFAULT_TABLE}) and {@code pool-size} (1 to 100, default 2); other
 * keys are refused. Closing the store closes the pool. Stateless and thread-safe.
 */
public final class PostgresEscalationStateStoreProvider implements EscalationStateStoreProvider {
  /** The provider's name: {@value}. */
  public static final String NAME = "postgres";

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public PostgresEscalationStateStoreProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Opens the pool and checks that the table is installed and usable.
   *
   * @throws IllegalArgumentException naming an unknown, missing or invalid setting
   * @throws ObservabilityException if the database cannot be reached or the table is missing
   */
  @Override
  public EscalationStateStore create(Map<String, String> properties) {
    ProviderPool pool =
        ProviderPool.open(
            properties,
            NAME + " escalation state store",
            PostgresEscalationStateStore.DEFAULT_TABLE,
            ObservabilityException::new);
    PostgresEscalationStateStore store =
        PostgresEscalationStateStore.owning(pool.dataSource(), pool.dataSource(), pool.table());
    try {
      store.check();
      return store;
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }
}
