package dev.tdeveloper.compliance.spi;

import dev.tdeveloper.tenancy.spi.NamedProvider;
import java.util.Map;

/**
 * Creates {@link CheckpointAnchor}s; registered in {@code
 * META-INF/services/dev.tdeveloper.compliance.spi.CheckpointAnchorProvider} and picked by {@link
 * CheckpointAnchor#fromProviders}. compliance-core registers {@code file} (an anchor file in a
 * directory); the AWS backend registers {@code aws-s3}.
 *
 * <p>Implementations must be thread-safe and have a public no-argument constructor.
 */
public interface CheckpointAnchorProvider extends NamedProvider {
  /**
   * Creates and opens an anchor; the caller closes it.
   *
   * @param config backend settings; keys are backend-specific, and a key the backend does not know
   *     is rejected
   * @throws IllegalArgumentException if a setting is unknown, missing or invalid, naming it
   * @throws dev.tdeveloper.compliance.ComplianceException if the anchor's storage cannot be opened
   */
  CheckpointAnchor create(Map<String, String> config);
}
