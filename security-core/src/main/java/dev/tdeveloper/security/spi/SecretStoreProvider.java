package dev.tdeveloper.security.spi;

import dev.tdeveloper.tenancy.spi.NamedProvider;
import java.util.Map;

/**
 * Creates {@link SecretStore}s; registered in {@code
 * META-INF/services/dev.tdeveloper.security.spi.SecretStoreProvider} and picked by {@link
 * SecretStore#fromProviders}. security-core registers {@code in-memory} and {@code local-file}.
 *
 * <p>Implementations must be thread-safe and have a public no-argument constructor.
 */
public interface SecretStoreProvider extends NamedProvider {
  /**
   * Creates a store; the caller closes it.
   *
   * @param config backend settings (for example a directory and a master-key file); keys are
   *     backend-specific
   * @throws IllegalArgumentException if a setting is unknown, missing or invalid, naming it
   * @throws SecretStoreException if the store cannot be opened
   */
  SecretStore create(Map<String, String> config);
}
