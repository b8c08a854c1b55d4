package dev.tdeveloper.distribution.replication;

import dev.tdeveloper.distribution.crdt.CrdtCodec;
import dev.tdeveloper.distribution.crdt.LwwRegister;
import dev.tdeveloper.distribution.crdt.MvRegister;
import dev.tdeveloper.distribution.crdt.OrSet;
import dev.tdeveloper.distribution.crdt.PNCounter;
import dev.tdeveloper.distribution.crdt.ValueCodec;
import dev.tdeveloper.tenancy.TenantId;

/**
 * One replicated topic of a {@link ReplicationSimulator} workload: a tenant's counter, set, LWW
 * register or MV register, and its index in the simulator's tables.
 */
record SimulatedTopic(String name, TenantId tenant, Kind kind, int index) {

  /** The CRDT behind a topic, and the suffix of its name. */
  enum Kind {
    COUNTER("hits"),
    SET("tags"),
    LWW("owner"),
    MV("status");

    final String suffix;

    Kind(String suffix) {
      this.suffix = suffix;
    }
  }

  /** Returns an empty replica of this topic's CRDT with its codec. */
  SimulatedReplica<?> emptyReplica() {
    return switch (kind) {
      case COUNTER -> new SimulatedReplica<>(PNCounter.empty(), CrdtCodec.pnCounter());
      case SET ->
          new SimulatedReplica<>(OrSet.<String>empty(), CrdtCodec.orSet(ValueCodec.string()));
      case LWW ->
          new SimulatedReplica<>(
              LwwRegister.<String>empty(), CrdtCodec.lwwRegister(ValueCodec.string()));
      case MV ->
          new SimulatedReplica<>(
              MvRegister.<String>empty(), CrdtCodec.mvRegister(ValueCodec.string()));
    };
  }
}
