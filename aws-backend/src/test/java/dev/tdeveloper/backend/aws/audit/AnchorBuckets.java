package dev.tdeveloper.backend.aws.audit;

import dev.tdeveloper.aws.testkit.s3.S3ServerKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.s3.S3Client;

/** One client and one bucket per local server for the anchor tests of this JVM. */
final class AnchorBuckets {
  private static final Map<S3ServerKind, S3Client> CLIENTS = new EnumMap<>(S3ServerKind.class);
  private static final Map<S3ServerKind, String> BUCKETS = new EnumMap<>(S3ServerKind.class);

  private AnchorBuckets() {}

  static synchronized S3Client client(S3ServerKind kind) {
    return CLIENTS.computeIfAbsent(kind, k -> k.shared().client());
  }

  static synchronized String bucket(S3ServerKind kind) {
    return BUCKETS.computeIfAbsent(
        kind,
        k -> {
          String bucket = "anchor-" + UUID.randomUUID().toString().substring(0, 8);
          k.shared().createBucket(bucket, false);
          return bucket;
        });
  }
}
