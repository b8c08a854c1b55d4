package dev.tdeveloper.backend.aws.s3;

import dev.tdeveloper.backend.aws.s3.internal.MultipartUpload;
import dev.tdeveloper.backend.aws.s3.internal.Names;
import dev.tdeveloper.backend.aws.s3.internal.ObjectOptions;
import dev.tdeveloper.backend.aws.s3.internal.S3Objects;
import dev.tdeveloper.dr.DrException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Configures an {@link S3BackupStore}. The client and bucket are required; each setting may be
 * given once ({@link IllegalStateException} on a second call). Not thread-safe.
 */
public final class S3BackupStoreBuilder {
  /** The smallest part S3 accepts (except the last): 5 MiB. */
  public static final int MIN_PART_SIZE = 5 * 1024 * 1024;

  /** The part size unless configured: 8 MiB. */
  public static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;

  /** The size from which objects go up as multipart uploads unless configured: 16 MiB. */
  public static final int DEFAULT_MULTIPART_THRESHOLD = 16 * 1024 * 1024;

  /** Parts uploaded at once unless configured: {@value}. */
  public static final int DEFAULT_PART_PARALLELISM = 4;

  /** Chunk requests a backup or restore keeps in flight unless configured: {@value}. */
  public static final int DEFAULT_IO_CONCURRENCY = 16;

  private final Set<String> given = new HashSet<>();
  private S3Client client;
  private String bucket;
  private String rootPrefix = "";
  private int partSize = DEFAULT_PART_SIZE;
  private int multipartThreshold = DEFAULT_MULTIPART_THRESHOLD;
  private int partParallelism = DEFAULT_PART_PARALLELISM;
  private int ioConcurrency = DEFAULT_IO_CONCURRENCY;
  private boolean conditionalWrites = true;
  private Optional<Integer> memoryBudget = Optional.empty();
  private ServerSideEncryption encryption = ServerSideEncryption.none();
  private Optional<ObjectLock> objectLock = Optional.empty();
  private boolean serverChecksums = true;
  private Optional<Duration> apiCallTimeout = Optional.empty();
  private InstantSource clock = InstantSource.system();
  private IntConsumer afterPart = part -> {};
  private boolean closesClient;

  S3BackupStoreBuilder() {}

  private void once(String setting) {
    if (!given.add(setting)) {
      throw new IllegalStateException(setting + " was already set");
    }
  }

  /** Sets the S3 client (required); the store never closes it. */
  public S3BackupStoreBuilder client(S3Client client) {
    once("client");
    this.client = Objects.requireNonNull(client, "client");
    return this;
  }

  /** Sets the bucket (required); it must exist. */
  public S3BackupStoreBuilder bucket(String bucket) {
    once("bucket");
    Names.requireBucket(bucket);
    this.bucket = bucket;
    return this;
  }

  /**
   * Sets the prefix every key starts with (default empty): empty, or characters of A-Z, a-z, 0-9,
   * '.', '_', '-' and '/' ending with '/'. Several stores can share a bucket under distinct,
   * non-nested prefixes.
   */
  public S3BackupStoreBuilder rootPrefix(String rootPrefix) {
    once("rootPrefix");
    this.rootPrefix = Names.requirePrefix("rootPrefix", rootPrefix);
    return this;
  }

  /** Sets the multipart part size in bytes (default 8 MiB; at least 5 MiB). */
  public S3BackupStoreBuilder partSize(int bytes) {
    once("partSize");
    if (bytes < MIN_PART_SIZE) {
      throw new IllegalArgumentException(
          "invalid partSize " + bytes + ": expected at least " + MIN_PART_SIZE + " (5 MiB)");
    }
    this.partSize = bytes;
    return this;
  }

  /** Sets the object size in bytes from which puts are multipart (default 16 MiB). */
  public S3BackupStoreBuilder multipartThreshold(int bytes) {
    once("multipartThreshold");
    if (bytes < 1) {
      throw new IllegalArgumentException("invalid multipartThreshold " + bytes + ": expected > 0");
    }
    this.multipartThreshold = bytes;
    return this;
  }

  /** Sets how many parts go up at once (default 4; 1 to 64). */
  public S3BackupStoreBuilder partParallelism(int parts) {
    once("partParallelism");
    if (parts < 1 || parts > 64) {
      throw new IllegalArgumentException("invalid partParallelism " + parts + ": expected 1 to 64");
    }
    this.partParallelism = parts;
    return this;
  }

  /**
   * Sets how many chunk requests dr-core's backup engine keeps in flight per backup or restore
   * (this store's {@link S3BackupStore#ioConcurrency()}; default {@value #DEFAULT_IO_CONCURRENCY},
   * 1 to 256). Each request waits a network round trip, so more in flight means more throughput, up
   * to the client's connection pool (the SDK's Apache client keeps 50 by default) and the engine's
   * memory: about twice this many chunks are held at once.
   *
   * @throws IllegalArgumentException if {@code requests} is not within 1 and 256
   */
  public S3BackupStoreBuilder ioConcurrency(int requests) {
    once("ioConcurrency");
    if (requests < 1 || requests > 256) {
      throw new IllegalArgumentException(
          "invalid ioConcurrency " + requests + ": expected 1 to 256");
    }
    this.ioConcurrency = requests;
    return this;
  }

  /**
   * Sets whether the server honours {@code If-None-Match: *} on {@code PutObject} (default true:
   * AWS S3 and Adobe S3Mock do). Then a chunk put is one conditional {@code PUT}. With false (for a
   * server that ignores the header, such as s3rver) each put is preceded by a {@code HEAD}: one
   * request more per new chunk, and a put racing another process's may replace its identical chunk.
   */
  public S3BackupStoreBuilder conditionalWrites(boolean honoured) {
    once("conditionalWrites");
    this.conditionalWrites = honoured;
    return this;
  }

  /**
   * Sets the most bytes of multipart parts in flight across all uploads of this store (default part
   * parallelism times part size); at least the part size. A put waits while the budget is spent.
   */
  public S3BackupStoreBuilder memoryBudget(int bytes) {
    once("memoryBudget");
    if (bytes < 1) {
      throw new IllegalArgumentException("invalid memoryBudget " + bytes + ": expected > 0");
    }
    this.memoryBudget = Optional.of(bytes);
    return this;
  }

  /** Sets server-side encryption for every put (default {@link ServerSideEncryption#none()}). */
  public S3BackupStoreBuilder encryption(ServerSideEncryption encryption) {
    once("encryption");
    this.encryption = Objects.requireNonNull(encryption, "encryption");
    return this;
  }

  /** Sets Object Lock retention for every put (default none; the bucket must have Object Lock). */
  public S3BackupStoreBuilder objectLock(ObjectLock objectLock) {
    once("objectLock");
    this.objectLock = Optional.of(Objects.requireNonNull(objectLock, "objectLock"));
    return this;
  }

  /**
   * Sets whether to send and check {@code x-amz-checksum-sha256} (default true; AWS S3 supports it;
   * turn it off for a server that does not). Our own SHA-256 in metadata is checked either way.
   */
  public S3BackupStoreBuilder serverChecksums(boolean serverChecksums) {
    once("serverChecksums");
    this.serverChecksums = serverChecksums;
    return this;
  }

  /** Sets a timeout for each S3 call, its retries included (default: the client's). */
  public S3BackupStoreBuilder apiCallTimeout(Duration timeout) {
    once("apiCallTimeout");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "invalid apiCallTimeout " + timeout + ": expected positive");
    }
    this.apiCallTimeout = Optional.of(timeout);
    return this;
  }

  /** Sets the wall clock Object Lock retention dates are computed from (default system). */
  public S3BackupStoreBuilder clock(InstantSource clock) {
    once("clock");
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Sets a hook hearing each uploaded part's number, for crash tests. */
  S3BackupStoreBuilder afterPart(IntConsumer afterPart) {
    once("afterPart");
    this.afterPart = Objects.requireNonNull(afterPart, "afterPart");
    return this;
  }

  /**
   * Makes the store close the client when it closes: the client {@link S3BackupStoreProvider}
   * built.
   */
  S3BackupStoreBuilder closingClient() {
    once("closingClient");
    this.closesClient = true;
    return this;
  }

  /**
   * Builds the store.
   *
   * @throws IllegalStateException if the client or bucket is missing, the memory budget is below
   *     the part size, or the multipart threshold is below the part size
   */
  public S3BackupStore build() {
    if (client == null || bucket == null) {
      throw new IllegalStateException(
          "an S3BackupStore needs " + (client == null ? "a client" : "a bucket"));
    }
    int budget =
        memoryBudget.orElse((int) Math.min(Integer.MAX_VALUE, (long) partSize * partParallelism));
    if (budget < partSize) {
      throw new IllegalStateException(
          "memoryBudget " + budget + " is below partSize " + partSize + ": no part could go up");
    }
    if (multipartThreshold < partSize) {
      throw new IllegalStateException(
          "multipartThreshold " + multipartThreshold + " is below partSize " + partSize);
    }
    S3Objects objects =
        new S3Objects(
            client,
            bucket,
            new ObjectOptions(encryption, objectLock, serverChecksums, apiCallTimeout, clock),
            new S3Objects.Failures() {
              @Override
              public RuntimeException failed(String what, Throwable cause) {
                return new DrException("cannot " + what, cause);
              }

              @Override
              public RuntimeException corrupt(String bucket, String key, String reason) {
                return new S3ObjectCorruptException(bucket, key, reason);
              }
            });
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            partParallelism,
            task -> {
              Thread thread = new Thread(task, "s3-backup-part-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    MultipartUpload multipart =
        new MultipartUpload(objects, executor, new Semaphore(budget), partSize, afterPart);
    return new S3BackupStore(
        client,
        rootPrefix,
        objects,
        multipart,
        executor,
        multipartThreshold,
        ioConcurrency,
        conditionalWrites,
        closesClient);
  }
}
