package dev.tdeveloper.distribution.replication;

import dev.tdeveloper.distribution.crdt.CrdtCodec;
import dev.tdeveloper.distribution.crdt.DeltaCrdt;
import java.util.Optional;

/** One region's replica of one simulated topic: its state, shipped as encoded deltas. */
final class SimulatedReplica<C extends DeltaCrdt<C>> {
  C state;
  final CrdtCodec<C> codec;

  SimulatedReplica(C empty, CrdtCodec<C> codec) {
    this.state = empty;
    this.codec = codec;
  }

  /** Returns the encoded pending delta, if any, and clears it. */
  Optional<byte[]> flush() {
    Optional<C> delta = state.delta();
    if (delta.isEmpty()) {
      return Optional.empty();
    }
    state = state.resetDelta();
    return Optional.of(codec.encode(delta.orElseThrow()));
  }

  void apply(byte[] payload) {
    state = state.merge(codec.decode(payload));
  }
}
