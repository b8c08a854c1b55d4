package dev.tdeveloper.demo;

import dev.tdeveloper.cost.optimize.UtilizationSample;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the simulated cluster held over time, for cost: its replica count at every change (so the
 * replica-seconds of any period are exact) and, at most once a minute, a {@link UtilizationSample}
 * of the whole workload for the {@link dev.tdeveloper.cost.optimize.CostOptimizer}. A replica is
 * {@link #VCPU_PER_REPLICA} vCPU and {@link #MEMORY_PER_REPLICA} bytes requested; a ready replica
 * serving its full capacity uses all of its vCPU, and its memory in use is half of the request
 * (runtime and caches) plus the other half in proportion to its load. The cluster serves every
 * tenant, so its samples carry the owner {@link #OWNER}, not a customer tenant. History older than
 * {@link #HORIZON} is dropped. Thread-safe.
 */
final class ClusterUsage {
  /** vCPU requested by one replica. */
  static final BigDecimal VCPU_PER_REPLICA = new BigDecimal("0.25");

  /** Memory requested by one replica: 512 MiB. */
  static final long MEMORY_PER_REPLICA = 512L << 20;

  /** GB (10^9 bytes, the price book's unit) of memory requested by one replica. */
  static final BigDecimal RAM_GB_PER_REPLICA = new BigDecimal("0.536870912");

  /** The owner the cluster's samples carry: the platform itself, not a customer. */
  static final TenantId OWNER = TenantId.of("platform");

  /** How long replica history and samples are kept (the allocations keep 90 days). */
  static final Duration HORIZON = Duration.ofDays(92);

  private static final Duration SAMPLE_EVERY = Duration.ofMinutes(1);
  private static final Duration SAMPLES_KEPT = Duration.ofDays(15);

  private final String workload;
  private final String region;
  private final TreeMap<Instant, Integer> replicas = new TreeMap<>();
  private final Deque<UtilizationSample> samples = new ArrayDeque<>();

  ClusterUsage(String workload, String region) {
    this.workload = workload;
    this.region = region;
  }

  /**
   * Notes the cluster's state at {@code now}: {@code current} replicas held, {@code busy} replica
   * equivalents of load served (load / capacity per replica, at most the ready replicas).
   */
  synchronized void note(Instant now, int current, double busy) {
    Map.Entry<Instant, Integer> last = replicas.lastEntry();
    if (last == null || last.getValue() != current) {
      replicas.put(last != null && now.isBefore(last.getKey()) ? last.getKey() : now, current);
    }
    UtilizationSample newest = samples.peekLast();
    if (newest == null || !now.isBefore(newest.time().plus(SAMPLE_EVERY))) {
      BigDecimal used = BigDecimal.valueOf(Math.max(0, busy)).round(MathContext.DECIMAL64);
      long memory =
          current * (MEMORY_PER_REPLICA / 2)
              + (long) (Math.max(0, busy) * (MEMORY_PER_REPLICA / 2));
      samples.addLast(
          new UtilizationSample(
              OWNER,
              workload,
              region,
              now,
              used.multiply(VCPU_PER_REPLICA),
              VCPU_PER_REPLICA.multiply(BigDecimal.valueOf(current)),
              memory,
              MEMORY_PER_REPLICA * current));
    }
    prune(now);
  }

  /** Returns the replica-seconds held in {@code [from, to)}: 0 before the first note. */
  synchronized long replicaSeconds(Instant from, Instant to) {
    long total = 0;
    Map.Entry<Instant, Integer> start = replicas.floorEntry(from);
    Instant cursor = from;
    int count = start == null ? 0 : start.getValue();
    for (Map.Entry<Instant, Integer> e : replicas.subMap(from, false, to, false).entrySet()) {
      total += count * Duration.between(cursor, e.getKey()).toSeconds();
      cursor = e.getKey();
      count = e.getValue();
    }
    if (cursor.isBefore(to)) {
      total += count * Duration.between(cursor, to).toSeconds();
    }
    return total;
  }

  /** Returns the samples kept, oldest first. */
  synchronized List<UtilizationSample> samples() {
    return new ArrayList<>(samples);
  }

  private void prune(Instant now) {
    Instant horizon = now.minus(HORIZON);
    Map.Entry<Instant, Integer> before = replicas.floorEntry(horizon);
    if (before != null && before.getKey().isBefore(horizon)) {
      replicas.headMap(horizon, true).clear();
      replicas.put(horizon, before.getValue());
    }
    Instant oldest = now.minus(SAMPLES_KEPT);
    while (!samples.isEmpty() && samples.peekFirst().time().isBefore(oldest)) {
      samples.removeFirst();
    }
  }
}
