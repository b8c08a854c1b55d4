package dev.tdeveloper.observability.spi;

import dev.tdeveloper.tenancy.spi.NamedProvider;
import dev.tdeveloper.tenancy.spi.ProviderSelector;
import java.util.Map;
import java.util.Optional;

/**
 * Creates an {@link EscalationStateStore}; found through {@link java.util.ServiceLoader} and picked
 * with {@link #select(Optional)}. observability-core registers {@code file} (durable local files,
 * the default for one instance) and {@code in-memory} (tests, or escalation that may start over
 * after a restart); backends register theirs. A store can always be built and passed explicitly.
 *
 * <p>Implementations must be stateless and thread-safe.
 */
public interface EscalationStateStoreProvider extends NamedProvider {
  /**
   * Creates a store configured by {@code properties}; each provider documents the keys it reads and
   * rejects unknown ones.
   *
   * @param properties the configuration, e.g. {@code directory=/var/lib/app/escalation}
   * @return the store
   * @throws IllegalArgumentException naming a missing, unknown or invalid property
   */
  EscalationStateStore create(Map<String, String> properties);

  /**
   * Picks the provider on the class path by the suite's rule: none found is an error naming the
   * artifact to add; one is used; several need {@code configuredName}, else the error lists them.
   *
   * @param configuredName the provider name configured by the user, if any
   * @return the provider
   * @throws IllegalStateException if none is found, several without a name, or none of that name
   */
  static EscalationStateStoreProvider select(Optional<String> configuredName) {
    return ProviderSelector.select(
        EscalationStateStoreProvider.class,
        configuredName,
        "dev.tdeveloper:observability-core (file, in-memory) or a backend's artifact");
  }
}
