package dev.tdeveloper.security.shield;

import dev.tdeveloper.tenancy.time.Ticker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The detector as it was before issue 17 (commit c95f5f6: every event counted under the stripe's
 * lock, the bucket cleared in place), kept as the model the current detector must answer like.
 * Single-threaded; shares {@link SpaceSaving}, which that change did not touch but for a field the
 * model does not read.
 */
final class ReferenceHeavyHitterDetector<K> {
  private final HeavyHitterConfig config;
  private final Ticker ticker;
  private final List<RefStripe<K>> stripes = new ArrayList<>();

  ReferenceHeavyHitterDetector(HeavyHitterConfig config, Ticker ticker, int maxStripes) {
    this.config = config;
    this.ticker = ticker;
    int count = 1;
    while (count * 2 <= maxStripes && config.capacity() / (count * 2) >= 64) {
      count *= 2;
    }
    for (int i = 0; i < count; i++) {
      int share = config.capacity() / count + (i < config.capacity() % count ? 1 : 0);
      stripes.add(new RefStripe<>(config.buckets(), share));
    }
  }

  long record(K key, long now) {
    int hash = SpaceSaving.hash(key);
    long epoch = Math.floorDiv(now, config.bucketNanos());
    return stripe(hash).record(key, hash, epoch, Math.floorMod(epoch, config.buckets()));
  }

  boolean recordIsHeavy(K key, long now) {
    int hash = SpaceSaving.hash(key);
    long epoch = Math.floorDiv(now, config.bucketNanos());
    int slot = Math.floorMod(epoch, config.buckets());
    return stripe(hash).recordExceeds(key, hash, epoch, slot, config.threshold());
  }

  FrequencyEstimate<K> estimate(K key) {
    long epoch = Math.floorDiv(ticker.read(), config.bucketNanos());
    int hash = SpaceSaving.hash(key);
    long count = 0;
    long error = 0;
    for (SpaceSaving<K> bucket : stripe(hash).live(epoch)) {
      SpaceSaving.Counter<K> c = bucket.get(key, hash);
      if (c != null) {
        count += c.count;
        error += c.error;
      }
    }
    return new FrequencyEstimate<>(key, count, error);
  }

  List<FrequencyEstimate<K>> topK(int k) {
    List<FrequencyEstimate<K>> all = snapshot();
    return List.copyOf(all.subList(0, Math.min(k, all.size())));
  }

  List<FrequencyEstimate<K>> heavyHitters() {
    return snapshot().stream().filter(e -> e.guaranteed() > config.threshold()).toList();
  }

  void reset(K key) {
    int hash = SpaceSaving.hash(key);
    RefStripe<K> stripe = stripe(hash);
    for (SpaceSaving<K> bucket : stripe.ring) {
      bucket.remove(key, hash);
    }
    stripe.boundEpoch = Long.MIN_VALUE;
  }

  int size() {
    int total = 0;
    for (RefStripe<K> stripe : stripes) {
      for (SpaceSaving<K> bucket : stripe.ring) {
        total += bucket.size();
      }
    }
    return total;
  }

  private List<FrequencyEstimate<K>> snapshot() {
    long epoch = Math.floorDiv(ticker.read(), config.bucketNanos());
    List<FrequencyEstimate<K>> out = new ArrayList<>();
    for (RefStripe<K> stripe : stripes) {
      Map<K, long[]> sums = new HashMap<>();
      for (SpaceSaving<K> bucket : stripe.live(epoch)) {
        bucket.forEach(
            c -> {
              long[] s = sums.computeIfAbsent(c.key, key -> new long[2]);
              s[0] += c.count;
              s[1] += c.error;
            });
      }
      sums.forEach((key, s) -> out.add(new FrequencyEstimate<>(key, s[0], s[1])));
    }
    out.sort(
        Comparator.comparingLong((FrequencyEstimate<K> e) -> e.count())
            .thenComparingLong(FrequencyEstimate::guaranteed)
            .reversed());
    return out;
  }

  private RefStripe<K> stripe(int hash) {
    return stripes.get((int) (((hash & 0xffff_ffffL) * stripes.size()) >>> 32));
  }

  /** The stripe as it was: a ring of summaries, cleared in place at a bucket change. */
  private static final class RefStripe<K> {
    final List<SpaceSaving<K>> ring = new ArrayList<>();
    long boundEpoch = Long.MIN_VALUE;
    long olderBound;

    RefStripe(int buckets, int capacity) {
      for (int i = 0; i < buckets; i++) {
        ring.add(new SpaceSaving<>(capacity));
      }
    }

    long record(K key, int hash, long epoch, int slot) {
      SpaceSaving.Counter<K> counter = count(key, hash, epoch, slot);
      if (counter.previous == Stripe.UNKNOWN) {
        counter.previous = previous(key, hash, epoch, slot);
      }
      return counter.previous + counter.count - counter.error;
    }

    boolean recordExceeds(K key, int hash, long epoch, int slot, long threshold) {
      SpaceSaving.Counter<K> counter = count(key, hash, epoch, slot);
      long current = counter.count - counter.error;
      if (counter.previous == Stripe.UNKNOWN) {
        if (current + olderBound(epoch, slot) <= threshold) {
          return false;
        }
        counter.previous = previous(key, hash, epoch, slot);
      }
      return counter.previous + current > threshold;
    }

    List<SpaceSaving<K>> live(long epoch) {
      return ring.stream().filter(b -> isLive(b, epoch)).toList();
    }

    private SpaceSaving.Counter<K> count(K key, int hash, long epoch, int slot) {
      SpaceSaving<K> current = ring.get(slot);
      if (current.epoch < epoch) {
        current.clear();
        current.epoch = epoch;
      }
      if (current.epoch < boundEpoch) {
        boundEpoch = Long.MIN_VALUE;
      }
      return current.offer(key, hash);
    }

    private long previous(K key, int hash, long epoch, int slot) {
      long previous = 0;
      for (SpaceSaving<K> bucket : ring) {
        if (bucket != ring.get(slot) && isLive(bucket, epoch)) {
          SpaceSaving.Counter<K> older = bucket.get(key, hash);
          if (older != null) {
            previous += older.count - older.error;
          }
        }
      }
      return previous;
    }

    private long olderBound(long epoch, int slot) {
      if (boundEpoch != epoch) {
        long bound = 0;
        for (SpaceSaving<K> bucket : ring) {
          if (bucket != ring.get(slot) && isLive(bucket, epoch)) {
            bound += bucket.maxCount();
          }
        }
        olderBound = bound;
        boundEpoch = epoch;
      }
      return olderBound;
    }

    private boolean isLive(SpaceSaving<K> bucket, long epoch) {
      return bucket.epoch != Long.MIN_VALUE
          && bucket.epoch <= epoch
          && bucket.epoch > epoch - ring.size();
    }
  }
}
