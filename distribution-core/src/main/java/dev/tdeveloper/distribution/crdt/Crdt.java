package dev.tdeveloper.distribution.crdt;

/**
 * A state-based conflict-free replicated data type: an immutable value whose {@link #merge} is
 * commutative, associative and idempotent, so replicas that have seen the same updates, in any
 * order and any number of times, hold equal values.
 *
 * @param <C> the concrete type
 */
public interface Crdt<C extends Crdt<C>> {
  /**
   * Returns the join of this state and {@code other}.
   *
   * @param other another replica's state or a delta
   * @return the merged state
   */
  C merge(C other);
}
