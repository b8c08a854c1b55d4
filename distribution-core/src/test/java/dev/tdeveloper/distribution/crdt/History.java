package dev.tdeveloper.distribution.crdt;

import dev.tdeveloper.distribution.region.RegionId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The operations a random run made, each with what its replica had seen when it made it (the ids of
 * the operations whose deltas or states it had merged), for the "nothing lost" checks.
 */
final class History {
  /** One operation: its kind (type-specific), key or element, value and the ids seen before it. */
  record Op(int id, RegionId replica, String kind, String key, long value, Set<Integer> seen) {}

  final List<Op> ops = new ArrayList<>();
  final List<Set<Integer>> seen = new ArrayList<>();
  private int current;

  History(int replicas) {
    for (int i = 0; i < replicas; i++) {
      seen.add(new HashSet<>());
    }
  }

  /** Sets which replica the next recorded operations belong to. */
  void acting(int replica) {
    current = replica;
  }

  Op record(RegionId replica, String kind, String key, long value) {
    Op op = new Op(ops.size(), replica, kind, key, value, Set.copyOf(seen.get(current)));
    ops.add(op);
    seen.get(current).add(op.id());
    return op;
  }

  /** The last operation on {@code key}, by id. */
  Op last(String key) {
    Op out = null;
    for (Op op : ops) {
      if (op.key().equals(key)) {
        out = op;
      }
    }
    return out;
  }

  long sum(String kind) {
    return ops.stream().filter(o -> o.kind().equals(kind)).mapToLong(Op::value).sum();
  }

  Set<String> keys() {
    Set<String> out = new HashSet<>();
    ops.forEach(o -> out.add(o.key()));
    return out;
  }
}
