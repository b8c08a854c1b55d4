package dev.tdeveloper.backend.aws.s3.internal;

import dev.tdeveloper.backend.aws.s3.ObjectLock;
import dev.tdeveloper.backend.aws.s3.ServerSideEncryption;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The settings the S3 providers share, parsed with messages that name the setting, its value and
 * what is allowed, and the S3 client they build from them (credentials from the SDK's default chain
 * only). Stateless and thread-safe.
 */
public final class ProviderSettings {
  /** Setting: the bucket (required). */
  public static final String BUCKET = "bucket";

  /** Setting: the key prefix. */
  public static final String PREFIX = "prefix";

  /** Setting: the AWS region. */
  public static final String REGION = "region";

  /** Setting: an endpoint URI overriding the region's; path-style addressing then. */
  public static final String ENDPOINT = "endpoint";

  /** Setting: server-side encryption, {@code none}, {@code s3} or {@code kms}. */
  public static final String SSE = "sse";

  /** Setting: the KMS key of {@code sse=kms}. */
  public static final String SSE_KMS_KEY_ID = "sse-kms-key-id";

  /** Setting: Object Lock mode, {@code governance} or {@code compliance}. */
  public static final String OBJECT_LOCK_MODE = "object-lock-mode";

  /** Setting: Object Lock retention, an ISO-8601 duration such as {@code P35D}. */
  public static final String OBJECT_LOCK_RETENTION = "object-lock-retention";

  /**
   * Setting: whether to send and check {@code x-amz-checksum-sha256}, {@code true} or {@code
   * false}.
   */
  public static final String SERVER_CHECKSUMS = "server-checksums";

  /** Setting: the timeout of each S3 call, retries included, an ISO-8601 duration. */
  public static final String API_CALL_TIMEOUT = "api-call-timeout";

  /** The settings every S3 provider accepts. */
  public static final Set<String> COMMON =
      Set.of(
          BUCKET,
          PREFIX,
          REGION,
          ENDPOINT,
          SSE,
          SSE_KMS_KEY_ID,
          OBJECT_LOCK_MODE,
          OBJECT_LOCK_RETENTION,
          SERVER_CHECKSUMS,
          API_CALL_TIMEOUT);

  private ProviderSettings() {}

  /**
   * Rejects a setting outside {@code accepted}.
   *
   * @param owner what the settings configure, such as {@code the aws-s3 backup store}
   * @throws IllegalArgumentException naming the setting and the accepted ones
   */
  public static void rejectUnknown(Map<String, String> config, Set<String> accepted, String owner) {
    for (String setting : config.keySet()) {
      if (!accepted.contains(setting)) {
        throw new IllegalArgumentException(
            owner + " has no setting '" + setting + "'; it accepts " + new TreeSet<>(accepted));
      }
    }
  }

  /**
   * Returns the required {@value #BUCKET}.
   *
   * @throws IllegalArgumentException if it is missing or not a valid bucket name
   */
  public static String bucket(Map<String, String> config, String owner) {
    String bucket = config.get(BUCKET);
    if (bucket == null) {
      throw new IllegalArgumentException(owner + " needs the setting " + BUCKET);
    }
    return Names.requireBucket(bucket);
  }

  /**
   * Returns {@value #PREFIX}, default empty.
   *
   * @throws IllegalArgumentException naming the setting if it is not a valid prefix
   */
  public static String prefix(Map<String, String> config) {
    return Names.requirePrefix(PREFIX, config.getOrDefault(PREFIX, ""));
  }

  /** Returns the server-side encryption of {@value #SSE} and {@value #SSE_KMS_KEY_ID}. */
  public static ServerSideEncryption encryption(Map<String, String> config) {
    String mode = config.getOrDefault(SSE, "none");
    String keyId = config.get(SSE_KMS_KEY_ID);
    switch (mode) {
      case "none", "s3" -> {
        if (keyId != null) {
          throw new IllegalArgumentException(
              SSE_KMS_KEY_ID + " applies only to " + SSE + "=kms, but " + SSE + " is " + mode);
        }
        return mode.equals("s3") ? ServerSideEncryption.s3Managed() : ServerSideEncryption.none();
      }
      case "kms" -> {
        if (keyId == null || keyId.isBlank()) {
          throw new IllegalArgumentException(SSE + "=kms needs the setting " + SSE_KMS_KEY_ID);
        }
        return ServerSideEncryption.kms(keyId.trim());
      }
      default ->
          throw new IllegalArgumentException(
              "invalid " + SSE + " '" + mode + "': expected none, s3 or kms");
    }
  }

  /** Returns the Object Lock of {@value #OBJECT_LOCK_MODE} and {@value #OBJECT_LOCK_RETENTION}. */
  public static Optional<ObjectLock> objectLock(Map<String, String> config) {
    String mode = config.get(OBJECT_LOCK_MODE);
    String retention = config.get(OBJECT_LOCK_RETENTION);
    if (mode == null && retention == null) {
      return Optional.empty();
    }
    if (mode == null || retention == null) {
      throw new IllegalArgumentException(
          OBJECT_LOCK_MODE + " and " + OBJECT_LOCK_RETENTION + " go together; only one was set");
    }
    ObjectLock.Mode parsed =
        switch (mode) {
          case "governance" -> ObjectLock.Mode.GOVERNANCE;
          case "compliance" -> ObjectLock.Mode.COMPLIANCE;
          default ->
              throw new IllegalArgumentException(
                  "invalid "
                      + OBJECT_LOCK_MODE
                      + " '"
                      + mode
                      + "': expected governance or compliance");
        };
    Duration duration = duration(config, OBJECT_LOCK_RETENTION).orElseThrow();
    return Optional.of(
        checked(OBJECT_LOCK_RETENTION, retention, () -> new ObjectLock(parsed, duration)));
  }

  /** Returns {@code key} as a boolean, default {@code fallback}. */
  public static boolean bool(Map<String, String> config, String key, boolean fallback) {
    String value = config.get(key);
    if (value == null) {
      return fallback;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(
              "invalid " + key + " '" + value + "': expected true or false");
    };
  }

  /** Returns {@code key} as a whole number from 1 to {@link Integer#MAX_VALUE}, if set. */
  public static Optional<Integer> positiveInt(Map<String, String> config, String key) {
    String value = config.get(key);
    if (value == null) {
      return Optional.empty();
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed > 0) {
        return Optional.of(parsed);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "invalid "
            + key
            + " '"
            + value
            + "': expected a whole number from 1 to "
            + Integer.MAX_VALUE);
  }

  /** Returns {@code key} as an ISO-8601 duration such as {@code PT30S}, if set. */
  public static Optional<Duration> duration(Map<String, String> config, String key) {
    String value = config.get(key);
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.parse(value.trim()));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "invalid "
              + key
              + " '"
              + value
              + "': expected an ISO-8601 duration such as PT30S or P35D",
          e);
    }
  }

  /**
   * Runs a builder step for setting {@code key}, turning its {@link IllegalArgumentException} into
   * one that names the setting and its value.
   */
  public static <T> T checked(String key, String value, java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid " + key + " '" + value + "': " + e.getMessage(), e);
    }
  }

  /**
   * Builds an S3 client for {@value #REGION} and {@value #ENDPOINT} (path-style addressing when an
   * endpoint is given), taking credentials from the SDK's default provider chain. Checksums are
   * computed only where an operation requires them: the stores ask for SHA-256 themselves when
   * {@value #SERVER_CHECKSUMS} is on. The caller closes the client.
   *
   * @throws IllegalArgumentException if the region or endpoint is invalid, or no region is set and
   *     the SDK's region chain finds none
   */
  public static S3Client client(Map<String, String> config) {
    S3ClientBuilder builder =
        S3Client.builder()
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    String region = config.get(REGION);
    if (region != null) {
      if (!region.matches("[a-z]{2}(-[a-z]+)+-[0-9]")) {
        throw new IllegalArgumentException(
            "invalid " + REGION + " '" + region + "': expected an AWS region such as eu-west-1");
      }
      builder.region(Region.of(region));
    }
    String endpoint = config.get(ENDPOINT);
    if (endpoint != null) {
      builder.endpointOverride(uri(endpoint)).forcePathStyle(true);
    }
    try {
      return builder.build();
    } catch (SdkClientException e) {
      throw new IllegalArgumentException(
          "cannot build the S3 client: set "
              + REGION
              + " (the SDK's region chain found none) or check "
              + ENDPOINT,
          e);
    }
  }

  private static URI uri(String endpoint) {
    try {
      URI uri = new URI(endpoint);
      if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "invalid " + ENDPOINT + " '" + endpoint + "': expected an http(s) URI with a host");
  }
}
