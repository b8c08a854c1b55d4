package dev.tdeveloper.backend.aws.audit;

import dev.tdeveloper.backend.aws.s3.ObjectLock;
import dev.tdeveloper.backend.aws.s3.internal.ObjectOptions;
import dev.tdeveloper.backend.aws.s3.internal.S3Objects;
import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.audit.integrity.Checkpoint;
import dev.tdeveloper.compliance.audit.integrity.CheckpointException;
import dev.tdeveloper.compliance.audit.integrity.CheckpointException.Problem;
import dev.tdeveloper.compliance.spi.CheckpointAnchor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A {@link CheckpointAnchor} in an S3 bucket: each signed checkpoint is its own object, written
 * once and never replaced ({@code If-None-Match: *}), under {@code <prefix>checkpoints/<19 digits>}
 * where the digits are {@code Long.MAX_VALUE} minus the tree size. Larger trees sort first, so
 * {@link #latest()} is one listing request for one key, never a mutable pointer an insider could
 * move back. With {@link ObjectLock} retention (the bucket needs Object Lock), no one can delete or
 * overwrite an anchored checkpoint before its retention ends — under COMPLIANCE mode not even the
 * account root — so a rewritten log cannot be made to agree with the anchor. Every object carries
 * its SHA-256 in metadata, checked on read.
 *
 * <p>Thread-safe: publishes through one instance are serialized; publishes from several instances
 * or processes race safely (a checkpoint of a size already anchored is compared, never replaced).
 * The anchor never closes an S3 client you passed to its builder.
 */
public final class S3AuditCheckpointAnchor implements CheckpointAnchor {
  private static final int DIGITS = 19;

  private final S3Objects objects;
  private final String prefix;
  private final Optional<S3Client> ownedClient;
  private volatile boolean closed;

  S3AuditCheckpointAnchor(S3Objects objects, String prefix, Optional<S3Client> ownedClient) {
    this.objects = objects;
    this.prefix = prefix + "checkpoints/";
    this.ownedClient = ownedClient;
  }

  /** Returns a builder; the S3 client and the bucket are required. */
  public static S3AuditCheckpointAnchorBuilder builder() {
    return new S3AuditCheckpointAnchorBuilder();
  }

  /** Returns the key a checkpoint of {@code size} is stored under, for operators and tests. */
  public String keyOf(long size) {
    String digits = Long.toString(Long.MAX_VALUE - size);
    return prefix + "0".repeat(DIGITS - digits.length()) + digits;
  }

  @Override
  public synchronized void publish(String signedNote) {
    Checkpoint checkpoint =
        Checkpoint.parseUnverified(Objects.requireNonNull(signedNote, "signedNote"));
    checkOpen();
    Optional<Checkpoint> latest = latest().map(Checkpoint::parseUnverified);
    if (latest.isPresent()) {
      refuseRegression(checkpoint, latest.get());
      if (checkpoint.size() == latest.get().size()) {
        return;
      }
    }
    String key = keyOf(checkpoint.size());
    if (!objects.putIfAbsent(key, signedNote.getBytes(StandardCharsets.UTF_8))) {
      Checkpoint existing =
          Checkpoint.parseUnverified(
              new String(
                  objects.get(key).orElseThrow(() -> new ComplianceException(key + " vanished")),
                  StandardCharsets.UTF_8));
      if (!Arrays.equals(existing.rootHash(), checkpoint.rootHash())) {
        throw fork(checkpoint);
      }
    }
  }

  private static void refuseRegression(Checkpoint checkpoint, Checkpoint latest) {
    if (checkpoint.size() < latest.size()) {
      throw new CheckpointException(
          Problem.ROLLBACK,
          "refusing checkpoint of size "
              + checkpoint.size()
              + ": the anchor already holds size "
              + latest.size()
              + " and never goes backwards");
    }
    if (checkpoint.size() == latest.size()
        && !Arrays.equals(checkpoint.rootHash(), latest.rootHash())) {
      throw fork(checkpoint);
    }
  }

  private static CheckpointException fork(Checkpoint checkpoint) {
    return new CheckpointException(
        Problem.FORK,
        "refusing checkpoint of size "
            + checkpoint.size()
            + ": the anchor holds another root for that size (a fork)");
  }

  /**
   * {@inheritDoc}
   *
   * @throws ComplianceException if listing or reading fails, or the object does not match its
   *     SHA-256 (it was changed in the bucket)
   */
  @Override
  public Optional<String> latest() {
    checkOpen();
    return objects
        .firstKeyAfter(prefix, prefix)
        .map(
            key ->
                new String(
                    objects
                        .get(key)
                        .orElseThrow(
                            () -> new ComplianceException("checkpoint " + key + " vanished")),
                    StandardCharsets.UTF_8));
  }

  /**
   * Marks the anchor closed; the client is the caller's to close, except the one {@link
   * S3AuditCheckpointAnchorProvider} built, which closes with the anchor. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    ownedClient.ifPresent(S3Client::close);
  }

  @Override
  public String toString() {
    return "S3AuditCheckpointAnchor[s3://" + objects.bucket() + "/" + prefix + "]";
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException(this + " is closed");
    }
  }

  /** Builds the bucket operations with compliance-core's exceptions. */
  static S3Objects objects(S3Client client, String bucket, ObjectOptions options) {
    return new S3Objects(
        client,
        bucket,
        options,
        new S3Objects.Failures() {
          @Override
          public RuntimeException failed(String what, Throwable cause) {
            return new ComplianceException("cannot " + what, cause);
          }

          @Override
          public RuntimeException corrupt(String bucket, String key, String reason) {
            return new ComplianceException(
                "anchored checkpoint s3://" + bucket + "/" + key + " is corrupt: " + reason);
          }
        });
  }
}
