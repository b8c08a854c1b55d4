package dev.tdeveloper.security.shield;

import dev.tdeveloper.tenancy.time.Ticker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the keys (client IPs, tenants, API keys) that make the most events over a sliding window,
 * in memory bounded by the configuration however many distinct keys arrive — a flood of random keys
 * cannot exhaust the heap, and cannot hide a real heavy hitter either.
 *
 * <p>The window is a ring of {@link HeavyHitterConfig#buckets()} time buckets driven by the
 * injected {@link Ticker}; each bucket is a Space-Saving summary (Metwally et al.) of a fixed
 * number of counters. Decisions ({@link #record}'s answer, {@link #isHeavy}) use the
 * <em>guaranteed</em> count, which never over-estimates: noise can never push an innocent key over
 * the threshold.
 *
 * <p>Thread-safe. Keys are spread by hash over up to 16 stripes (twice the processors, rounded up
 * to a power of two), each with its own lock and its own share of the capacity; a key always lands
 * in the same stripe, so {@link #record} takes one lock for one hash lookup and an {@code O(1)}
 * update of the bucket's Stream-Summary, and the counts of a key never need merging across stripes.
 * The key's hash is computed once per call, and counting allocates nothing once a bucket has been
 * full.
 *
 * <p>A bucket change (the first event of a stripe in a new time bucket) swaps a cleared spare
 * summary into the ring under the lock; the retired one is cleared by that caller after it has
 * released the lock, to become the next spare, so no caller waits behind a clearing (the spare
 * costs each stripe one more bucket's memory; {@link #size()} counts the ring only). Answers and
 * counts are exactly those of clearing in place.
 *
 * @param <K> the key type; keys must have value semantics and should be short (they are held)
 */
public final class HeavyHitterDetector<K> {
  private static final int MAX_STRIPES = 16;
  private static final int MIN_COUNTERS_PER_STRIPE = 64;

  /**
   * Stripes by default: the power of two at or above twice the processors, at most {@value
   * #MAX_STRIPES} — enough that threads rarely meet on a lock, few enough that the stripes'
   * bookkeeping stays in cache (16 stripes cost a single thread about 25 ns more per request than 4
   * in the shield's benchmark).
   */
  static final int DEFAULT_STRIPES =
      Math.min(
          MAX_STRIPES,
          Integer.highestOneBit(Math.max(1, 2 * Runtime.getRuntime().availableProcessors() - 1))
              << 1);

  private final HeavyHitterConfig config;
  private final Ticker ticker;
  private final long bucketNanos;
  private final long threshold;
  private final Stripe<K>[] stripes;

  /**
   * The last bucket seen, to spare 64-bit divisions per event; racy reads are safe (final fields).
   */
  private Bucket bucket; // null until the first event

  /**
   * Time bucket {@code epoch}, starting at ticker reading {@code start}, at {@code slot} of rings.
   */
  private static final class Bucket {
    final long epoch;
    final long start;
    final int slot;

    Bucket(long epoch, long start, int slot) {
      this.epoch = epoch;
      this.start = start;
      this.slot = slot;
    }
  }

  private HeavyHitterDetector(HeavyHitterConfig config, Ticker ticker, int maxStripes) {
    this.config = config;
    this.ticker = ticker;
    this.bucketNanos = config.bucketNanos();
    this.threshold = config.threshold();
    int count = 1;
    while (count * 2 <= maxStripes && config.capacity() / (count * 2) >= MIN_COUNTERS_PER_STRIPE) {
      count *= 2;
    }
    @SuppressWarnings("unchecked")
    Stripe<K>[] array = (Stripe<K>[]) new Stripe<?>[count];
    for (int i = 0; i < count; i++) {
      int share = config.capacity() / count + (i < config.capacity() % count ? 1 : 0);
      array[i] = new Stripe<>(config.buckets(), share);
    }
    this.stripes = array;
  }

  /** Returns a detector with {@code config}, reading time from {@code ticker}. */
  public static <K> HeavyHitterDetector<K> create(HeavyHitterConfig config, Ticker ticker) {
    return create(config, ticker, DEFAULT_STRIPES);
  }

  /** As {@link #create(HeavyHitterConfig, Ticker)} with at most {@code maxStripes} stripes. */
  static <K> HeavyHitterDetector<K> create(
      HeavyHitterConfig config, Ticker ticker, int maxStripes) {
    return new HeavyHitterDetector<>(
        Objects.requireNonNull(config, "config"),
        Objects.requireNonNull(ticker, "ticker"),
        maxStripes);
  }

  /**
   * Counts one event of {@code key} and returns its guaranteed count in the window, this event
   * included; the key is heavy when the answer exceeds {@link HeavyHitterConfig#threshold()}.
   */
  public long record(K key) {
    return record(key, ticker.read());
  }

  /** As {@link #record(Object)} at {@code nowNanos} of the ticker, read once by the caller. */
  long record(K key, long nowNanos) {
    Objects.requireNonNull(key, "key");
    Bucket at = bucketOf(nowNanos);
    int hash = SpaceSaving.hash(key);
    Stripe<K> stripe = stripeFor(hash);
    long count;
    SpaceSaving<K> retired;
    synchronized (stripe) {
      count = stripe.record(key, hash, at.epoch, at.slot);
      retired = stripe.takeRetired();
    }
    stripe.recycle(retired);
    return count;
  }

  /**
   * Counts one event of {@code key} at {@code nowNanos} of the ticker and returns whether that
   * makes it heavy ({@link #record(Object)} above the threshold). Cheaper than comparing {@link
   * #record(Object)}'s answer: the older buckets are only searched when they could make it so.
   */
  boolean recordIsHeavy(K key, long nowNanos) {
    Objects.requireNonNull(key, "key");
    Bucket at = bucketOf(nowNanos);
    int hash = SpaceSaving.hash(key);
    Stripe<K> stripe = stripeFor(hash);
    boolean heavy;
    SpaceSaving<K> retired;
    synchronized (stripe) {
      heavy = stripe.recordExceeds(key, hash, at.epoch, at.slot, threshold);
      retired = stripe.takeRetired();
    }
    stripe.recycle(retired);
    return heavy;
  }

  /** Returns whether {@code key} made more than the threshold of events in the window. */
  public boolean isHeavy(K key) {
    return estimate(key).guaranteed() > config.threshold();
  }

  /** Returns the count of {@code key} in the window (zero counts if it is not tracked). */
  public FrequencyEstimate<K> estimate(K key) {
    Objects.requireNonNull(key, "key");
    long epoch = Math.floorDiv(ticker.read(), bucketNanos);
    long[] sums = new long[2];
    int hash = SpaceSaving.hash(key);
    Stripe<K> stripe = stripeFor(hash);
    locked(
        stripe,
        () ->
            stripe.forLive(
                epoch,
                bucket -> {
                  SpaceSaving.Counter<K> c = bucket.get(key, hash);
                  if (c != null) {
                    sums[0] += c.count;
                    sums[1] += c.error;
                  }
                }));
    return new FrequencyEstimate<>(key, sums[0], sums[1]);
  }

  /** Returns up to {@code k} tracked keys with the highest counts in the window, highest first. */
  public List<FrequencyEstimate<K>> topK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, was " + k);
    }
    List<FrequencyEstimate<K>> all = snapshot();
    return List.copyOf(all.subList(0, Math.min(k, all.size())));
  }

  /** Returns the keys over the threshold (by guaranteed count), highest count first. */
  public List<FrequencyEstimate<K>> heavyHitters() {
    List<FrequencyEstimate<K>> heavy = new ArrayList<>();
    for (FrequencyEstimate<K> e : snapshot()) {
      if (e.guaranteed() > config.threshold()) {
        heavy.add(e);
      }
    }
    return List.copyOf(heavy);
  }

  /** Forgets the counts of {@code key} (after it was banned, so it starts afresh). */
  public void reset(K key) {
    Objects.requireNonNull(key, "key");
    int hash = SpaceSaving.hash(key);
    Stripe<K> stripe = stripeFor(hash);
    locked(stripe, () -> stripe.remove(key, hash));
  }

  /**
   * Returns the counters held: at most {@code capacity * buckets} (the configured size), however
   * many distinct keys were recorded.
   */
  public int size() {
    int[] total = {0};
    for (Stripe<K> stripe : stripes) {
      locked(stripe, () -> total[0] += stripe.size());
    }
    return total[0];
  }

  /** Returns the settings. */
  public HeavyHitterConfig config() {
    return config;
  }

  private List<FrequencyEstimate<K>> snapshot() {
    long epoch = Math.floorDiv(ticker.read(), bucketNanos);
    List<FrequencyEstimate<K>> out = new ArrayList<>();
    for (Stripe<K> stripe : stripes) {
      Map<K, long[]> sums = new HashMap<>();
      locked(
          stripe,
          () ->
              stripe.forLive(
                  epoch,
                  bucket ->
                      bucket.forEach(
                          c -> {
                            long[] s = sums.computeIfAbsent(c.key, key -> new long[2]);
                            s[0] += c.count;
                            s[1] += c.error;
                          })));
      sums.forEach((key, s) -> out.add(new FrequencyEstimate<>(key, s[0], s[1])));
    }
    out.sort(
        Comparator.comparingLong((FrequencyEstimate<K> e) -> e.count())
            .thenComparingLong(FrequencyEstimate::guaranteed)
            .reversed());
    return out;
  }

  /**
   * Runs {@code action} under {@code stripe}'s lock; clears a summary retired by a bucket change
   * after releasing the lock.
   */
  private static <K> void locked(Stripe<K> stripe, Runnable action) {
    SpaceSaving<K> retired;
    synchronized (stripe) {
      action.run();
      retired = stripe.takeRetired();
    }
    stripe.recycle(retired);
  }

  /** Returns the bucket of {@code nowNanos}, by one comparison while the last one lasts. */
  private Bucket bucketOf(long nowNanos) {
    Bucket last = bucket;
    if (last != null) {
      long offset = nowNanos - last.start;
      if (offset >= 0 && offset < bucketNanos) {
        return last;
      }
    }
    long epoch = Math.floorDiv(nowNanos, bucketNanos);
    long start = nowNanos - Math.floorMod(nowNanos, bucketNanos);
    Bucket at = new Bucket(epoch, start, Math.floorMod(epoch, config.buckets()));
    if (start <= nowNanos) { // not wrapped around Long.MIN_VALUE
      bucket = at;
    }
    return at;
  }

  /**
   * Picks the stripe by the high bits of {@code hash}; the buckets' tables index by its low bits,
   * so the keys of one stripe still spread over their whole table.
   */
  private Stripe<K> stripeFor(int hash) {
    return stripes[(int) (((hash & 0xffff_ffffL) * stripes.length) >>> 32)];
  }
}
