package dev.tdeveloper.benchmarks.compliance;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import dev.tdeveloper.compliance.audit.AuditEvent;
import dev.tdeveloper.compliance.audit.AuditLogger;
import dev.tdeveloper.compliance.audit.AuditOutcome;
import dev.tdeveloper.compliance.audit.AuditReceipt;
import dev.tdeveloper.compliance.audit.Durability;
import dev.tdeveloper.compliance.audit.file.FileAuditSink;
import dev.tdeveloper.compliance.audit.integrity.KeyedChain;
import dev.tdeveloper.compliance.audit.integrity.MerkleTree;
import dev.tdeveloper.tenancy.TenantId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Appending one audit event, as events per second. {@code tdeveloperGroupCommit} is our logger in
 * {@link Durability#GROUP_COMMIT} on the local {@link FileAuditSink}, with the keyed chain and the
 * Merkle tree fed on the writer thread: {@code log} returns the receipt at once and one {@code
 * fsync} covers each batch. The peer, {@code logbackAsyncJson}, is Logback's {@code AsyncAppender}
 * in front of a {@code FileAppender} with its {@code JsonEncoder}, writing the same fields as
 * key-value pairs: it neither forces anything to the device nor chains anything. It is set up not
 * to drop events ({@code discardingThreshold 0}, blocking when full), as an audit log must, with
 * the same queue capacity as ours; {@code logbackAsyncJsonBuffered} is the same with {@code
 * immediateFlush=false}, Logback's fastest file setup. Run them with {@code -t 1} and {@code -t
 * 16}.
 *
 * <p>{@code tdeveloperSync} waits for each event to be forced to the device on its own; {@code
 * fsyncFloor} is the physical floor for one writer: a 300-byte write and {@code force} per
 * operation on the same disk. Run those two with {@code -t 1}.
 *
 * <p>Each iteration starts a fresh log or file in a temporary directory, so the disk usage of a run
 * stays bounded; every event lands in the page cache at least, so the disk's write rate bounds all.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AuditAppendBenchmark {
  private static final int QUEUE_CAPACITY = 16_384;

  private static AuditEvent event() {
    return AuditEvent.builder("note.write", Instant.parse("2026-12-05T12:00:00Z"))
        .tenant(TenantId.of("acme"))
        .actor("user-4711")
        .resource("notes/42")
        .outcome(AuditOutcome.SUCCESS)
        .sourceIp("203.0.113.7")
        .requestId("req-8f14e45fceea167a")
        .detail("method", "PUT")
        .detail("status", "201")
        .build();
  }

  /** Our logger, keyed and with its Merkle tree, on a fresh file log per iteration. */
  public abstract static class OurLog {
    final AuditEvent event = event();
    Path directory;
    AuditLogger logger;

    abstract Durability durability();

    @Setup(org.openjdk.jmh.annotations.Level.Iteration)
    public void open() throws IOException {
      directory = Files.createTempDirectory("audit-bench");
      MerkleTree tree = MerkleTree.inMemory();
      byte[] key = new byte[32];
      key[0] = 7;
      logger =
          AuditLogger.builder()
              .sink(FileAuditSink.builder(directory).open())
              .durability(durability())
              .keyedChain(KeyedChain.withKey(key))
              .queueCapacity(QUEUE_CAPACITY)
              // Producers wait for the disk when it falls behind, as Logback's blocking queue
              // makes them wait: the steady state is the durable rate, never a refusal.
              .offerTimeout(Duration.ofSeconds(30))
              .leafObserver((sequence, leafHash) -> tree.append(leafHash))
              .build();
    }

    @TearDown(org.openjdk.jmh.annotations.Level.Iteration)
    public void close() throws IOException {
      logger.close();
      deleteTree(directory);
    }
  }

  /** Group commit: one fsync per batch. */
  @State(Scope.Benchmark)
  public static class GroupCommit extends OurLog {
    @Override
    Durability durability() {
      return Durability.GROUP_COMMIT;
    }
  }

  /** Sync: one fsync per event. */
  @State(Scope.Benchmark)
  public static class Sync extends OurLog {
    @Override
    Durability durability() {
      return Durability.SYNC;
    }
  }

  /**
   * Logback 1.5: AsyncAppender, FileAppender, JsonEncoder, on a fresh file per iteration, with the
   * file appender's default {@code immediateFlush} (one {@code write} per event).
   */
  @State(Scope.Benchmark)
  public static class Logback {
    Path directory;
    LoggerContext context;
    Logger logger;

    boolean immediateFlush() {
      return true;
    }

    @Setup(org.openjdk.jmh.annotations.Level.Iteration)
    public void open() throws IOException {
      directory = Files.createTempDirectory("logback-bench");
      context = new LoggerContext();
      JsonEncoder encoder = new JsonEncoder();
      encoder.setContext(context);
      encoder.start();
      FileAppender<ILoggingEvent> file = new FileAppender<>();
      file.setContext(context);
      file.setName("file");
      file.setFile(directory.resolve("audit.json").toString());
      file.setEncoder(encoder);
      file.setImmediateFlush(immediateFlush());
      file.start();
      AsyncAppender async = new AsyncAppender();
      async.setContext(context);
      async.setName("async");
      async.setQueueSize(QUEUE_CAPACITY);
      async.setDiscardingThreshold(0);
      async.setNeverBlock(false);
      async.addAppender(file);
      async.start();
      logger = context.getLogger("audit");
      logger.setAdditive(false);
      logger.setLevel(Level.INFO);
      logger.addAppender(async);
    }

    @TearDown(org.openjdk.jmh.annotations.Level.Iteration)
    public void close() throws IOException {
      context.stop(); // drains the async queue into the file
      deleteTree(directory);
    }
  }

  /** The same with {@code immediateFlush=false}: events buffered, Logback's fastest file setup. */
  @State(Scope.Benchmark)
  public static class LogbackBuffered extends Logback {
    @Override
    boolean immediateFlush() {
      return false;
    }
  }

  /** The disk's own rate: a 300-byte write and force per operation. */
  @State(Scope.Thread)
  public static class Fsync {
    Path file;
    FileChannel channel;
    final ByteBuffer record = ByteBuffer.wrap(new byte[300]);

    @Setup(org.openjdk.jmh.annotations.Level.Iteration)
    public void open() throws IOException {
      file = Files.createTempFile("fsync-floor", ".bin");
      channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    @TearDown(org.openjdk.jmh.annotations.Level.Iteration)
    public void close() throws IOException {
      channel.close();
      Files.deleteIfExists(file);
    }
  }

  @Benchmark
  public AuditReceipt tdeveloperGroupCommit(GroupCommit log) {
    return log.logger.log(log.event);
  }

  @Benchmark
  public AuditReceipt tdeveloperSync(Sync log) {
    return log.logger.logAndWait(log.event);
  }

  @Benchmark
  public void logbackAsyncJson(Logback log) {
    log.logger
        .atInfo()
        .addKeyValue("id", "5b0f4f4e-5a55-4f0c-9d4e-2b5a1c7e9a10")
        .addKeyValue("tenant", "acme")
        .addKeyValue("actor", "user-4711")
        .addKeyValue("resource", "notes/42")
        .addKeyValue("outcome", "SUCCESS")
        .addKeyValue("sourceIp", "203.0.113.7")
        .addKeyValue("requestId", "req-8f14e45fceea167a")
        .addKeyValue("method", "PUT")
        .addKeyValue("status", "201")
        .log("note.write");
  }

  @Benchmark
  public void logbackAsyncJsonBuffered(LogbackBuffered log) {
    logbackAsyncJson(log);
  }

  @Benchmark
  public int fsyncFloor(Fsync disk) throws IOException {
    disk.record.clear();
    int written = disk.channel.write(disk.record);
    disk.channel.force(false);
    return written;
  }

  static void deleteTree(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
