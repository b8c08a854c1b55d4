package dev.tdeveloper.aws.testkit.s3;

import java.util.function.Supplier;

/**
 * The local S3 servers, to run one test against both:
 * {@code @ParameterizedTest @EnumSource(S3ServerKind.class)} with an {@code S3ServerKind kind}
 * parameter and {@code kind.shared()} in the test, or a contract-kit subclass per kind (see
 * aws-backend's tests). Each kind's server starts once per test JVM. Thread-safe.
 */
public enum S3ServerKind {
  /** Adobe S3Mock ({@link LocalS3Mock}). */
  S3MOCK(LocalS3Mock::shared),
  /** s3rver on Node.js ({@link LocalS3rver}). */
  S3RVER(LocalS3rver::shared);

  private final Supplier<LocalS3Server> shared;

  S3ServerKind(Supplier<LocalS3Server> shared) {
    this.shared = shared;
  }

  /**
   * Returns this JVM's shared server of this kind, starting it on first use.
   *
   * @throws IllegalStateException if a prerequisite is missing (the message names it) or the server
   *     does not start
   */
  public LocalS3Server shared() {
    return shared.get();
  }
}
