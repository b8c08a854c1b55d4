package dev.tdeveloper.backend.aws.s3;

import dev.tdeveloper.aws.testkit.s3.LocalS3Server;
import dev.tdeveloper.aws.testkit.s3.S3ServerKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.s3.S3Client;

/** One SDK client per local server for the whole test JVM, and fresh buckets. */
final class TestBuckets {
  private static final Map<S3ServerKind, S3Client> CLIENTS = new EnumMap<>(S3ServerKind.class);

  private TestBuckets() {}

  /** Returns the shared client of {@code kind}'s server (closed when the JVM ends). */
  static synchronized S3Client client(S3ServerKind kind) {
    return CLIENTS.computeIfAbsent(kind, k -> k.shared().client());
  }

  /** Creates and returns a new bucket on {@code kind}'s server. */
  static String newBucket(S3ServerKind kind, boolean objectLock) {
    LocalS3Server server = kind.shared();
    String bucket = "b-" + UUID.randomUUID().toString().substring(0, 13);
    server.createBucket(bucket, objectLock);
    return bucket;
  }

  /** Returns a store builder on a new bucket of {@code kind}, with that server's checksum mode. */
  static S3BackupStoreBuilder store(S3ServerKind kind) {
    return S3BackupStore.builder()
        .client(client(kind))
        .bucket(newBucket(kind, false))
        .serverChecksums(kind.shared().features().flexibleChecksums())
        .conditionalWrites(conditionalWrites(kind));
  }

  /** Whether {@code kind}'s server honours {@code If-None-Match: *} (s3rver ignores it). */
  static boolean conditionalWrites(S3ServerKind kind) {
    return kind != S3ServerKind.S3RVER;
  }
}
