package dev.tdeveloper.benchmarks.compliance;

import dev.tdeveloper.compliance.audit.integrity.KeyedChain;
import dev.tdeveloper.compliance.audit.integrity.MerkleHashes;
import dev.tdeveloper.compliance.audit.integrity.MerkleTree;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * In-memory chaining of one audit event, all on the same canonical-looking JSON event bytes (about
 * 340 bytes, printed at setup): {@code sha256Baseline} is a raw SHA-256 of the bytes, the floor;
 * {@code tdeveloperLeafOnly} is the RFC 6962 leaf hash alone; {@code tdeveloperLeafAndAppend}
 * computes the RFC 6962 leaf hash and appends it to the Merkle tree (one node hash per leaf on
 * average); {@code tdeveloperLeafAppendAndChain} adds the keyed HMAC chain. The issue asks for
 * chaining throughput as a fraction of raw SHA-256 speed. The tree starts again every {@value
 * #TREE_LIMIT} leaves so that a long run does not fill the heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class AuditChainBenchmark {
  static final int TREE_LIMIT = 1 << 20;

  private static final String EVENT =
      "{\"action\":\"tenant.user.role.grant\",\"actor\":\"user:7f3c2a9e-1b4d-4c8e-9a61-2d5f0e8b7c13\","
          + "\"details\":{\"role\":\"billing-admin\",\"via\":\"admin-console\"},"
          + "\"id\":\"01J9Z3K4W8M2N5P7Q9R1S3T5V7\",\"outcome\":\"SUCCESS\","
          + "\"requestId\":\"req-5b2e8f1a9c3d\",\"resource\":\"tenant:acme/user:4821\","
          + "\"sourceIp\":\"203.0.113.42\",\"tenant\":\"acme\",\"time\":\"2026-03-14T09:26:53.589Z\"}";

  private byte[] event;
  private MessageDigest sha256;
  private MerkleTree tree;
  private KeyedChain chain;
  private byte[] chainValue;

  @Setup
  public void setUp() throws NoSuchAlgorithmException {
    event = EVENT.getBytes(StandardCharsets.UTF_8);
    sha256 = MessageDigest.getInstance("SHA-256");
    tree = MerkleTree.inMemory();
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (i * 37 + 11);
    }
    chain = KeyedChain.withKey(key);
    chainValue = KeyedChain.start();
    System.out.printf("%naudit event: %d bytes%n", event.length);
  }

  /** Raw SHA-256 of the event bytes: the floor. */
  @Benchmark
  public byte[] sha256Baseline() {
    return sha256.digest(event);
  }

  /** Leaf hash of the event alone: one byte more than the floor, the part no tree can avoid. */
  @Benchmark
  public byte[] tdeveloperLeafOnly() {
    return MerkleHashes.leaf(event);
  }

  /** Leaf hash of the event plus its append to the Merkle tree. */
  @Benchmark
  public long tdeveloperLeafAndAppend() {
    return append(MerkleHashes.leaf(event));
  }

  /** Leaf hash, tree append and the keyed-chain value after the entry. */
  @Benchmark
  public byte[] tdeveloperLeafAppendAndChain() {
    byte[] leaf = MerkleHashes.leaf(event);
    long index = append(leaf);
    chainValue = chain.next(chainValue, index, leaf);
    return chainValue;
  }

  private long append(byte[] leaf) {
    if (tree.size() == TREE_LIMIT) {
      tree = MerkleTree.inMemory();
    }
    return tree.append(leaf);
  }
}
