package dev.tdeveloper.scaling.predictive;

import java.util.ArrayDeque;
import java.util.Optional;

/**
 * The rolling window of (forecast, actual) mean-load pairs behind {@link ForecastError}. Not
 * thread-safe: its owner synchronizes.
 */
final class ErrorTracker {
  private record Pair(long bucket, double forecast, double actual) {}

  private final long windowBuckets;
  private final int minPairs;
  private final ArrayDeque<Pair> pairs = new ArrayDeque<>();
  private long lastEvaluated = Long.MIN_VALUE;

  ErrorTracker(long windowBuckets, int minPairs) {
    this.windowBuckets = windowBuckets;
    this.minPairs = minPairs;
  }

  /** Whether a bucket was already paired (each bucket is paired at most once). */
  boolean evaluated(long bucket) {
    return bucket <= lastEvaluated;
  }

  void add(long bucket, double forecast, double actual) {
    pairs.addLast(new Pair(bucket, forecast, actual));
    lastEvaluated = Math.max(lastEvaluated, bucket);
    while (!pairs.isEmpty() && pairs.peekFirst().bucket() <= bucket - windowBuckets) {
      pairs.removeFirst();
    }
  }

  void skipTo(long bucket) {
    lastEvaluated = Math.max(lastEvaluated, bucket);
  }

  long lastEvaluated() {
    return lastEvaluated;
  }

  Optional<ForecastError> error() {
    double ape = 0;
    double ae = 0;
    int zeros = 0;
    for (Pair p : pairs) {
      double err = Math.abs(p.forecast() - p.actual());
      ae += err;
      if (p.actual() > 0) {
        ape += err / p.actual();
      } else {
        zeros++;
      }
    }
    int n = pairs.size();
    if (n - zeros < minPairs) {
      return Optional.empty();
    }
    return Optional.of(new ForecastError(ape / (n - zeros), ae / n, n, zeros));
  }
}
