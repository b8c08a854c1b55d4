package dev.tdeveloper.benchmarks.compliance;

import dev.tdeveloper.compliance.privacy.FilePseudonymVault;
import dev.tdeveloper.tenancy.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The durable pseudonym vault storing first-seen values, each forced to disk before it is returned:
 * on one thread (a force per value) and on eight at once (the audit logger's request threads),
 * where forces off the vault's lock can cover several values each. A fresh vault per iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PseudonymVaultBenchmark {
  private static final Optional<TenantId> TENANT = Optional.of(TenantId.of("bench"));

  private final AtomicLong next = new AtomicLong();
  private Path directory;
  private FilePseudonymVault vault;

  @Setup(Level.Iteration)
  public void setUp() throws IOException {
    directory = Files.createTempDirectory("vault-bench");
    vault = FilePseudonymVault.open(directory);
  }

  @TearDown(Level.Iteration)
  public void tearDown() throws IOException {
    vault.close();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  @Benchmark
  public String tdeveloperFirstSeen() {
    return vault.pseudonymize(TENANT, "user-" + next.incrementAndGet() + "@example.com");
  }

  @Benchmark
  @Threads(8)
  public String tdeveloperFirstSeenEightThreads() {
    return vault.pseudonymize(TENANT, "user-" + next.incrementAndGet() + "@example.com");
  }
}
