package dev.tdeveloper.backend.aws.s3;

import dev.tdeveloper.dr.DrException;
import java.util.Objects;

/**
 * Thrown when an object read back from S3 does not match the SHA-256 stored with it (or has none):
 * it was changed or replaced in the bucket, or damaged in transit. Its content is never returned.
 * Carries the bucket and key so a verifier can name it.
 */
public class S3ObjectCorruptException extends DrException {
  private static final long serialVersionUID = 1L;

  private final String bucket;
  private final String key;

  /**
   * Creates the exception.
   *
   * @param bucket the bucket
   * @param key the object's key
   * @param reason what did not match
   */
  public S3ObjectCorruptException(String bucket, String key, String reason) {
    super("object s3://" + bucket + "/" + key + " is corrupt: " + reason);
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.key = Objects.requireNonNull(key, "key");
  }

  /** Returns the bucket. */
  public String bucket() {
    return bucket;
  }

  /** Returns the object's key. */
  public String key() {
    return key;
  }
}
