package dev.tdeveloper.demo;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether backups and keys go to AWS: {@code --s3-bucket NAME} puts the notes' backups in that S3
 * bucket, {@code --s3-endpoint URL} sends them to an S3-compatible server instead of AWS S3
 * (path-style addressing), {@code --kms-key KEY} wraps the tenants' data keys with that AWS KMS
 * key. Without them everything stays local. Credentials and region come from the AWS SDK's default
 * chains, never from options, so no option holds a secret. Immutable and thread-safe.
 *
 * @param s3Bucket the bucket the backups go to, if any
 * @param s3Endpoint the S3-compatible server's endpoint, if not AWS S3 (needs {@code s3Bucket})
 * @param kmsKey the KMS key (id, ARN, alias name or alias ARN) wrapping the data keys, if any
 */
record DemoAwsOptions(
    Optional<String> s3Bucket, Optional<URI> s3Endpoint, Optional<String> kmsKey) {
  /** S3's bucket naming rules: 3-63 of a-z 0-9 . -, starting and ending with a letter or digit. */
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  /** A key id (UUID or mrk-), an alias name, or a key or alias ARN. */
  private static final Pattern KMS_KEY =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
              + "|mrk-[0-9a-f]{32}"
              + "|alias/[a-zA-Z0-9/_-]{1,250}"
              + "|arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key/[a-zA-Z0-9-]{1,64}"
              + "|alias/[a-zA-Z0-9/_-]{1,250})");

  /** Checks that an endpoint comes with a bucket. */
  DemoAwsOptions {
    Objects.requireNonNull(s3Bucket, "s3Bucket");
    Objects.requireNonNull(s3Endpoint, "s3Endpoint");
    Objects.requireNonNull(kmsKey, "kmsKey");
    if (s3Endpoint.isPresent() && s3Bucket.isEmpty()) {
      throw new IllegalArgumentException("--s3-endpoint needs --s3-bucket");
    }
  }

  /** Everything local. */
  static DemoAwsOptions local() {
    return new DemoAwsOptions(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Parses the flags' values (null when absent).
   *
   * @throws IllegalArgumentException naming the flag, its value and what is allowed
   */
  static DemoAwsOptions of(String bucket, String endpoint, String kmsKey) {
    if (bucket != null && !BUCKET.matcher(bucket).matches()) {
      throw new IllegalArgumentException(
          "--s3-bucket '"
              + bucket
              + "' is not a bucket name; allowed: 3-63 characters of a-z, 0-9, '.' and '-',"
              + " starting and ending with a letter or digit");
    }
    if (kmsKey != null && !KMS_KEY.matcher(kmsKey).matches()) {
      throw new IllegalArgumentException(
          "--kms-key '"
              + kmsKey
              + "' is not a KMS key; allowed: a key id, alias/NAME, or a key or alias ARN"
              + " (arn:aws:kms:REGION:ACCOUNT:key/ID)");
    }
    return new DemoAwsOptions(
        Optional.ofNullable(bucket),
        Optional.ofNullable(endpoint).map(DemoAwsOptions::endpoint),
        Optional.ofNullable(kmsKey));
  }

  private static URI endpoint(String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      uri = null;
    }
    if (uri == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null
        || uri.getUserInfo() != null
        || uri.getQuery() != null
        || uri.getFragment() != null) {
      throw new IllegalArgumentException(
          "--s3-endpoint '"
              + (uri != null && uri.getUserInfo() != null ? "(with user info, not shown)" : value)
              + "' is not an endpoint; allowed: http(s)://host[:port][/path], credentials from"
              + " the AWS SDK's default chain (AWS_ACCESS_KEY_ID...), never in the URL");
    }
    return uri;
  }

  /** Returns whether anything goes to AWS. */
  boolean any() {
    return s3Bucket.isPresent() || kmsKey.isPresent();
  }
}
