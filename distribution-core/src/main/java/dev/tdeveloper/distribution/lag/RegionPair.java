package dev.tdeveloper.distribution.lag;

import dev.tdeveloper.distribution.region.RegionId;
import java.util.Comparator;

/** A directed (origin, receiver) pair of regions, ordered by origin then receiver. */
record RegionPair(RegionId origin, RegionId receiver) implements Comparable<RegionPair> {
  private static final Comparator<RegionPair> ORDER =
      Comparator.comparing(RegionPair::origin).thenComparing(RegionPair::receiver);

  @Override
  public int compareTo(RegionPair other) {
    return ORDER.compare(this, other);
  }
}
