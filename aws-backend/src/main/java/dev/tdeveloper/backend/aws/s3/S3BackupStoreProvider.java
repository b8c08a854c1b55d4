package dev.tdeveloper.backend.aws.s3;

import static dev.tdeveloper.backend.aws.s3.internal.ProviderSettings.checked;

import dev.tdeveloper.backend.aws.s3.internal.ProviderSettings;
import dev.tdeveloper.dr.spi.BackupStore;
import dev.tdeveloper.dr.spi.BackupStoreProvider;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Provides {@link S3BackupStore} under the name {@value #NAME}, on an S3 client it builds (and
 * closes with the store). Settings:
 *
 * <ul>
 *   <li>{@code bucket} (required) and {@code prefix} (the root prefix, default empty);
 *   <li>{@code region} (default: the SDK's region chain) and {@code endpoint} (an http(s) URI for
 *       an S3-compatible server or a VPC endpoint; path-style addressing then);
 *   <li>{@code sse}: {@code none} (default), {@code s3} or {@code kms}, with {@code
 *       sse-kms-key-id};
 *   <li>{@code object-lock-mode} ({@code governance} or {@code compliance}) with {@code
 *       object-lock-retention} (an ISO-8601 duration such as {@code P35D});
 *   <li>{@value #PART_SIZE}, {@value #MULTIPART_THRESHOLD} and {@value #MEMORY_BUDGET} in bytes,
 *       {@value #PART_PARALLELISM} and {@value #IO_CONCURRENCY}: as on {@link
 *       S3BackupStoreBuilder}, with its defaults; {@value #CONDITIONAL_WRITES} ({@code true},
 *       default, or {@code false} for a server ignoring {@code If-None-Match});
 *   <li>{@code server-checksums} ({@code true}, default, or {@code false}) and {@code
 *       api-call-timeout} (an ISO-8601 duration).
 * </ul>
 *
 * Credentials always come from the SDK's default provider chain, never from settings. Any other
 * setting is rejected. Stateless and thread-safe.
 */
public final class S3BackupStoreProvider implements BackupStoreProvider {
  /** This provider's name: {@value}. */
  public static final String NAME = "aws-s3";

  /** Setting: the multipart part size in bytes. */
  public static final String PART_SIZE = "part-size";

  /** Setting: the object size in bytes from which puts are multipart. */
  public static final String MULTIPART_THRESHOLD = "multipart-threshold";

  /** Setting: how many parts go up at once. */
  public static final String PART_PARALLELISM = "part-parallelism";

  /** Setting: whether the server honours {@code If-None-Match: *} ({@code true} by default). */
  public static final String CONDITIONAL_WRITES = "conditional-writes";

  /** Setting: how many chunk requests a backup or restore keeps in flight. */
  public static final String IO_CONCURRENCY = "io-concurrency";

  /** Setting: the most bytes of parts in flight across all uploads. */
  public static final String MEMORY_BUDGET = "memory-budget";

  private static final String OWNER = "the " + NAME + " backup store";
  private static final Set<String> SETTINGS = settings();

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public S3BackupStoreProvider() {}

  private static Set<String> settings() {
    Set<String> settings = new HashSet<>(ProviderSettings.COMMON);
    settings.addAll(
        Set.of(
            PART_SIZE,
            MULTIPART_THRESHOLD,
            PART_PARALLELISM,
            IO_CONCURRENCY,
            CONDITIONAL_WRITES,
            MEMORY_BUDGET));
    return Set.copyOf(settings);
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Creates the store and its client; the bucket must exist.
   *
   * @throws IllegalArgumentException for an unknown, missing or invalid setting, naming it and its
   *     value
   */
  @Override
  public BackupStore create(Map<String, String> config) {
    Objects.requireNonNull(config, "config");
    ProviderSettings.rejectUnknown(config, SETTINGS, OWNER);
    S3BackupStoreBuilder builder =
        S3BackupStore.builder()
            .bucket(ProviderSettings.bucket(config, OWNER))
            .rootPrefix(ProviderSettings.prefix(config))
            .encryption(ProviderSettings.encryption(config))
            .serverChecksums(ProviderSettings.bool(config, ProviderSettings.SERVER_CHECKSUMS, true))
            .conditionalWrites(ProviderSettings.bool(config, CONDITIONAL_WRITES, true));
    ProviderSettings.objectLock(config).ifPresent(builder::objectLock);
    ProviderSettings.duration(config, ProviderSettings.API_CALL_TIMEOUT)
        .ifPresent(
            timeout ->
                checked(
                    ProviderSettings.API_CALL_TIMEOUT,
                    config.get(ProviderSettings.API_CALL_TIMEOUT),
                    () -> builder.apiCallTimeout(timeout)));
    int partSize =
        size(config, PART_SIZE, builder::partSize, S3BackupStoreBuilder.DEFAULT_PART_SIZE);
    int parallelism =
        size(
            config,
            PART_PARALLELISM,
            builder::partParallelism,
            S3BackupStoreBuilder.DEFAULT_PART_PARALLELISM);
    size(
        config,
        IO_CONCURRENCY,
        builder::ioConcurrency,
        S3BackupStoreBuilder.DEFAULT_IO_CONCURRENCY);
    int threshold =
        size(
            config,
            MULTIPART_THRESHOLD,
            builder::multipartThreshold,
            S3BackupStoreBuilder.DEFAULT_MULTIPART_THRESHOLD);
    long budget = size(config, MEMORY_BUDGET, builder::memoryBudget, 0);
    if (threshold < partSize) {
      throw new IllegalArgumentException(
          "invalid "
              + MULTIPART_THRESHOLD
              + " "
              + threshold
              + ": below "
              + PART_SIZE
              + " "
              + partSize);
    }
    if (budget == 0) {
      budget = (long) partSize * parallelism;
    }
    if (budget < partSize) {
      throw new IllegalArgumentException(
          "invalid "
              + MEMORY_BUDGET
              + " "
              + budget
              + ": below "
              + PART_SIZE
              + " "
              + partSize
              + ", so no part could go up");
    }
    S3Client client = ProviderSettings.client(config);
    try {
      return builder.client(client).closingClient().build();
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /**
   * Applies the whole-number setting {@code key} to the builder, returning it or {@code fallback}.
   */
  private static int size(
      Map<String, String> config,
      String key,
      IntFunction<S3BackupStoreBuilder> setter,
      int fallback) {
    return ProviderSettings.positiveInt(config, key)
        .map(
            value ->
                checked(
                    key,
                    config.get(key),
                    () -> {
                      setter.apply(value);
                      return value;
                    }))
        .orElse(fallback);
  }
}
