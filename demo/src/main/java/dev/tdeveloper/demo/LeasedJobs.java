package dev.tdeveloper.demo;

import dev.tdeveloper.tenancy.spi.JobLease;
import dev.tdeveloper.tenancy.spi.Lease;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a scheduled job only while this instance holds the job's {@link JobLease}: with {@code
 * --redis} or {@code --postgres} every instance schedules the job, and at each tick the one that
 * gets the lease runs it while the others skip that tick. The lease is released when the run ends;
 * a crashed holder's lease expires after {@link #TTL}. Embedded, the lease is in-process and always
 * granted, so the job runs as before. Thread-safe.
 */
final class LeasedJobs {
  private static final Logger LOG = LoggerFactory.getLogger(LeasedJobs.class);

  /** How long a run may hold its job before another instance may take it over: 10 minutes. */
  static final Duration TTL = Duration.ofMinutes(10);

  private final JobLease leases;
  private final String holder;

  /** Runs jobs under {@code leases} as {@code holder} (this instance's name). */
  LeasedJobs(JobLease leases, String holder) {
    this.leases = Objects.requireNonNull(leases, "leases");
    this.holder = Objects.requireNonNull(holder, "holder");
  }

  /**
   * Returns {@code job} guarded by the lease {@code name}: a run that cannot get it does nothing. A
   * lease backend failure is thrown from the run (the job does not run).
   */
  Runnable leased(String name, Runnable job) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(job, "job");
    return () -> {
      Optional<Lease> lease = leases.acquire(name, holder, TTL);
      if (lease.isEmpty()) {
        LOG.debug("job '{}' skipped: another instance runs it", name);
        return;
      }
      try {
        job.run();
      } finally {
        if (!leases.release(lease.get())) {
          LOG.warn(
              "job '{}' outlived its {} lease; another instance may have run it too", name, TTL);
        }
      }
    };
  }

  /**
   * Claims {@code name} for {@code ttl} if no instance holds it: true if this call got it. The
   * claim is never released; it expires. For doing a thing once across instances ({@link
   * ClaimedNotifier}) rather than running a job one at a time.
   *
   * @throws dev.tdeveloper.tenancy.spi.JobLeaseException if the lease backend fails
   */
  boolean claim(String name, Duration ttl) {
    return leases.acquire(name, holder, ttl).isPresent();
  }

  /** Returns the name this instance holds leases under. */
  String holder() {
    return holder;
  }
}
