package dev.tdeveloper.dr.spi;

import dev.tdeveloper.tenancy.spi.NamedProvider;
import java.util.Map;

/**
 * Creates {@link BackupStore}s; registered in {@code
 * META-INF/services/dev.tdeveloper.dr.spi.BackupStoreProvider} and picked by {@link
 * BackupStore#fromProviders}. dr-core registers {@code file} (the local-filesystem store); the AWS
 * backend registers {@code aws-s3}.
 *
 * <p>Implementations must be thread-safe and have a public no-argument constructor.
 */
public interface BackupStoreProvider extends NamedProvider {
  /**
   * Creates and opens a backup store; the caller closes it.
   *
   * @param config backend settings; keys are backend-specific, and a key the backend does not know
   *     is rejected
   * @throws IllegalArgumentException if a setting is unknown, missing or invalid, naming it
   * @throws dev.tdeveloper.dr.DrException if the storage cannot be opened
   */
  BackupStore create(Map<String, String> config);
}
