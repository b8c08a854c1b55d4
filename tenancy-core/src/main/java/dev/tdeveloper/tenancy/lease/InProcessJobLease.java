package dev.tdeveloper.tenancy.lease;

import dev.tdeveloper.tenancy.spi.JobLease;
import dev.tdeveloper.tenancy.spi.Lease;
import dev.tdeveloper.tenancy.time.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-process {@link JobLease}: leases live in this JVM's memory, so they keep jobs from
 * overlapping between threads of one process only; instances of a service on several machines need
 * a shared backend such as redis-backend's. Expiry is measured by a monotonic {@link Ticker}
 * (wall-clock jumps never end or extend a lease).
 *
 * <p>Each job name costs one small entry, kept for the object's lifetime so that fencing tokens
 * keep growing after a lease expires or is released. Thread-safe and lock-free between jobs.
 */
public final class InProcessJobLease implements JobLease {
  private final Ticker ticker;
  private final ConcurrentHashMap<String, Grant> grants = new ConcurrentHashMap<>();

  /**
   * The last grant of a job; {@code holder} is null once released.
   *
   * @param expiresAt the ticker reading at which the grant has expired
   */
  private record Grant(String holder, long token, long expiresAt) {
    boolean heldBy(Lease lease, long now) {
      return lease.holder().equals(holder) && lease.fencingToken() == token && live(now);
    }

    boolean live(long now) {
      return holder != null && now - expiresAt < 0;
    }
  }

  private InProcessJobLease(Ticker ticker) {
    this.ticker = ticker;
  }

  /** Returns leases measured by the system's monotonic clock. */
  public static InProcessJobLease create() {
    return new InProcessJobLease(Ticker.system());
  }

  /**
   * Returns leases measured by {@code ticker} (a manual clock in tests).
   *
   * @throws NullPointerException if {@code ticker} is null
   */
  public static InProcessJobLease withTicker(Ticker ticker) {
    return new InProcessJobLease(Objects.requireNonNull(ticker, "ticker"));
  }

  @Override
  public Optional<Lease> acquire(String jobName, String holder, Duration ttl) {
    Lease.requireJobName(jobName);
    Lease.requireHolder(holder);
    long nanos = JobLease.requireTtl(ttl).toNanos();
    Grant[] granted = new Grant[1];
    grants.compute(
        jobName,
        (job, last) -> {
          long now = ticker.read();
          if (last != null && last.live(now)) {
            return last;
          }
          granted[0] = new Grant(holder, last == null ? 1 : last.token() + 1, now + nanos);
          return granted[0];
        });
    return Optional.ofNullable(granted[0]).map(g -> new Lease(jobName, holder, g.token()));
  }

  @Override
  public boolean renew(Lease lease, Duration ttl) {
    Objects.requireNonNull(lease, "lease");
    long nanos = JobLease.requireTtl(ttl).toNanos();
    boolean[] renewed = new boolean[1];
    grants.computeIfPresent(
        lease.jobName(),
        (job, last) -> {
          long now = ticker.read();
          if (!last.heldBy(lease, now)) {
            return last;
          }
          renewed[0] = true;
          return new Grant(last.holder(), last.token(), now + nanos);
        });
    return renewed[0];
  }

  @Override
  public boolean release(Lease lease) {
    Objects.requireNonNull(lease, "lease");
    boolean[] released = new boolean[1];
    grants.computeIfPresent(
        lease.jobName(),
        (job, last) -> {
          if (!last.heldBy(lease, ticker.read())) {
            return last;
          }
          released[0] = true;
          return new Grant(null, last.token(), 0);
        });
    return released[0];
  }

  @Override
  public String toString() {
    return "InProcessJobLease[jobs=" + grants.size() + "]";
  }
}
