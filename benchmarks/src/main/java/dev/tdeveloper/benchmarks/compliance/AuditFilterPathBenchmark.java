package dev.tdeveloper.benchmarks.compliance;

import dev.tdeveloper.compliance.audit.AuditEvent;
import dev.tdeveloper.compliance.audit.AuditLogger;
import dev.tdeveloper.compliance.audit.AuditOutcome;
import dev.tdeveloper.compliance.audit.AuditReceipt;
import dev.tdeveloper.compliance.audit.Durability;
import dev.tdeveloper.compliance.audit.file.FileAuditSink;
import dev.tdeveloper.compliance.audit.integrity.KeyedChain;
import dev.tdeveloper.compliance.privacy.FilePseudonymVault;
import dev.tdeveloper.tenancy.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
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

/**
 * The audit path of one HTTP request as {@code AuditFilter} runs it on the request thread: the
 * event built from the request's fields, then {@link AuditLogger#log} with the demo's settings (a
 * {@link FilePseudonymVault} as pseudonymizer, {@code anonymous} and {@code system} non-personal,
 * the keyed chain, a {@link FileAuditSink} in a temporary directory). The sink runs in {@link
 * Durability#ASYNC} so the writer thread never makes the caller wait for the disk: the score is the
 * caller's cost. {@code anonymousGet} is the demo's common request (the actor is kept, the source
 * IP pseudonymized; {@code anonymousGetSubmitted} the same through {@link AuditLogger#submit}, as
 * the filter logs it), {@code userPut} a tenant user's (the actor pseudonymized too), {@code
 * buildOnly} the event alone. Run with {@code -prof gc}; the pseudonyms are created in the set-up,
 * so the vault only looks them up.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class AuditFilterPathBenchmark {
  private static final TenantId TENANT = TenantId.of("acme");
  private static final String IP = "203.0.113.7";

  private Path directory;
  private FilePseudonymVault vault;
  private AuditLogger logger;
  private final Instant at = Instant.parse("2026-12-07T03:00:00Z");

  /** Opens a fresh vault and log per iteration. */
  @Setup(Level.Iteration)
  public void open() throws IOException {
    directory = Files.createTempDirectory("audit-filter-bench");
    vault = FilePseudonymVault.open(directory.resolve("vault"));
    byte[] key = new byte[32];
    key[0] = 7;
    logger =
        AuditLogger.builder()
            .sink(FileAuditSink.builder(directory.resolve("log")).open())
            .durability(Durability.ASYNC)
            .keyedChain(KeyedChain.withKey(key))
            .pseudonymizer(vault)
            .nonPersonalActors("anonymous", "system")
            .queueCapacity(65_536)
            .offerTimeout(Duration.ofSeconds(30))
            .build();
    logger.logAndWait(event("http.put", "user-4711", "201")); // creates both pseudonyms
  }

  /** Closes the log and the vault and deletes their files. */
  @TearDown(Level.Iteration)
  public void close() throws IOException {
    logger.close();
    vault.close();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  private AuditEvent event(String action, String actor, String status) {
    return AuditEvent.builder(action, at)
        .resource("/notes/42")
        .outcome(AuditOutcome.SUCCESS)
        .actor(actor)
        .requestId("8f14e45fceea167a5a36dedd4bea2543")
        .detail("method", action.equals("http.get") ? "GET" : "PUT")
        .detail("status", status)
        .tenant(TENANT)
        .sourceIp(IP)
        .build();
  }

  @Benchmark
  public AuditEvent buildOnly() {
    return event("http.get", "anonymous", "200");
  }

  @Benchmark
  public AuditReceipt anonymousGet() {
    return logger.log(event("http.get", "anonymous", "200"));
  }

  /** {@code anonymousGet} as the filter now logs it: encoding and leaf hash on the writer. */
  @Benchmark
  public long anonymousGetSubmitted() {
    return logger.submit(event("http.get", "anonymous", "200"));
  }

  @Benchmark
  public AuditReceipt userPut() {
    return logger.log(event("http.put", "user-4711", "201"));
  }
}
