package dev.tdeveloper.benchmarks.aws;

import dev.tdeveloper.aws.testkit.json.LocalAwsJsonServer;
import dev.tdeveloper.backend.aws.kms.KmsKeyManager;
import dev.tdeveloper.security.crypto.EnvelopeEncryptor;
import dev.tdeveloper.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Envelope encryption ({@link EnvelopeEncryptor}, AES-256-GCM) of one message with its key
 * encryption key in KMS ({@link KmsKeyManager}, a KMS key per tenant version) reached over HTTP on
 * loopback: aws-testkit's {@link LocalAwsJsonServer}, driven through the real SDK client (signing,
 * marshalling, its retry strategy), so the KMS call costs a local round trip and no network.
 *
 * <p>{@code tdeveloperCachedDataKey} is the default: a data key wrapped once by KMS serves up to
 * 2^24 encryptions or an hour. {@code kmsCallPerEncryption} is the same encryptor with {@code
 * dataKeyMaximumUses(1)}: every encryption makes a data key and wraps it with a KMS {@code
 * Encrypt}, what an application calling KMS per record pays. Teardown prints the KMS {@code
 * Encrypt} calls per operation of each, so the figure says what it measured. Against AWS KMS the
 * call costs a network round trip (milliseconds) and a request against the account's shared quota,
 * so the ratio here is a floor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class KmsEnvelopeBenchmark {
  private static final TenantId TENANT = TenantId.of("acme");
  private static final byte[] CONTEXT = "orders/42".getBytes(StandardCharsets.UTF_8);
  private static final String ENCRYPT = "TrentService.Encrypt";

  /** Plaintext bytes. */
  @Param("1024")
  public int size;

  private LocalAwsJsonServer server;
  private KmsClient kms;
  private KmsKeyManager keys;
  private EnvelopeEncryptor cached;
  private EnvelopeEncryptor perCall;
  private byte[] plaintext;
  private long encryptCallsBefore;
  private long operations;
  private String benchmark;

  /** Starts the KMS double, gives the tenant its first key version and builds both encryptors. */
  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    server = LocalAwsJsonServer.start();
    kms =
        KmsClient.builder()
            .endpointOverride(server.endpoint())
            .region(Region.of(LocalAwsJsonServer.REGION))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("AKIABENCHMARK", "benchmark-secret-key")))
            .build();
    keys = KmsKeyManager.builder(kms).keyPerTenant("bench").build();
    keys.rotate(TENANT);
    cached = EnvelopeEncryptor.builder(keys).build();
    perCall = EnvelopeEncryptor.builder(keys).dataKeyMaximumUses(1).build();
    plaintext = new byte[size];
    new SplittableRandom(42).nextBytes(plaintext);
    benchmark = params.getBenchmark();
    encryptCallsBefore = server.requests(ENCRYPT);
  }

  /** Prints the KMS {@code Encrypt} calls per operation, then stops everything. */
  @TearDown(Level.Trial)
  public void tearDown() {
    long calls = server.requests(ENCRYPT) - encryptCallsBefore;
    System.out.printf(
        "%n%s: %d operations, %d KMS Encrypt calls (%.6f per operation)%n",
        benchmark.substring(benchmark.lastIndexOf('.') + 1),
        operations,
        calls,
        operations == 0 ? 0.0 : (double) calls / operations);
    keys.close();
    kms.close();
    server.close();
  }

  /** Encryption with the cached data key (the default encryptor). */
  @Benchmark
  public byte[] tdeveloperCachedDataKey() {
    operations++;
    return cached.encrypt(TENANT, plaintext, CONTEXT);
  }

  /** Encryption with a new data key wrapped by a KMS {@code Encrypt} every time. */
  @Benchmark
  public byte[] kmsCallPerEncryption() {
    operations++;
    return perCall.encrypt(TENANT, plaintext, CONTEXT);
  }
}
