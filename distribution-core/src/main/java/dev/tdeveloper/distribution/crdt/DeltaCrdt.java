package dev.tdeveloper.distribution.crdt;

import java.util.Optional;

/**
 * A {@link Crdt} whose mutators also record a delta: a small state holding only what the mutations
 * since the last {@link #resetDelta()} changed. Shipping deltas instead of full states is what
 * makes replication cheap; merging the deltas in any order, any number of times, gives the same
 * state as merging the full states (Almeida, Shoker and Baquero, "Delta State Replicated Data
 * Types").
 *
 * <p>The delta is not part of a state's {@code equals}: two replicas holding the same updates are
 * equal whatever they have yet to ship. {@link #merge} keeps this state's delta (what a replica
 * receives is not its own to ship again).
 *
 * <p>Implementations are immutable and thread-safe.
 *
 * @param <C> the concrete type
 */
public interface DeltaCrdt<C extends DeltaCrdt<C>> extends Crdt<C> {
  /**
   * Returns the join of the deltas of every mutation since the last {@link #resetDelta()}.
   *
   * @return the delta, empty when nothing changed
   */
  Optional<C> delta();

  /**
   * Returns this state without a delta, once the delta has been shipped.
   *
   * @return the same state with an empty {@link #delta()}
   */
  C resetDelta();
}
