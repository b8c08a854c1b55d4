package dev.tdeveloper.benchmarks.compliance;

import dev.tdeveloper.compliance.audit.integrity.ConsistencyProof;
import dev.tdeveloper.compliance.audit.integrity.InclusionProof;
import dev.tdeveloper.compliance.audit.integrity.MerkleHashes;
import dev.tdeveloper.compliance.audit.integrity.MerkleTree;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Inclusion and consistency proofs on an in-memory audit Merkle tree of {@code keys} leaves (10
 * million when measuring; the parameter is named {@code keys} so that {@code BenchmarksSmokeTest}'s
 * override shrinks the tree in its smoke run). The tree is built once per trial; each operation
 * proves a random leaf in the whole tree, or the consistency of two random sizes. Goal: at most 50
 * µs each.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class AuditProofBenchmark {
  /** Number of leaves in the tree. */
  @Param({"10000000"})
  public int keys;

  private MerkleTree tree;
  private SplittableRandom random;

  @Setup(Level.Trial)
  public void setUp() {
    tree = MerkleTree.inMemory();
    ByteBuffer entry = ByteBuffer.allocate(8);
    for (long i = 0; i < keys; i++) {
      tree.append(MerkleHashes.leaf(entry.putLong(0, i).array()));
    }
    random = new SplittableRandom(6962);
  }

  /** Builds the inclusion proof of a random leaf in the whole tree. */
  @Benchmark
  public InclusionProof tdeveloperInclusionProof() {
    return tree.inclusionProof(random.nextLong(keys), keys);
  }

  /** Builds the consistency proof between a random earlier size and a random later size. */
  @Benchmark
  public ConsistencyProof tdeveloperConsistencyProof() {
    long a = 1 + random.nextLong(keys);
    long b = 1 + random.nextLong(keys);
    return tree.consistencyProof(Math.min(a, b), Math.max(a, b));
  }
}
