package dev.tdeveloper.backend.aws.s3.internal;

import dev.tdeveloper.backend.aws.s3.ObjectLock;
import dev.tdeveloper.backend.aws.s3.ServerSideEncryption;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link S3Objects} writes and reads: encryption, Object Lock, whether the server keeps SHA-256
 * checksums, the per-call timeout, and the clock retention dates are computed from.
 *
 * @param encryption server-side encryption for puts
 * @param objectLock Object Lock retention for puts, if any
 * @param serverChecksums whether to send and ask for {@code x-amz-checksum-sha256}
 * @param apiCallTimeout a timeout for each SDK call (retries included), if any
 * @param clock the wall clock for retention dates
 */
public record ObjectOptions(
    ServerSideEncryption encryption,
    Optional<ObjectLock> objectLock,
    boolean serverChecksums,
    Optional<Duration> apiCallTimeout,
    InstantSource clock) {
  /** Checks that no field is null. */
  public ObjectOptions {
    Objects.requireNonNull(encryption, "encryption");
    Objects.requireNonNull(objectLock, "objectLock");
    Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
    Objects.requireNonNull(clock, "clock");
  }
}
