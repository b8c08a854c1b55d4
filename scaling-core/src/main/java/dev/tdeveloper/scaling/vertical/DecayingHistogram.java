package dev.tdeveloper.scaling.vertical;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A histogram over exponentially growing buckets whose samples lose half their weight every
 * half-life, as the VPA recommender's decaying histogram: recent usage counts more than old usage,
 * without keeping the samples.
 *
 * <p>A sample of weight {@code w} at time {@code t} is stored as {@code w * 2^((t - ref) /
 * halfLife)} against a reference time {@code ref}; since every stored weight carries the same
 * factor, percentiles need no decay step. When {@code t} gets more than {@value
 * #MAX_DECAY_EXPONENT} half-lives past the reference, the reference moves forward and every bucket
 * is rescaled, so the factors never overflow.
 *
 * <p>Thread-safe: every method holds this histogram's lock.
 */
public final class DecayingHistogram {
  /** Half-lives past the reference after which the reference is shifted. */
  public static final int MAX_DECAY_EXPONENT = 100;

  private final ExponentialBuckets buckets;
  private final Duration halfLife;
  private final double halfLifeMillis;
  private final double[] weights;
  private double total;
  private long referenceMillis;
  private boolean hasReference;

  private DecayingHistogram(ExponentialBuckets buckets, Duration halfLife) {
    Objects.requireNonNull(halfLife, "halfLife");
    if (halfLife.isNegative() || halfLife.toMillis() < 1) {
      throw new IllegalArgumentException(
          "halfLife: " + halfLife + "; allowed: a duration of at least 1 ms");
    }
    this.buckets = buckets;
    this.halfLife = halfLife;
    this.halfLifeMillis = halfLife.toMillis();
    this.weights = new double[buckets.count()];
  }

  /**
   * An empty histogram.
   *
   * @param maxValue where the last (unbounded) bucket starts, roughly
   * @param firstBucketSize the width of bucket 0, {@code [0, firstBucketSize)}
   * @param ratio how much wider each next bucket is, above 1 ({@code 1.05} = 5% resolution)
   * @param halfLife after how long a sample's weight is halved, at least 1 ms
   * @return the histogram
   * @throws IllegalArgumentException naming the bad parameter
   */
  public static DecayingHistogram exponential(
      double maxValue, double firstBucketSize, double ratio, Duration halfLife) {
    return new DecayingHistogram(
        new ExponentialBuckets(maxValue, firstBucketSize, ratio), halfLife);
  }

  /**
   * The VPA's CPU histogram: cores, first bucket 0.01 cores, 5% growth, up to 1000 cores.
   *
   * @param halfLife the decay half-life (the VPA uses 24 hours)
   * @return an empty histogram
   */
  public static DecayingHistogram cpuCores(Duration halfLife) {
    return exponential(1000.0, 0.01, 1.05, halfLife);
  }

  /**
   * The VPA's memory histogram: bytes, first bucket 10 MB (10^7 bytes), 5% growth, up to 1 TB.
   *
   * @param halfLife the decay half-life (the VPA uses 24 hours)
   * @return an empty histogram
   */
  public static DecayingHistogram memoryBytes(Duration halfLife) {
    return exponential(1e12, 1e7, 1.05, halfLife);
  }

  /**
   * Adds a sample.
   *
   * @param value the observed value, finite and at least 0
   * @param weight its weight at {@code time}, finite and at least 0
   * @param time when it was observed
   * @throws IllegalArgumentException naming a negative or non-finite value or weight
   */
  public synchronized void addSample(double value, double weight, Instant time) {
    check(value, weight, time);
    double scaled = weight * decayFactor(time);
    weights[buckets.find(value)] += scaled;
    total += scaled;
  }

  /**
   * Removes a sample added before (the VPA uses it to replace a memory peak by a higher one); a
   * bucket never goes below zero.
   *
   * @param value the value added before
   * @param weight the weight it was added with
   * @param time the time it was added with
   * @throws IllegalArgumentException naming a negative or non-finite value or weight
   */
  public synchronized void subtractSample(double value, double weight, Instant time) {
    check(value, weight, time);
    double scaled = weight * decayFactor(time);
    int b = buckets.find(value);
    double removed = Math.min(weights[b], scaled);
    // Rounding leaves crumbs after an add/subtract pair; treat them as nothing.
    weights[b] = weights[b] - removed <= scaled * 1e-9 ? 0.0 : weights[b] - removed;
    total = 0;
    for (double w : weights) {
      total += w;
    }
  }

  /**
   * The value below which a fraction {@code p} of the (decayed) weight lies: the end of the bucket
   * where the cumulative weight reaches {@code p}, or the start of the last bucket. Like the VPA,
   * an empty histogram answers 0 (see {@link #isEmpty()}).
   *
   * @param p a fraction in {@code [0, 1]}
   * @return the percentile, with the bucket resolution
   * @throws IllegalArgumentException when {@code p} is outside {@code [0, 1]}
   */
  public synchronized double percentile(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("percentile: " + p + "; allowed: [0, 1]");
    }
    if (total <= 0) {
      return 0.0;
    }
    double threshold = p * total;
    double partial = 0;
    int last = weights.length - 1;
    int bucket = 0;
    for (; bucket < last; bucket++) {
      partial += weights[bucket];
      if (partial >= threshold && weights[bucket] > 0) {
        break;
      }
    }
    return bucket < last ? buckets.start(bucket + 1) : buckets.start(bucket);
  }

  /**
   * Whether no weight is left.
   *
   * @return true before any sample, or when every sample was subtracted again
   */
  public synchronized boolean isEmpty() {
    return total <= 0;
  }

  /**
   * The sum of the weights as seen at a time: a sample of weight 1 added a half-life before {@code
   * at} counts 0.5.
   *
   * @param at the time to decay to
   * @return the decayed total weight
   */
  public synchronized double totalWeight(Instant at) {
    Objects.requireNonNull(at, "at");
    return hasReference
        ? total * Math.pow(2, (referenceMillis - at.toEpochMilli()) / halfLifeMillis)
        : 0;
  }

  /**
   * Adds every sample of another histogram with the same buckets and half-life into this one (the
   * VPA merges per-container histograms this way); {@code other} does not change.
   *
   * @param other a histogram made with the same parameters
   * @throws IllegalArgumentException when the buckets or the half-life differ
   */
  public void merge(DecayingHistogram other) {
    if (other == this) {
      throw new IllegalArgumentException("other: this histogram; allowed: another histogram");
    }
    if (!buckets.equals(other.buckets) || !halfLife.equals(other.halfLife)) {
      throw new IllegalArgumentException(
          "other: buckets "
              + other.buckets
              + " half-life "
              + other.halfLife
              + "; allowed: the same as this histogram's "
              + buckets
              + " half-life "
              + halfLife);
    }
    double[] theirs;
    long theirReference;
    synchronized (other) {
      if (!other.hasReference) {
        return;
      }
      theirs = other.weights.clone();
      theirReference = other.referenceMillis;
    }
    synchronized (this) {
      double factor = decayFactor(Instant.ofEpochMilli(theirReference));
      for (int i = 0; i < theirs.length; i++) {
        weights[i] += theirs[i] * factor;
        total += theirs[i] * factor;
      }
    }
  }

  private static void check(double value, double weight, Instant time) {
    Objects.requireNonNull(time, "time");
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException("value: " + value + "; allowed: a finite value >= 0");
    }
    if (!Double.isFinite(weight) || weight < 0) {
      throw new IllegalArgumentException("weight: " + weight + "; allowed: a finite value >= 0");
    }
  }

  /** {@code 2^((time - reference) / halfLife)}, shifting the reference first when needed. */
  private double decayFactor(Instant time) {
    long t = time.toEpochMilli();
    long step = halfLife.toMillis();
    if (!hasReference) {
      referenceMillis = Math.floorDiv(t, step) * step;
      hasReference = true;
    } else if ((t - referenceMillis) / halfLifeMillis > MAX_DECAY_EXPONENT) {
      long newReference = Math.floorDiv(t, step) * step;
      double rescale = Math.pow(2, (referenceMillis - newReference) / halfLifeMillis);
      total = 0;
      for (int i = 0; i < weights.length; i++) {
        weights[i] *= rescale;
        total += weights[i];
      }
      referenceMillis = newReference;
    }
    return Math.pow(2, (t - referenceMillis) / halfLifeMillis);
  }
}
