package dev.tdeveloper.distribution.crdt;

import dev.tdeveloper.distribution.region.RegionId;
import java.util.Objects;

/**
 * One event of one replica: the {@code counter}-th update that {@code replica} made. Dots tag the
 * elements of {@link OrSet}, the values of {@link MvRegister} and the entries of {@link OrMap}, so
 * that a remove can name exactly the updates it has observed.
 *
 * <p>Immutable and thread-safe; ordered by replica, then counter.
 *
 * @param replica the region that made the update
 * @param counter its position in that region's updates, 1 or more
 */
public record Dot(RegionId replica, long counter) implements Comparable<Dot> {
  /**
   * Validates the dot.
   *
   * @throws IllegalArgumentException if {@code counter} is below 1
   */
  public Dot {
    Objects.requireNonNull(replica, "replica");
    if (counter < 1) {
      throw new IllegalArgumentException(
          "dot counter " + counter + " of " + replica + " is invalid; allowed: 1+");
    }
  }

  @Override
  public int compareTo(Dot other) {
    int c = replica.compareTo(other.replica);
    return c != 0 ? c : Long.compare(counter, other.counter);
  }

  @Override
  public String toString() {
    return replica + ":" + counter;
  }
}
