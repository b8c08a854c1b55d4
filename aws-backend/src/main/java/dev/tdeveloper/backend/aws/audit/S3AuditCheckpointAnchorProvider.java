package dev.tdeveloper.backend.aws.audit;

import static dev.tdeveloper.backend.aws.s3.internal.ProviderSettings.checked;

import dev.tdeveloper.backend.aws.s3.internal.ProviderSettings;
import dev.tdeveloper.compliance.spi.CheckpointAnchor;
import dev.tdeveloper.compliance.spi.CheckpointAnchorProvider;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Provides {@link S3AuditCheckpointAnchor} under the name {@value #NAME}, on an S3 client it builds
 * (and closes with the anchor). Settings: {@code bucket} (required; with Object Lock enabled if
 * {@code object-lock-mode} is set), {@code prefix} (default empty; one log per prefix), {@code
 * region}, {@code endpoint} (path-style addressing then), {@code sse} ({@code none}, {@code s3} or
 * {@code kms} with {@code sse-kms-key-id}), {@code object-lock-mode} ({@code governance} or {@code
 * compliance}) with {@code object-lock-retention} (an ISO-8601 duration such as {@code P2555D}),
 * {@code server-checksums} and {@code api-call-timeout}, as for {@code aws-s3} backup stores.
 * Credentials always come from the SDK's default provider chain, never from settings. Any other
 * setting is rejected. Stateless and thread-safe.
 */
public final class S3AuditCheckpointAnchorProvider implements CheckpointAnchorProvider {
  /** This provider's name: {@value}. */
  public static final String NAME = "aws-s3";

  private static final String OWNER = "the " + NAME + " checkpoint anchor";

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public S3AuditCheckpointAnchorProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Creates the anchor and its client; the bucket must exist.
   *
   * @throws IllegalArgumentException for an unknown, missing or invalid setting, naming it and its
   *     value
   */
  @Override
  public CheckpointAnchor create(Map<String, String> config) {
    Objects.requireNonNull(config, "config");
    ProviderSettings.rejectUnknown(config, ProviderSettings.COMMON, OWNER);
    S3AuditCheckpointAnchorBuilder builder =
        S3AuditCheckpointAnchor.builder()
            .bucket(ProviderSettings.bucket(config, OWNER))
            .prefix(ProviderSettings.prefix(config))
            .encryption(ProviderSettings.encryption(config))
            .serverChecksums(
                ProviderSettings.bool(config, ProviderSettings.SERVER_CHECKSUMS, true));
    ProviderSettings.objectLock(config).ifPresent(builder::objectLock);
    ProviderSettings.duration(config, ProviderSettings.API_CALL_TIMEOUT)
        .ifPresent(
            timeout ->
                checked(
                    ProviderSettings.API_CALL_TIMEOUT,
                    config.get(ProviderSettings.API_CALL_TIMEOUT),
                    () -> builder.apiCallTimeout(timeout)));
    S3Client client = ProviderSettings.client(config);
    try {
      return builder.client(client).closingClient().build();
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }
}
