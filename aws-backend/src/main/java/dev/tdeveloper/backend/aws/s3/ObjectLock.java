package dev.tdeveloper.backend.aws.s3;

import java.time.Duration;
import java.util.Objects;

/**
 * S3 Object Lock retention set on every object we put, so no one (under {@link Mode#COMPLIANCE},
 * not even the account root) can delete or overwrite it before the retention ends. The bucket must
 * have Object Lock enabled (it can only be enabled at creation). Immutable and thread-safe.
 *
 * @param mode GOVERNANCE (users with {@code s3:BypassGovernanceRetention} may still delete) or
 *     COMPLIANCE (no one may)
 * @param retention how long each object is kept from its put; 1 second to 100 years
 */
public record ObjectLock(Mode mode, Duration retention) {
  /** Longest retention accepted: 36,500 days. */
  public static final Duration MAX_RETENTION = Duration.ofDays(36_500);

  /** Object Lock retention modes. */
  public enum Mode {
    /** Deletable by principals allowed to bypass governance retention. */
    GOVERNANCE,
    /** Deletable by no one until the retention ends. */
    COMPLIANCE
  }

  /** Checks the fields. */
  public ObjectLock {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(retention, "retention");
    if (retention.compareTo(Duration.ofSeconds(1)) < 0 || retention.compareTo(MAX_RETENTION) > 0) {
      throw new IllegalArgumentException(
          "invalid retention " + retention + ": expected 1 second to " + MAX_RETENTION);
    }
  }
}
