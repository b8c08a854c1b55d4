package dev.tdeveloper.benchmarks.aws;

import dev.tdeveloper.aws.testkit.s3.LocalS3Mock;
import dev.tdeveloper.aws.testkit.s3.LocalS3Server;
import dev.tdeveloper.aws.testkit.s3.LocalS3rver;
import dev.tdeveloper.aws.testkit.s3.S3Clients;
import dev.tdeveloper.backend.aws.s3.S3BackupStore;
import dev.tdeveloper.backend.aws.s3.S3BackupStoreBuilder;
import dev.tdeveloper.benchmarks.dr.MixedTree;
import dev.tdeveloper.dr.backup.BackupEngine;
import dev.tdeveloper.dr.backup.BackupResult;
import dev.tdeveloper.dr.backup.BackupType;
import dev.tdeveloper.dr.crypto.AesGcmChunkCipher;
import dev.tdeveloper.dr.crypto.MasterKey;
import dev.tdeveloper.dr.source.DirectorySource;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.transfer.s3.S3TransferManager;
import software.amazon.awssdk.transfer.s3.model.CompletedDirectoryUpload;
import software.amazon.awssdk.transfer.s3.model.CompletedFileUpload;
import software.amazon.awssdk.transfer.s3.model.UploadDirectoryRequest;

/**
 * Backs a generated {@link MixedTree} up to a local S3 server (Adobe S3Mock) twice, same run, same
 * files: with dr-core's {@link BackupEngine} into an {@link S3BackupStore} (content-defined chunks,
 * zstd level 3, AES-256-GCM, SHA-256 in metadata and {@code x-amz-checksum-sha256}, multipart from
 * 16 MiB in 8 MiB parts, 4 at a time) and with the SDK's {@link S3TransferManager#uploadDirectory}
 * (plain copies, the SDK's Java multipart client with the same threshold and part size, its default
 * concurrency). Then it changes 1% of the tree ({@link MixedTree#changeOnePercent}) and backs up
 * again: ours incrementally, the transfer manager re-uploading the files whose modification time
 * changed (what a sync tool does). Bytes are counted where they leave each SDK client ({@link
 * UploadedBytes}); times are wall clock around each whole operation.
 *
 * <p>Run {@code benchmarks/aws-backup.sh [megabytes]} (1024 by default); the smoke test runs it
 * with a few MiB. {@code -D}{@value #IO_CONCURRENCY}{@code =n} sets the store's {@link
 * dev.tdeveloper.backend.aws.s3.S3BackupStoreBuilder#ioConcurrency} (its default otherwise). Not
 * thread-safe.
 */
public final class S3BackupComparison {
  private static final BackupScope SCOPE = BackupScope.of(TenantId.of("bench"));
  private static final int PART_SIZE = 8 << 20;
  private static final int MULTIPART_THRESHOLD = 16 << 20;
  private static final long SEED = 42;

  /**
   * How long either client waits for a response's bytes: S3Mock on a loaded machine answered a 1
   * GiB run's puts slower than the SDK's 30 s default, which failed that run after three tries.
   */
  private static final Duration SOCKET_TIMEOUT = Duration.ofMinutes(5);

  /** The system property that overrides the store's I/O concurrency: {@value}. */
  public static final String IO_CONCURRENCY = "tdeveloper.bench.ioConcurrency";

  private final LocalS3Server server;
  private final Path work;
  private int buckets;

  private S3BackupComparison(LocalS3Server server, Path work) {
    this.server = server;
    this.work = work;
  }

  /**
   * Generates a tree of {@code bytes} under {@code work} (replacing what a previous run left), runs
   * the comparison against {@code server} and deletes the tree.
   */
  public static BackupFigures run(LocalS3Server server, Path work, long bytes) throws IOException {
    MixedTree.delete(work);
    try {
      return new S3BackupComparison(server, work).compare(bytes);
    } finally {
      MixedTree.delete(work);
    }
  }

  private BackupFigures compare(long bytes) throws IOException {
    MixedTree tree = MixedTree.generate(work.resolve("tree"), bytes, SEED);
    UploadedBytes ours = new UploadedBytes();
    UploadedBytes peer = new UploadedBytes();
    try (S3Client client =
            S3Clients.syncBuilder(server.endpoint())
                .httpClientBuilder(
                    Apache5HttpClient.builder().socketTimeout(SOCKET_TIMEOUT).maxConnections(64))
                .overrideConfiguration(c -> c.addExecutionInterceptor(ours))
                .build();
        S3AsyncClient async = asyncClient(peer);
        S3TransferManager transfers = S3TransferManager.builder().s3Client(async).build();
        S3BackupStore store = store(client)) {
      BackupEngine engine = engine(store);
      String peerBucket = newBucket();

      long start = System.nanoTime();
      BackupResult full = engine.backup(source(tree), BackupType.FULL, OptionalLong.empty());
      long oursFullNanos = System.nanoTime() - start;
      long oursFullBytes = ours.total();

      start = System.nanoTime();
      uploadAll(transfers, peerBucket, tree.root);
      long peerFullNanos = System.nanoTime() - start;
      long peerFullBytes = peer.total();

      Instant changedAt = Instant.parse("2030-01-01T00:00:00Z");
      long changed = tree.changeOnePercent(changedAt);
      Set<Path> changedFiles = modifiedAt(tree.root, changedAt);

      start = System.nanoTime();
      BackupResult incremental =
          engine.backup(source(tree), BackupType.INCREMENTAL, OptionalLong.empty());
      long oursIncrementalNanos = System.nanoTime() - start;
      long oursIncrementalBytes = ours.total() - oursFullBytes;

      start = System.nanoTime();
      uploadChanged(transfers, peerBucket, tree.root, changedFiles);
      long peerIncrementalNanos = System.nanoTime() - start;
      long peerIncrementalBytes = peer.total() - peerFullBytes;

      return new BackupFigures(
          tree.bytes,
          changed,
          changedFiles.size(),
          new BackupFigures.Side(
              oursFullNanos, oursFullBytes, oursIncrementalNanos, oursIncrementalBytes),
          new BackupFigures.Side(
              peerFullNanos, peerFullBytes, peerIncrementalNanos, peerIncrementalBytes),
          full.bytesWritten(),
          incremental.bytesWritten());
    }
  }

  private S3BackupStore store(S3Client client) {
    S3BackupStoreBuilder builder =
        S3BackupStore.builder()
            .client(client)
            .bucket(newBucket())
            .serverChecksums(server.features().flexibleChecksums())
            // s3rver ignores If-None-Match; the store then guards puts with its key locks only.
            .conditionalWrites(!(server instanceof LocalS3rver))
            .partSize(PART_SIZE)
            .multipartThreshold(MULTIPART_THRESHOLD);
    String io = System.getProperty(IO_CONCURRENCY);
    if (io != null) {
      builder.ioConcurrency(Integer.parseInt(io));
    }
    return builder.build();
  }

  private String newBucket() {
    String bucket = "bench-" + ProcessHandle.current().pid() + "-" + ++buckets;
    server.createBucket(bucket, false);
    return bucket;
  }

  private static BackupEngine engine(S3BackupStore store) {
    byte[] key = new byte[MasterKey.LENGTH];
    key[0] = 42;
    return BackupEngine.builder()
        .store(store)
        .cipher(AesGcmChunkCipher.create(MasterKey.of(key)))
        .parallelism(Runtime.getRuntime().availableProcessors())
        .build();
  }

  private static DirectorySource source(MixedTree tree) {
    return DirectorySource.of("tree", SCOPE, tree.root);
  }

  private S3AsyncClient asyncClient(UploadedBytes counter) {
    return S3AsyncClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.of(S3Clients.REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(S3Clients.ACCESS_KEY_ID, S3Clients.SECRET_ACCESS_KEY)))
        .serviceConfiguration(
            S3Configuration.builder()
                .pathStyleAccessEnabled(true)
                .chunkedEncodingEnabled(false)
                .build())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClientBuilder(
            NettyNioAsyncHttpClient.builder()
                .readTimeout(SOCKET_TIMEOUT)
                .writeTimeout(SOCKET_TIMEOUT))
        .multipartEnabled(true)
        .multipartConfiguration(
            c ->
                c.thresholdInBytes((long) MULTIPART_THRESHOLD)
                    .minimumPartSizeInBytes((long) PART_SIZE))
        .overrideConfiguration(c -> c.addExecutionInterceptor(counter))
        .build();
  }

  /** Uploads the whole tree with {@code uploadDirectory} (keys: paths relative to the root). */
  private static void uploadAll(S3TransferManager transfers, String bucket, Path root) {
    CompletedDirectoryUpload done =
        transfers
            .uploadDirectory(UploadDirectoryRequest.builder().source(root).bucket(bucket).build())
            .completionFuture()
            .join();
    if (!done.failedTransfers().isEmpty()) {
      throw new IllegalStateException(
          done.failedTransfers().size()
              + " files failed to upload, the first: "
              + done.failedTransfers().get(0).exception());
    }
  }

  /**
   * Uploads {@code files} with {@code uploadFile}, all in flight at once, under the keys {@code
   * uploadDirectory} gave them ({@code uploadDirectory} has no filter).
   */
  private static void uploadChanged(
      S3TransferManager transfers, String bucket, Path root, Set<Path> files) {
    List<CompletableFuture<CompletedFileUpload>> uploads = new ArrayList<>();
    for (Path file : files) {
      String key =
          root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
      uploads.add(
          transfers
              .uploadFile(u -> u.source(file).putObjectRequest(p -> p.bucket(bucket).key(key)))
              .completionFuture());
    }
    CompletableFuture.allOf(uploads.toArray(CompletableFuture[]::new)).join();
  }

  private static Set<Path> modifiedAt(Path root, Instant time) throws IOException {
    FileTime at = FileTime.from(time);
    Set<Path> out = new HashSet<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        if (Files.getLastModifiedTime(file).equals(at)) {
          out.add(file);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return out;
  }

  /**
   * Runs the comparison: {@code [megabytes] [work directory] [s3mock|s3rver]}, by default 1024 MiB
   * under {@code benchmarks/target/aws-backup} against S3Mock. Starts its own server and stops it
   * at the end. S3Mock rewrites one metadata file listing every key of a bucket on each put, so its
   * puts slow down as a bucket fills (quadratic over a run of many objects); s3rver keeps one file
   * per object and does not.
   */
  public static void main(String[] args) throws IOException {
    if (args.length > 2 && args[2].equals("s3rver")) {
      long megabytes = Long.parseLong(args[0]);
      try (LocalS3rver s3 = LocalS3rver.startNew()) {
        System.out.println(run(s3, Path.of(args[1]), megabytes << 20).report());
      }
      return;
    }
    if (args.length > 2 && !args[2].equals("s3mock")) {
      throw new IllegalArgumentException("server must be s3mock or s3rver, was " + args[2]);
    }
    long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 1024;
    if (megabytes < 1 || megabytes > 1 << 20) {
      throw new IllegalArgumentException("megabytes must be 1 to 1048576, was " + megabytes);
    }
    Path work = args.length > 1 ? Path.of(args[1]) : Path.of("benchmarks/target/aws-backup");
    // The server gets a full JIT and room to work, so that the clients are what is measured.
    try (LocalS3Mock s3 = LocalS3Mock.startNew(List.of("-Xmx1g", "-XX:+UseParallelGC"))) {
      System.out.println(run(s3, work, megabytes << 20).report());
    }
  }
}
