package dev.tdeveloper.security.spi;

import dev.tdeveloper.tenancy.spi.NamedProvider;
import java.util.Map;

/**
 * Creates {@link KeyManager}s; registered in {@code
 * META-INF/services/dev.tdeveloper.security.spi.KeyManagerProvider} and picked by {@link
 * KeyManager#fromProviders}. security-core registers {@code local}.
 *
 * <p>Implementations must be thread-safe and have a public no-argument constructor.
 */
public interface KeyManagerProvider extends NamedProvider {
  /**
   * Creates a key manager; the caller closes it.
   *
   * @param config backend settings; keys are backend-specific
   * @throws IllegalArgumentException if a setting is unknown, missing or invalid, naming it
   */
  KeyManager create(Map<String, String> config);
}
