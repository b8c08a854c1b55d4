package dev.tdeveloper.benchmarks.waf;

import dev.tdeveloper.security.waf.engine.MutableCollection;
import dev.tdeveloper.security.waf.engine.PersistentCollections;
import dev.tdeveloper.tenancy.time.Ticker;
import java.util.Optional;
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
 * The WAF's persistent collections ({@code initcol:ip=...}) as CRS uses them, with every thread on
 * <b>one record</b>: the shape of a load test from one address and User-Agent, or of a deployment
 * behind a proxy or NAT (few client addresses, many requests). Per operation one transaction's
 * share: {@code initcol} (a view of the record) and the reads CRS 3.3.4 makes at paranoia level 1
 * ({@code IP:REPUT_BLOCK_FLAG} and {@code IP:PREVIOUS_RBL_CHECK}, both absent), plus in {@link
 * #readAndCount} the {@code ip.dos_counter=+1} of CRS 912's DoS protection (a read and a write).
 *
 * <ul>
 *   <li>{@link #readAbsentRecord}: the record was never written (CRS at PL1 without DoS protection
 *       or RBL writes none: the demo's case);
 *   <li>{@link #readRecord}: the record exists (written once at setup);
 *   <li>{@link #readAndCount}: the record is written by every transaction.
 * </ul>
 *
 * <p>Two threads by default ({@code -t 1} for the uncontended figure); the real {@link
 * Ticker#system()} drives expiry, as in production.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(2)
public class PersistentRecordBenchmark {
  private static final String TENANT = "lt-001";
  private static final String KEY = "127.0.0.1_2f0c8b6a1e0d4f3c9b7a6e5d4c3b2a1f0e9d8c7b";
  private static final String ABSENT = "192.0.2.1_2f0c8b6a1e0d4f3c9b7a6e5d4c3b2a1f0e9d8c7b";

  private PersistentCollections store;

  @Setup
  public void setUp() {
    store = PersistentCollections.inMemory(Ticker.system());
    store.open(TENANT, "IP", KEY).set("dos_counter", "0");
  }

  /** {@code initcol} and two reads of a record nobody wrote. */
  @Benchmark
  public boolean readAbsentRecord() {
    return reads(store.open(TENANT, "IP", ABSENT));
  }

  /** {@code initcol} and two reads of an existing record (both keys absent from it). */
  @Benchmark
  public boolean readRecord() {
    return reads(store.open(TENANT, "IP", KEY));
  }

  /** {@code initcol}, two reads and {@code setvar:ip.dos_counter=+1}. */
  @Benchmark
  public boolean readAndCount() {
    MutableCollection ip = store.open(TENANT, "IP", KEY);
    boolean none = reads(ip);
    Optional<String> counter = ip.get("dos_counter");
    long next = counter.isEmpty() ? 1 : Long.parseLong(counter.get()) + 1;
    ip.set("dos_counter", Long.toString(next));
    return none;
  }

  private static boolean reads(MutableCollection ip) {
    return ip.get("reput_block_flag").isEmpty() & ip.get("previous_rbl_check").isEmpty();
  }
}
