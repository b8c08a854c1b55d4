package dev.tdeveloper.backend.aws.audit;

import dev.tdeveloper.backend.aws.s3.ObjectLock;
import dev.tdeveloper.backend.aws.s3.ServerSideEncryption;
import dev.tdeveloper.backend.aws.s3.internal.Names;
import dev.tdeveloper.backend.aws.s3.internal.ObjectOptions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Configures an {@link S3AuditCheckpointAnchor}. The client and bucket are required; each setting
 * may be given once ({@link IllegalStateException} on a second call). Not thread-safe.
 */
public final class S3AuditCheckpointAnchorBuilder {
  private final Set<String> given = new HashSet<>();
  private S3Client client;
  private String bucket;
  private String prefix = "";
  private ServerSideEncryption encryption = ServerSideEncryption.none();
  private Optional<ObjectLock> objectLock = Optional.empty();
  private boolean serverChecksums = true;
  private Optional<Duration> apiCallTimeout = Optional.empty();
  private InstantSource clock = InstantSource.system();
  private boolean closesClient;

  S3AuditCheckpointAnchorBuilder() {}

  private void once(String setting) {
    if (!given.add(setting)) {
      throw new IllegalStateException(setting + " was already set");
    }
  }

  /** Sets the S3 client (required); the anchor never closes it. */
  public S3AuditCheckpointAnchorBuilder client(S3Client client) {
    once("client");
    this.client = Objects.requireNonNull(client, "client");
    return this;
  }

  /** Sets the bucket (required); it must exist, with Object Lock if {@link #objectLock} is set. */
  public S3AuditCheckpointAnchorBuilder bucket(String bucket) {
    once("bucket");
    this.bucket = Names.requireBucket(bucket);
    return this;
  }

  /**
   * Sets the prefix of the anchor's keys (default empty, so keys are {@code checkpoints/...}):
   * empty, or characters of A-Z, a-z, 0-9, '.', '_', '-' and '/' ending with '/'. One log per
   * prefix.
   */
  public S3AuditCheckpointAnchorBuilder prefix(String prefix) {
    once("prefix");
    this.prefix = Names.requirePrefix("prefix", prefix);
    return this;
  }

  /** Sets Object Lock retention for every checkpoint (default none). */
  public S3AuditCheckpointAnchorBuilder objectLock(ObjectLock objectLock) {
    once("objectLock");
    this.objectLock = Optional.of(Objects.requireNonNull(objectLock, "objectLock"));
    return this;
  }

  /** Sets server-side encryption for every checkpoint (default none). */
  public S3AuditCheckpointAnchorBuilder encryption(ServerSideEncryption encryption) {
    once("encryption");
    this.encryption = Objects.requireNonNull(encryption, "encryption");
    return this;
  }

  /**
   * Sets whether to send and check {@code x-amz-checksum-sha256} (default true); our own SHA-256 in
   * metadata is checked either way.
   */
  public S3AuditCheckpointAnchorBuilder serverChecksums(boolean serverChecksums) {
    once("serverChecksums");
    this.serverChecksums = serverChecksums;
    return this;
  }

  /** Sets a timeout for each S3 call, its retries included (default: the client's). */
  public S3AuditCheckpointAnchorBuilder apiCallTimeout(Duration timeout) {
    once("apiCallTimeout");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "invalid apiCallTimeout " + timeout + ": expected positive");
    }
    this.apiCallTimeout = Optional.of(timeout);
    return this;
  }

  /** Sets the wall clock Object Lock retention dates are computed from (default system). */
  public S3AuditCheckpointAnchorBuilder clock(InstantSource clock) {
    once("clock");
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Makes the anchor close the client when it closes: the client {@link
   * S3AuditCheckpointAnchorProvider} built.
   */
  S3AuditCheckpointAnchorBuilder closingClient() {
    once("closingClient");
    this.closesClient = true;
    return this;
  }

  /**
   * Builds the anchor.
   *
   * @throws IllegalStateException if the client or bucket is missing
   */
  public S3AuditCheckpointAnchor build() {
    if (client == null || bucket == null) {
      throw new IllegalStateException(
          "an S3AuditCheckpointAnchor needs " + (client == null ? "a client" : "a bucket"));
    }
    ObjectOptions options =
        new ObjectOptions(encryption, objectLock, serverChecksums, apiCallTimeout, clock);
    return new S3AuditCheckpointAnchor(
        S3AuditCheckpointAnchor.objects(client, bucket, options),
        prefix,
        closesClient ? Optional.of(client) : Optional.empty());
  }
}
