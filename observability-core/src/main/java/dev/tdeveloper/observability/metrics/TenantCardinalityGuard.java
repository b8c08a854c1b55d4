package dev.tdeveloper.observability.metrics;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.event.EventListener;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the values of a {@code tenant} tag: the top {@code N} tenants by recent traffic keep their
 * own value (their id), every other tenant is folded into {@value #OTHER}. Whatever the input, at
 * most {@code N + 1} distinct values are ever handed out at once, so a million tenants cannot make
 * a million metric series.
 *
 * <p>Traffic is counted with Misra-Gries heavy-hitter counters ({@code trackedTenants} of them,
 * default {@code 10 N}) whose counts halve every {@code rerankInterval}: an exponentially decaying
 * window with that half-life. Ranking happens every {@code rerankInterval} by the injected clock,
 * on the first call after it is due (or through {@link #rerank()}). Between re-ranks a tenant that
 * has its own tag keeps it, and a free slot (fewer than {@code N} tagged tenants) goes to the first
 * tenant that asks; ties at a re-rank favour the tenants already tagged, so tags do not flap.
 *
 * <p>When a tenant moves, listeners get a {@link TagChange}: the series under a demoted tenant's
 * own tag must be dropped (meters removed, stored values folded into {@code other}); a promoted
 * tenant starts a fresh series at zero, and what it did before stays counted under {@code other}.
 * Totals summed over all tag values are therefore unaffected by moves. The tenant whose id is
 * literally {@code other} never gets a tag of its own: its traffic is {@code other}'s.
 *
 * <p>Thread-safe. {@link #tag(TenantId)} for a tenant that already holds a counter is lock-free and
 * allocates nothing. A due re-rank is done by the first caller that finds the guard's lock free;
 * callers meanwhile never wait for it: they count their traffic and get the tags as they were
 * (published whole when the re-rank ends), and a tenant that would take a free slot gets {@value
 * #OTHER} until its next call. Listeners run on the thread that caused the change, in order, under
 * the guard's lock, and must be quick; one that throws is logged and skipped.
 */
public final class TenantCardinalityGuard {
  /** The tag value shared by every tenant outside the top {@code N}: {@value}. */
  public static final String OTHER = "other";

  /** The default number of tenants with their own tag value: {@value}. */
  public static final int DEFAULT_TOP_TENANTS = 100;

  /** The default re-rank interval (and half-life of the traffic counts): one minute. */
  public static final Duration DEFAULT_RERANK_INTERVAL = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(TenantCardinalityGuard.class);

  private final int topTenants;
  private final long rerankMillis;
  private final InstantSource clock;
  private final HeavyHitters traffic;
  private final ReentrantLock lock = new ReentrantLock();
  private final List<EventListener<? super TagChange>> listeners = new CopyOnWriteArrayList<>();
  private volatile Map<TenantId, String> tagged = Map.of();
  private volatile long nextRerankAt;
  private volatile boolean reranking;

  TenantCardinalityGuard(int topTenants, int trackedTenants, Duration every, InstantSource clock) {
    this.topTenants = topTenants;
    this.rerankMillis = every.toMillis();
    this.clock = clock;
    this.traffic = new HeavyHitters(trackedTenants);
    this.nextRerankAt = clock.millis() + rerankMillis;
  }

  /** Returns a builder with the defaults (top 100 tenants, re-rank each minute, system clock). */
  public static TenantCardinalityGuardBuilder builder() {
    return new TenantCardinalityGuardBuilder();
  }

  /**
   * Counts one unit of traffic for {@code tenant} and returns its tag value: its id if it is among
   * the top tenants, else {@value #OTHER}.
   *
   * @throws NullPointerException if {@code tenant} is null
   */
  public String tag(TenantId tenant) {
    return tag(tenant, 1);
  }

  /**
   * Counts {@code weight} units of traffic for {@code tenant} (e.g. bytes, or a batch of requests)
   * and returns its tag value.
   *
   * @throws NullPointerException if {@code tenant} is null
   * @throws IllegalArgumentException if {@code weight} is below 1
   */
  public String tag(TenantId tenant, long weight) {
    Objects.requireNonNull(tenant, "tenant");
    if (weight < 1) {
      throw new IllegalArgumentException("weight: " + weight + " is below 1; allowed: >= 1");
    }
    long now = clock.millis();
    if (now >= nextRerankAt) {
      rerankIfDue(now);
    }
    traffic.add(tenant, weight);
    String own = tagged.get(tenant);
    if (own != null) {
      return own;
    }
    return tagged.size() < topTenants ? admit(tenant) : OTHER;
  }

  /** Returns the tag value {@code tenant} has now, without counting traffic. */
  public String currentTag(TenantId tenant) {
    String own = tagged.get(Objects.requireNonNull(tenant, "tenant"));
    return own == null ? OTHER : own;
  }

  /** Returns whether {@code tenant} has its own tag value now. */
  public boolean hasOwnTag(TenantId tenant) {
    return tagged.containsKey(Objects.requireNonNull(tenant, "tenant"));
  }

  /** Returns the tenants that have their own tag value now (at most {@link #topTenants()}). */
  public Set<TenantId> taggedTenants() {
    return tagged.keySet();
  }

  /** Returns {@code N}, the most tenants with their own tag value. */
  public int topTenants() {
    return topTenants;
  }

  /** Returns the most distinct tag values this guard hands out at once: {@code N + 1}. */
  public int maxTagValues() {
    return topTenants + 1;
  }

  /** Returns the estimated recent traffic of {@code tenant} (decayed; 0 if not tracked). */
  public long estimatedTraffic(TenantId tenant) {
    return traffic.estimate(Objects.requireNonNull(tenant, "tenant"));
  }

  /**
   * Re-ranks now: the top tenants by counted traffic take the tags, then the counts are halved. The
   * next automatic re-rank is one interval from now.
   */
  public void rerank() {
    lock.lock();
    try {
      long now = clock.millis();
      rerankLocked(1);
      nextRerankAt = now + rerankMillis;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Adds a listener for {@link TagChange}s, called on the thread that caused each change.
   *
   * @throws NullPointerException if {@code listener} is null
   */
  public void addListener(EventListener<? super TagChange> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Removes a listener added with {@link #addListener}; returns whether it was registered. */
  public boolean removeListener(EventListener<? super TagChange> listener) {
    return listeners.remove(listener);
  }

  /**
   * Re-ranks if due and no other thread holds the lock: a caller that finds the lock taken goes on
   * with the current tags instead of queueing behind the sort (the holder re-ranks, or the next
   * caller does once it is free).
   */
  private void rerankIfDue(long now) {
    if (!lock.tryLock()) {
      return;
    }
    try {
      if (now < nextRerankAt) {
        return;
      }
      long intervals = 1 + (now - nextRerankAt) / rerankMillis;
      rerankLocked((int) Math.min(intervals, 63));
      nextRerankAt = now + rerankMillis;
    } finally {
      lock.unlock();
    }
  }

  private void rerankLocked(int halvings) {
    reranking = true;
    try {
      rank(halvings);
    } finally {
      reranking = false;
    }
  }

  private void rank(int halvings) {
    Map<TenantId, String> before = tagged;
    List<Map.Entry<TenantId, Long>> ranked = traffic.entries();
    ranked.sort(
        Comparator.comparing((Map.Entry<TenantId, Long> e) -> e.getValue())
            .reversed()
            .thenComparing(e -> !before.containsKey(e.getKey()))
            .thenComparing(Map.Entry::getKey));
    Map<TenantId, String> after = new HashMap<>();
    for (Map.Entry<TenantId, Long> e : ranked) {
      if (after.size() == topTenants) {
        break;
      }
      if (!OTHER.equals(e.getKey().value())) {
        after.put(e.getKey(), e.getKey().value());
      }
    }
    traffic.decay(halvings);
    Set<TenantId> promoted = new HashSet<>(after.keySet());
    promoted.removeAll(before.keySet());
    Set<TenantId> demoted = new HashSet<>(before.keySet());
    demoted.removeAll(after.keySet());
    tagged = Map.copyOf(after);
    publish(promoted, demoted);
  }

  private String admit(TenantId tenant) {
    if (OTHER.equals(tenant.value())) {
      return OTHER;
    }
    // Waits for another admission (short), not for a re-rank: the tenant keeps its current tag.
    if (!lock.tryLock()) {
      if (reranking) {
        return OTHER;
      }
      lock.lock();
    }
    try {
      Map<TenantId, String> before = tagged;
      String own = before.get(tenant);
      if (own != null) {
        return own;
      }
      if (before.size() >= topTenants) {
        return OTHER;
      }
      Map<TenantId, String> after = new HashMap<>(before);
      after.put(tenant, tenant.value());
      tagged = Map.copyOf(after);
      publish(Set.of(tenant), Set.of());
      return tenant.value();
    } finally {
      lock.unlock();
    }
  }

  private void publish(Set<TenantId> promoted, Set<TenantId> demoted) {
    if (promoted.isEmpty() && demoted.isEmpty()) {
      return;
    }
    TagChange change = new TagChange(promoted, demoted, clock.instant());
    for (EventListener<? super TagChange> listener : listeners) {
      try {
        listener.onEvent(change);
      } catch (RuntimeException | LinkageError e) {
        LOG.warn("tag change listener {} failed on {}", listener, change, e);
      }
    }
  }
}
