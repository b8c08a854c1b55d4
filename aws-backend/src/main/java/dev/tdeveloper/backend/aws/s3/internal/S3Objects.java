package dev.tdeveloper.backend.aws.s3.internal;

import dev.tdeveloper.backend.aws.s3.ObjectLock;
import dev.tdeveloper.backend.aws.s3.ServerSideEncryption;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Object operations in one bucket as the S3 adapters need them: a put that never overwrites ({@code
 * If-None-Match: *}), our own SHA-256 in the object's metadata on every put and checked on every
 * read, {@code x-amz-checksum-sha256} where the server keeps it, server-side encryption and Object
 * Lock retention as configured, and paginated listings. Retries and timeouts are the SDK client's
 * (its retry strategy, plus the optional per-call timeout): there is no loop here. Thread-safe (the
 * SDK client is).
 */
public final class S3Objects {
  /** The user-metadata key holding the object's lower-case hex SHA-256: {@value}. */
  public static final String SHA256_METADATA = "tdeveloper-sha256";

  private final S3Client s3;
  private final String bucket;
  private final ObjectOptions options;
  private final Failures failures;

  /** Turns failures into the caller's module exceptions. */
  public interface Failures {
    /** Returns the exception for a failed call; {@code what} says what was being done. */
    RuntimeException failed(String what, Throwable cause);

    /** Returns the exception for an object whose content does not match its hash. */
    RuntimeException corrupt(String bucket, String key, String reason);
  }

  /** Creates the operations on {@code bucket} through {@code s3}. */
  public S3Objects(S3Client s3, String bucket, ObjectOptions options, Failures failures) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.options = Objects.requireNonNull(options, "options");
    this.failures = Objects.requireNonNull(failures, "failures");
  }

  /** Returns the bucket. */
  public String bucket() {
    return bucket;
  }

  /** Returns the SDK client (for multipart uploads). */
  S3Client client() {
    return s3;
  }

  /** Returns the options. */
  ObjectOptions options() {
    return options;
  }

  /** Returns the failure factory. */
  Failures failures() {
    return failures;
  }

  /** Returns the per-call override (the timeout), if one is configured. */
  AwsRequestOverrideConfiguration override() {
    AwsRequestOverrideConfiguration.Builder override = AwsRequestOverrideConfiguration.builder();
    options.apiCallTimeout().ifPresent(override::apiCallTimeout);
    return override.build();
  }

  /** Returns whether an object exists under {@code key}. */
  public boolean exists(String key) {
    try {
      s3.headObject(b -> b.bucket(bucket).key(key).overrideConfiguration(override()));
      return true;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw failures.failed("look up s3://" + bucket + "/" + key, e);
    } catch (SdkException e) {
      throw failures.failed("look up s3://" + bucket + "/" + key, e);
    }
  }

  /**
   * Puts {@code bytes} under {@code key} unless an object is there already.
   *
   * @return true if this call created the object, false if one existed (the server answered 412)
   */
  public boolean putIfAbsent(String key, byte[] bytes) {
    byte[] hash = Hashes.sha256(bytes, 0, bytes.length);
    PutObjectRequest.Builder put =
        PutObjectRequest.builder()
            .bucket(bucket)
            .key(key)
            .ifNoneMatch("*")
            .metadata(Map.of(SHA256_METADATA, Hashes.hex(hash)))
            .overrideConfiguration(override());
    if (options.serverChecksums()) {
      put.checksumAlgorithm(ChecksumAlgorithm.SHA256).checksumSHA256(Hashes.base64(hash));
    }
    applyEncryption(put::serverSideEncryption, put::ssekmsKeyId);
    options
        .objectLock()
        .ifPresent(
            lock ->
                put.objectLockMode(mode(lock))
                    .objectLockRetainUntilDate(options.clock().instant().plus(lock.retention())));
    try {
      s3.putObject(put.build(), RequestBody.fromBytes(bytes));
      return true;
    } catch (S3Exception e) {
      if (e.statusCode() == 412) {
        return false;
      }
      throw failures.failed("put s3://" + bucket + "/" + key, e);
    } catch (SdkException e) {
      throw failures.failed("put s3://" + bucket + "/" + key, e);
    }
  }

  /** Sets the encryption fields of a put or multipart-create request. */
  void applyEncryption(
      Consumer<software.amazon.awssdk.services.s3.model.ServerSideEncryption> algorithm,
      Consumer<String> kmsKey) {
    ServerSideEncryption sse = options.encryption();
    if (sse instanceof ServerSideEncryption.S3Managed) {
      algorithm.accept(software.amazon.awssdk.services.s3.model.ServerSideEncryption.AES256);
    } else if (sse instanceof ServerSideEncryption.Kms kms) {
      algorithm.accept(software.amazon.awssdk.services.s3.model.ServerSideEncryption.AWS_KMS);
      kmsKey.accept(kms.keyId());
    }
  }

  static ObjectLockMode mode(ObjectLock lock) {
    return lock.mode() == ObjectLock.Mode.COMPLIANCE
        ? ObjectLockMode.COMPLIANCE
        : ObjectLockMode.GOVERNANCE;
  }

  /**
   * Returns the object under {@code key}, checked against its SHA-256, or empty if there is none.
   *
   * @throws RuntimeException from {@link Failures#corrupt} if the content does not match
   */
  public Optional<byte[]> get(String key) {
    try (ResponseInputStream<GetObjectResponse> in =
        s3.getObject(
            b -> {
              b.bucket(bucket).key(key).overrideConfiguration(override());
              if (options.serverChecksums()) {
                b.checksumMode(ChecksumMode.ENABLED);
              }
            })) {
      byte[] bytes = in.readAllBytes();
      String expected = in.response().metadata().get(SHA256_METADATA);
      if (expected == null) {
        throw failures.corrupt(bucket, key, "it has no " + SHA256_METADATA + " metadata");
      }
      String actual = Hashes.hex(Hashes.sha256(bytes, 0, bytes.length));
      if (!MessageDigest.isEqual(
          actual.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
          expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
        throw failures.corrupt(
            bucket, key, "its SHA-256 is " + actual + " but its metadata says " + expected);
      }
      return Optional.of(bytes);
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw failures.failed("get s3://" + bucket + "/" + key, e);
    } catch (SdkException | IOException e) {
      throw failures.failed("get s3://" + bucket + "/" + key, e);
    }
  }

  /** Deletes the object under {@code key} if it exists. */
  public void delete(String key) {
    try {
      s3.deleteObject(b -> b.bucket(bucket).key(key).overrideConfiguration(override()));
    } catch (SdkException e) {
      throw failures.failed("delete s3://" + bucket + "/" + key, e);
    }
  }

  /** Hands every object whose key starts with {@code prefix} to {@code consumer}, page by page. */
  public void list(String prefix, Consumer<S3Object> consumer) {
    try {
      s3.listObjectsV2Paginator(
              b -> b.bucket(bucket).prefix(prefix).overrideConfiguration(override()))
          .contents()
          .forEach(consumer);
    } catch (SdkException e) {
      throw failures.failed("list s3://" + bucket + "/" + prefix, e);
    }
  }

  /**
   * Returns the first key that starts with {@code prefix} and sorts after {@code startAfter}, if
   * any: one request, however many keys lie between.
   */
  public Optional<String> firstKeyAfter(String prefix, String startAfter) {
    try {
      return s3
          .listObjectsV2(
              b ->
                  b.bucket(bucket)
                      .prefix(prefix)
                      .startAfter(startAfter)
                      .maxKeys(1)
                      .overrideConfiguration(override()))
          .contents()
          .stream()
          .findFirst()
          .map(S3Object::key);
    } catch (SdkException e) {
      throw failures.failed("list s3://" + bucket + "/" + prefix, e);
    }
  }
}
