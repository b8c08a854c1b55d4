package dev.tdeveloper.scaling.vertical;

/**
 * Bucket boundaries growing geometrically, as the VPA's exponential histogram options: bucket 0 is
 * {@code [0, first)}, each next bucket is {@code ratio} times wider, and the last one is unbounded
 * above. Bucket {@code n} starts at {@code first * (ratio^n - 1) / (ratio - 1)}.
 */
record ExponentialBuckets(double maxValue, double firstBucketSize, double ratio) {
  ExponentialBuckets {
    if (!(firstBucketSize > 0) || !Double.isFinite(firstBucketSize)) {
      throw new IllegalArgumentException(
          "firstBucketSize: " + firstBucketSize + "; allowed: a finite value > 0");
    }
    if (!(maxValue >= firstBucketSize) || !Double.isFinite(maxValue)) {
      throw new IllegalArgumentException(
          "maxValue: "
              + maxValue
              + "; allowed: a finite value >= firstBucketSize "
              + firstBucketSize);
    }
    if (!(ratio > 1) || !Double.isFinite(ratio)) {
      throw new IllegalArgumentException("ratio: " + ratio + "; allowed: a finite value > 1");
    }
  }

  int count() {
    return (int) Math.ceil(Math.log(maxValue * (ratio - 1) / firstBucketSize + 1) / Math.log(ratio))
        + 1;
  }

  int find(double value) {
    if (value < firstBucketSize) {
      return 0;
    }
    int bucket = (int) (Math.log(value * (ratio - 1) / firstBucketSize + 1) / Math.log(ratio));
    // The logarithm may land a hair below an exact boundary; the bucket starts are the truth.
    if (bucket + 1 < count() && start(bucket + 1) <= value) {
      bucket++;
    }
    return Math.min(bucket, count() - 1);
  }

  double start(int bucket) {
    return bucket == 0 ? 0.0 : firstBucketSize * (Math.pow(ratio, bucket) - 1) / (ratio - 1);
  }
}
