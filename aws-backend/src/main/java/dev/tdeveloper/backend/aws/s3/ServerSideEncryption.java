package dev.tdeveloper.backend.aws.s3;

import java.util.Objects;

/**
 * How S3 encrypts the objects we put, on top of the chunk encryption the cores already apply: not
 * at all (the bucket's default applies), with S3-managed keys (SSE-S3, {@code AES256}), or with a
 * KMS key (SSE-KMS). Immutable and thread-safe.
 */
public sealed interface ServerSideEncryption {
  /** Sends no encryption header: the bucket's default encryption applies. */
  static ServerSideEncryption none() {
    return None.INSTANCE;
  }

  /** SSE-S3: S3 encrypts with keys it manages ({@code x-amz-server-side-encryption: AES256}). */
  static ServerSideEncryption s3Managed() {
    return S3Managed.INSTANCE;
  }

  /**
   * SSE-KMS with the given key ({@code aws:kms} and {@code x-amz-server-side-encryption-aws-kms-
   * key-id}).
   *
   * @param keyId a key id, key ARN, alias name or alias ARN
   * @throws IllegalArgumentException if it is blank
   */
  static ServerSideEncryption kms(String keyId) {
    return new Kms(keyId);
  }

  /** No encryption header. */
  enum None implements ServerSideEncryption {
    /** The one instance. */
    INSTANCE
  }

  /** SSE-S3. */
  enum S3Managed implements ServerSideEncryption {
    /** The one instance. */
    INSTANCE
  }

  /**
   * SSE-KMS.
   *
   * @param keyId the KMS key: an id, ARN, alias name or alias ARN (not a secret)
   */
  record Kms(String keyId) implements ServerSideEncryption {
    /** Checks the key id. */
    public Kms {
      Objects.requireNonNull(keyId, "keyId");
      if (keyId.isBlank()) {
        throw new IllegalArgumentException("invalid keyId \"\": expected a KMS key id or ARN");
      }
    }
  }
}
