package dev.tdeveloper.aws.testkit.s3;

import java.net.URI;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible server running on loopback for tests: {@link LocalS3Mock} (Adobe S3Mock) or
 * {@link LocalS3rver} (s3rver on Node.js). Run the same test against both ({@link S3ServerKind}) so
 * a quirk of one server cannot hide a bug. Implementations are thread-safe.
 */
public interface LocalS3Server extends AutoCloseable {
  /** Returns a short name for test display names and messages: {@code s3mock} or {@code s3rver}. */
  String name();

  /** Returns the server's endpoint, {@code http://127.0.0.1:<port>}. */
  URI endpoint();

  /** Returns what this server is known to support, for tests of optional S3 features. */
  S3Features features();

  /** Returns a new synchronous client for this server ({@link S3Clients#sync}); close it. */
  default S3Client client() {
    return S3Clients.sync(this);
  }

  /** Returns a new asynchronous client for this server ({@link S3Clients#async}); close it. */
  default S3AsyncClient asyncClient() {
    return S3Clients.async(this);
  }

  /**
   * Creates a bucket on this server.
   *
   * @param bucket the bucket's name (3 to 63 lower-case letters, digits, '.' or '-')
   * @param objectLock whether to enable S3 Object Lock on it (needs {@link
   *     S3Features#objectLock()})
   */
  default void createBucket(String bucket, boolean objectLock) {
    try (S3Client s3 = client()) {
      s3.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(objectLock ? true : null));
    }
  }

  /** Stops the server and removes its data; idempotent. */
  @Override
  void close();
}
