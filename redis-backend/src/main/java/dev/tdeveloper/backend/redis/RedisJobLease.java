package dev.tdeveloper.backend.redis;

import dev.tdeveloper.backend.redis.internal.LuaScript;
import dev.tdeveloper.backend.redis.internal.ScriptRunner;
import dev.tdeveloper.tenancy.spi.JobLease;
import dev.tdeveloper.tenancy.spi.JobLeaseException;
import dev.tdeveloper.tenancy.spi.Lease;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A {@link JobLease} in Redis, shared by every instance that uses the same server, so a scheduled
 * job (backup, key rotation) runs on one instance at a time. It passes {@code JobLeaseContract}.
 *
 * <p>Each operation is one atomic Lua script ({@code EVALSHA}, {@code EVAL} when the server lost
 * its script cache): {@code acquire} checks that the job's lease key is absent, takes the next
 * fencing token with {@code INCR} on the job's counter and writes the lease with {@code SET ... PX
 * ttl}; {@code renew} and {@code release} compare holder and token before extending ({@code SET ...
 * PX}) or deleting the key, so nobody but the current holder can touch a lease. Expiry is the
 * server's: the instances' clocks never matter.
 *
 * <p><b>Keys.</b> {@code <prefix>{job}} holds {@code token|expiresAtMillis|holder} and expires with
 * the lease; {@code <prefix>{job}:fence} holds the last fencing token and never expires (one small
 * key per job name), so tokens keep growing after expiry, release or a client restart. The job name
 * is a hash tag, so both keys share a Redis Cluster slot. Fencing tokens are only as durable as the
 * server's data: a server that restarts without persistence (or a failover that loses writes)
 * starts the counters again.
 *
 * <p>A Redis failure throws {@link JobLeaseException}; there is no fallback, as a lease nobody can
 * verify must not be assumed. A holder that cannot renew should stop its job before the lease
 * expires. Build with {@link #builder(RedisClient)}; close to release the connection (the client
 * stays the caller's). Thread-safe: one multiplexed connection serves every thread.
 */
public final class RedisJobLease implements JobLease {
  private final ScriptRunner<JobLeaseException> redis;
  private final String keyPrefix;
  private final LongSupplier frozenClock;

  RedisJobLease(RedisJobLeaseBuilder b) {
    this.keyPrefix = b.options.keyPrefix();
    this.frozenClock = b.options.frozenClock().orElse(null);
    this.redis =
        new ScriptRunner<>(
            b.options,
            LuaScript.load(RedisJobLease.class, "job-lease.lua"),
            JobLeaseException.class,
            message -> new JobLeaseException("Redis job lease: " + message));
  }

  /**
   * Returns a builder of leases on {@code client}.
   *
   * @throws NullPointerException if {@code client} is null
   */
  public static RedisJobLeaseBuilder builder(RedisClient client) {
    return new RedisJobLeaseBuilder(Objects.requireNonNull(client, "client"), false);
  }

  /**
   * {@inheritDoc}
   *
   * @throws JobLeaseException if Redis fails or the leases are closed
   */
  @Override
  public Optional<Lease> acquire(String jobName, String holder, Duration ttl) {
    Lease.requireJobName(jobName);
    Lease.requireHolder(holder);
    String millis = millis(ttl);
    List<Object> reply = run(jobName, "acquire", holder, "", millis);
    if (reply.size() == 2 && reply.get(1) instanceof Long token && token > 0) {
      return flag(reply, jobName)
          ? Optional.of(new Lease(jobName, holder, token))
          : Optional.empty();
    }
    throw malformed(reply, jobName);
  }

  /**
   * {@inheritDoc}
   *
   * @throws JobLeaseException if Redis fails or the leases are closed
   */
  @Override
  public boolean renew(Lease lease, Duration ttl) {
    Objects.requireNonNull(lease, "lease");
    String millis = millis(ttl);
    return flag(
        run(lease.jobName(), "renew", lease.holder(), Long.toString(lease.fencingToken()), millis),
        lease.jobName());
  }

  /**
   * {@inheritDoc}
   *
   * @throws JobLeaseException if Redis fails or the leases are closed
   */
  @Override
  public boolean release(Lease lease) {
    Objects.requireNonNull(lease, "lease");
    return flag(
        run(lease.jobName(), "release", lease.holder(), Long.toString(lease.fencingToken()), ""),
        lease.jobName());
  }

  /** Returns the Redis key of {@code jobName}'s lease. */
  public String redisKey(String jobName) {
    return keyPrefix + "{" + Lease.requireJobName(jobName) + "}";
  }

  /** Closes the connection (and the client, if the provider created it). Idempotent. */
  @Override
  public void close() {
    redis.close();
  }

  @Override
  public String toString() {
    return "RedisJobLease[prefix=" + keyPrefix + "]";
  }

  /** The time to live in whole milliseconds, rounded up. */
  private static String millis(Duration ttl) {
    JobLease.requireTtl(ttl);
    long millis = ttl.toMillis();
    return Long.toString(ttl.equals(Duration.ofMillis(millis)) ? millis : millis + 1);
  }

  private List<Object> run(
      String jobName, String operation, String holder, String token, String ttl) {
    String key = redisKey(jobName);
    String now = frozenClock == null ? "" : Long.toString(frozenClock.getAsLong());
    return redis.run(
        new String[] {key, key + ":fence"},
        new String[] {operation, holder, token, ttl, now},
        e ->
            new JobLeaseException(
                "Redis job lease failed to " + operation + " job '" + jobName + "': " + e, e));
  }

  private boolean flag(List<Object> reply, String jobName) {
    if (!reply.isEmpty() && reply.get(0) instanceof Long flag && (flag == 0 || flag == 1)) {
      return flag == 1;
    }
    throw malformed(reply, jobName);
  }

  private JobLeaseException malformed(List<Object> reply, String jobName) {
    return new JobLeaseException(
        "Redis job lease: the script answered " + reply + " for job '" + jobName + "'");
  }
}
