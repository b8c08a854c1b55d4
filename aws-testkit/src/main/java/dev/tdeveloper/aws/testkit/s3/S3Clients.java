package dev.tdeveloper.aws.testkit.s3;

import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Builds AWS SDK S3 clients for a {@link LocalS3Server}: endpoint override, path-style addressing,
 * region {@value #REGION}, no aws-chunked uploads, the static test credentials below, and checksums
 * only where an operation requires them (a local server may not understand the SDK's default
 * trailing checksums; a test that wants SHA-256 checksums asks for them per request). Stateless and
 * thread-safe.
 */
public final class S3Clients {
  /** The region the clients use: {@value}. */
  public static final String REGION = "us-east-1";

  /** The test access key id both servers accept: {@value}. */
  public static final String ACCESS_KEY_ID = "S3RVER";

  /** The test secret key both servers accept (a published test value, not a secret). */
  public static final String SECRET_ACCESS_KEY = "S3RVER";

  private S3Clients() {}

  /** Returns a new synchronous client for {@code server}; the caller closes it. */
  public static S3Client sync(LocalS3Server server) {
    return sync(Objects.requireNonNull(server, "server").endpoint());
  }

  /**
   * Returns a new synchronous client for a local server at {@code endpoint} (for a child JVM that
   * has only the address); the caller closes it.
   */
  public static S3Client sync(URI endpoint) {
    return syncBuilder(endpoint).build();
  }

  /**
   * Returns a client builder set up for a local server at {@code endpoint}, for tests that add to
   * it (an execution interceptor, say).
   */
  public static S3ClientBuilder syncBuilder(URI endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    return S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.of(REGION))
        .credentialsProvider(credentials())
        .serviceConfiguration(configuration())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
  }

  /** Returns a new asynchronous client for {@code server}; the caller closes it. */
  public static S3AsyncClient async(LocalS3Server server) {
    Objects.requireNonNull(server, "server");
    return S3AsyncClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.of(REGION))
        .credentialsProvider(credentials())
        .serviceConfiguration(configuration())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
  }

  /**
   * Path-style addressing, and no aws-chunked signed uploads: s3rver stores the chunk signatures of
   * an aws-chunked body as part of the object.
   */
  private static S3Configuration configuration() {
    return S3Configuration.builder()
        .pathStyleAccessEnabled(true)
        .chunkedEncodingEnabled(false)
        .build();
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
  }
}
