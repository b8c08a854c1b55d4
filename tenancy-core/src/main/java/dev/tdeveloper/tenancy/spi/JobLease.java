package dev.tdeveloper.tenancy.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Leases that let a scheduled job (a backup, a key rotation, a report) run on one instance at a
 * time: an instance {@link #acquire acquires} the job's lease before running it, {@link #renew
 * renews} it while the run lasts, and {@link #release releases} it at the end; a crashed holder's
 * lease expires after its time to live, and another instance takes the job over.
 *
 * <p>A lease is held from its grant until {@code ttl} later (measured by the implementation's
 * clock: the JVM's monotonic clock in process, the server's clock in Redis) unless renewed or
 * released; at that instant it has expired. Only the holder of the current grant, identified by
 * holder and fencing token, can renew or release it. Every grant of a job gets a greater {@link
 * Lease#fencingToken() fencing token} than the grants before it, even after expiry, release or a
 * restart of the backend's clients. Different jobs are independent.
 *
 * <p>The in-process default is {@code dev.tdeveloper.tenancy.lease.InProcessJobLease} (one JVM);
 * redis-backend provides a shared one. Implementations must be thread-safe and pass {@code
 * JobLeaseContract} of tenancy-testkit.
 */
public interface JobLease extends AutoCloseable {
  /** The longest time to live of a lease: 366 days. */
  Duration MAX_TTL = Duration.ofDays(366);

  /**
   * Grants {@code jobName}'s lease to {@code holder} for {@code ttl}, if no unexpired lease of the
   * job exists (one held by {@code holder} itself included: renew that one instead).
   *
   * @return the lease, or empty if the job is held
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a name is malformed (see {@link Lease}) or {@code ttl} is
   *     not between 1 ms and {@link #MAX_TTL}
   * @throws JobLeaseException if the backend fails; the job may then be held by nobody or by this
   *     holder until {@code ttl} passes
   */
  Optional<Lease> acquire(String jobName, String holder, Duration ttl);

  /**
   * Extends {@code lease} to expire {@code ttl} from now, if it is still the job's current,
   * unexpired grant (same holder and fencing token).
   *
   * @return true if renewed; false if it had expired, was released or another grant replaced it
   *     (the holder should then stop the job)
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code ttl} is not between 1 ms and {@link #MAX_TTL}
   * @throws JobLeaseException if the backend fails
   */
  boolean renew(Lease lease, Duration ttl);

  /**
   * Ends {@code lease} now, if it is still the job's current, unexpired grant, so another holder
   * can acquire the job at once.
   *
   * @return true if released; false if it had expired, was released or another grant replaced it
   * @throws NullPointerException if {@code lease} is null
   * @throws JobLeaseException if the backend fails
   */
  boolean release(Lease lease);

  /** Releases what the implementation holds (connections); leases already granted still expire. */
  @Override
  default void close() {}

  /**
   * Checks a time to live, as every implementation does.
   *
   * @return {@code ttl}
   * @throws NullPointerException if {@code ttl} is null
   * @throws IllegalArgumentException if it is not between 1 ms and {@link #MAX_TTL}
   */
  static Duration requireTtl(Duration ttl) {
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.compareTo(Duration.ofMillis(1)) < 0 || ttl.compareTo(MAX_TTL) > 0) {
      throw new IllegalArgumentException(
          "ttl must be between 1 ms and " + MAX_TTL + ", was " + ttl);
    }
    return ttl;
  }
}
