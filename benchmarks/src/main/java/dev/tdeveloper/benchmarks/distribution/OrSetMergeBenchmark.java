package dev.tdeveloper.benchmarks.distribution;

import dev.tdeveloper.distribution.crdt.CrdtCodec;
import dev.tdeveloper.distribution.crdt.Dot;
import dev.tdeveloper.distribution.crdt.OrSet;
import dev.tdeveloper.distribution.crdt.OrSetReplica;
import dev.tdeveloper.distribution.crdt.ValueCodec;
import dev.tdeveloper.distribution.region.RegionId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Merging two {@link OrSet} replicas of {@code elements} elements each (10,000 by default) that
 * share half their history: both start from the same {@code elements / 2} synced elements, then
 * concurrently each removes a tenth of the shared ones, adds {@code elements / 2} of its own, and a
 * fifth of those names are added by both (two dots to keep). {@code merge} is the full-state join;
 * {@code mergeDeltaOfTenAdds} joins a delta of 10 adds into a replica, the cost a replica pays per
 * received change; {@code hashMapUnionFloor} copies one replica's element map and puts the other's
 * in, what any merge must at least do. {@code replicaJoinDeltaOfTenAdds} and {@code replicaAdd} do
 * the same on an {@link OrSetReplica} (changed in place) holding the same state, against {@code
 * add} on the immutable set.
 *
 * <p>Run {@link #main} (or read the trial setup's output) for the encoded sizes: a delta of 10 adds
 * against the full state, binary and JSON, for the README.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class OrSetMergeBenchmark {
  private static final RegionId EU = RegionId.of("eu-west-1");
  private static final RegionId US = RegionId.of("us-east-1");
  private static final CrdtCodec<OrSet<String>> CODEC = CrdtCodec.orSet(ValueCodec.string());

  /** The elements of each replica. */
  @Param("10000")
  public int elements;

  private OrSet<String> eu;
  private OrSet<String> us;
  private OrSet<String> tenAdds;
  private Map<String, Set<Dot>> euMap;
  private Map<String, Set<Dot>> usMap;
  private OrSetReplica<String> usReplica;
  private int next;

  /** The two replicas and a 10-add delta, as the class comment describes. */
  static final class Replicas {
    final OrSet<String> eu;
    final OrSet<String> us;
    final OrSet<String> tenAdds;

    Replicas(int elements) {
      int shared = elements / 2;
      OrSet<String> base = OrSet.empty();
      for (int i = 0; i < shared; i++) {
        base = base.add(i % 2 == 0 ? EU : US, "element-" + i);
      }
      base = base.resetDelta();
      OrSet<String> a = base;
      OrSet<String> b = base;
      for (int i = 0; i < shared / 10; i++) {
        a = a.remove("element-" + (i * 10));
        b = b.remove("element-" + (i * 10 + 5));
      }
      int own = elements - shared + shared / 10;
      for (int i = 0; i < own; i++) {
        boolean both = i % 5 == 0;
        a = a.add(EU, both ? "both-" + i : "eu-" + i);
        b = b.add(US, both ? "both-" + i : "us-" + i);
      }
      eu = a.resetDelta();
      us = b.resetDelta();
      OrSet<String> c = eu;
      for (int i = 0; i < 10; i++) {
        c = c.add(EU, "new-" + i);
      }
      tenAdds = c.delta().orElseThrow();
    }
  }

  /** Builds the replicas, checks the merge, and prints the encoded sizes. */
  @Setup(Level.Trial)
  public void setUp() {
    Replicas r = new Replicas(elements);
    eu = r.eu;
    us = r.us;
    tenAdds = r.tenAdds;
    euMap = eu.entries();
    usReplica = new OrSetReplica<>();
    usReplica.join(us);
    if (!usReplica.snapshot().equals(us)) {
      throw new IllegalStateException("the replica does not hold the state it joined");
    }
    usMap = us.entries();
    OrSet<String> merged = eu.merge(us);
    if (!merged.equals(us.merge(eu)) || merged.size() < elements) {
      throw new IllegalStateException("merge is wrong: " + merged.size() + " elements");
    }
    System.out.println(sizes(r));
  }

  /**
   * Returns the encoded sizes of the full state and of a delta of 10 adds.
   *
   * @param r the replicas
   * @return one line per measure
   */
  static String sizes(Replicas r) {
    return String.format(
        "OrSet with %,d elements: full state %,d bytes binary, %,d bytes JSON;"
            + " delta of 10 adds %,d bytes binary, %,d bytes JSON",
        r.eu.size(),
        CODEC.encode(r.eu).length,
        CODEC.toJson(r.eu).length(),
        CODEC.encode(r.tenAdds).length,
        CODEC.toJson(r.tenAdds).length());
  }

  /** Full-state merge of two 10,000-element replicas. */
  @Benchmark
  public OrSet<String> tdeveloperMerge() {
    return eu.merge(us);
  }

  /** Merge of a 10-add delta into a 10,000-element replica. */
  @Benchmark
  public OrSet<String> tdeveloperMergeDeltaOfTenAdds() {
    return us.merge(tenAdds);
  }

  /** Join of the same 10-add delta into an in-place replica of the 10,000-element state. */
  @Benchmark
  public OrSetReplica<String> tdeveloperReplicaJoinDeltaOfTenAdds() {
    usReplica.join(tenAdds);
    return usReplica;
  }

  /** One add (of one of 16 names, so the replica keeps its size) to the in-place replica. */
  @Benchmark
  public OrSet<String> tdeveloperReplicaAdd() {
    return usReplica.add(US, "added-" + (next++ & 15));
  }

  /** One add to the immutable 10,000-element set: a copy of its element map. */
  @Benchmark
  public OrSet<String> tdeveloperAdd() {
    return us.add(US, "added-" + (next++ & 15));
  }

  /** The floor: copy one replica's element map and put the other's in. */
  @Benchmark
  public Map<String, Set<Dot>> hashMapUnionFloor() {
    Map<String, Set<Dot>> out = new HashMap<>(euMap);
    out.putAll(usMap);
    return out;
  }

  /**
   * Prints the encoded sizes for 10,000 elements.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    System.out.println(sizes(new Replicas(10_000)));
  }
}
