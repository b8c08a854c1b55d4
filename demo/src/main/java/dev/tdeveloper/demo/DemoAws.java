package dev.tdeveloper.demo;

import dev.tdeveloper.backend.aws.kms.KmsKeyManager;
import dev.tdeveloper.backend.aws.kms.KmsKeyManagerBuilder;
import dev.tdeveloper.backend.aws.s3.S3BackupStore;
import dev.tdeveloper.dr.spi.BackupStore;
import dev.tdeveloper.security.secrets.LocalSecretStore;
import dev.tdeveloper.security.secrets.LocalSecretStoreBuilder;
import dev.tdeveloper.security.spi.KeyManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * The demo on AWS ({@link DemoAwsOptions}): the notes' backups in an S3 bucket ({@link
 * S3BackupStore}, each tenant below {@value #BACKUP_PREFIX}{@code tenant-<id>/}) and the tenants'
 * data keys wrapped by one KMS key ({@link KmsKeyManager} in its shared-key mode: the encryption
 * context binds tenant and key version, so one tenant's wrapped key never unwraps as another's).
 * The shared mode's version records (numbers and states, no key material) are kept in a local
 * secret store under {@code <data>/keys/kms-records}.
 *
 * <p>Credentials come from the AWS SDK's default chain (environment {@code AWS_ACCESS_KEY_ID} /
 * {@code AWS_SECRET_ACCESS_KEY}, system properties, profile, container or instance role) and are
 * never logged; the region from its region chain ({@code AWS_REGION}), else {@code us-east-1} for
 * an S3-compatible endpoint. The KMS endpoint can be overridden the SDK's own way: {@code
 * AWS_ENDPOINT_URL_KMS} or the system property {@code aws.endpointUrlKms}. Opening checks that the
 * bucket is reachable and that the key encrypts, so a wrong name fails the start, not the first
 * backup. Thread-safe.
 */
final class DemoAws implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoAws.class);

  /** The key prefix of the backups in the bucket. */
  static final String BACKUP_PREFIX = "demo-backups/";

  /** The fallback region for an S3-compatible endpoint when the SDK's chain has none. */
  static final Region ENDPOINT_REGION = Region.US_EAST_1;

  private final Optional<S3Client> s3;
  private final Optional<BackupStore> backups;
  private final Optional<KmsClient> kms;
  private final Optional<LocalSecretStore> records;
  private final Optional<KmsKeyManager> keys;
  private final String description;

  private DemoAws(
      Optional<S3Client> s3,
      Optional<BackupStore> backups,
      Optional<KmsClient> kms,
      Optional<LocalSecretStore> records,
      Optional<KmsKeyManager> keys,
      String description) {
    this.s3 = s3;
    this.backups = backups;
    this.kms = kms;
    this.records = records;
    this.keys = keys;
    this.description = description;
  }

  /**
   * Opens what {@code options} ask for; nothing for {@link DemoAwsOptions#local()}.
   *
   * @throws DemoBackendException naming the bucket, endpoint or key that cannot be used
   */
  static DemoAws open(DemoAwsOptions options, Path dataDir, InstantSource clock) {
    S3Client s3 = null;
    KmsClient kms = null;
    LocalSecretStore records = null;
    try {
      S3BackupStore store = null;
      if (options.s3Bucket().isPresent()) {
        String bucket = options.s3Bucket().get();
        s3 = s3Client(options.s3Endpoint());
        String where = "S3 bucket " + bucket + options.s3Endpoint().map(e -> " at " + e).orElse("");
        try {
          S3Client client = s3;
          client.headBucket(b -> b.bucket(bucket));
        } catch (SdkException e) {
          throw new DemoBackendException("cannot use " + where + ": " + e.getMessage(), e);
        }
        store = S3BackupStore.builder().client(s3).bucket(bucket).rootPrefix(BACKUP_PREFIX).build();
        LOG.info("backups go to {} under {}", where, BACKUP_PREFIX);
      }
      KmsKeyManager manager = null;
      if (options.kmsKey().isPresent()) {
        String key = options.kmsKey().get();
        kms = KmsClient.builder().credentialsProvider(credentials()).region(region(null)).build();
        try {
          KmsClient client = kms;
          client.describeKey(d -> d.keyId(key));
        } catch (SdkException e) {
          throw new DemoBackendException("cannot use KMS key " + key + ": " + e.getMessage(), e);
        }
        records = recordsStore(dataDir, clock);
        manager =
            KmsKeyManager.builder(kms)
                .sharedKey(key, records, KmsKeyManagerBuilder.DEFAULT_RECORDS_NAME)
                .clock(clock)
                .build();
        LOG.info("tenants' data keys are wrapped by KMS key {}", key);
      }
      return new DemoAws(
          Optional.ofNullable(s3),
          Optional.ofNullable(store),
          Optional.ofNullable(kms),
          Optional.ofNullable(records),
          Optional.ofNullable(manager),
          describe(options));
    } catch (RuntimeException e) {
      closeQuietly(records);
      closeQuietly(kms);
      closeQuietly(s3);
      throw e;
    }
  }

  private static String describe(DemoAwsOptions options) {
    return "DemoAws[backups="
        + options.s3Bucket().map(b -> "s3://" + b + "/" + BACKUP_PREFIX).orElse("local")
        + options.s3Endpoint().map(e -> " at " + e).orElse("")
        + ", keys="
        + options.kmsKey().map(k -> "kms " + k).orElse("local")
        + "]";
  }

  private static S3Client s3Client(Optional<URI> endpoint) {
    S3ClientBuilder builder =
        S3Client.builder().credentialsProvider(credentials()).region(region(endpoint.orElse(null)));
    endpoint.ifPresent(
        uri ->
            // S3-compatible servers: path-style, and none of the newer request encodings
            // (aws-chunked
            // bodies, trailing checksums) that many of them do not understand; the store still
            // sends and checks x-amz-checksum-sha256 and its own SHA-256.
            builder
                .endpointOverride(uri)
                .serviceConfiguration(
                    S3Configuration.builder()
                        .pathStyleAccessEnabled(true)
                        .chunkedEncodingEnabled(false)
                        .build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
    return builder.build();
  }

  private static DefaultCredentialsProvider credentials() {
    return DefaultCredentialsProvider.builder().build();
  }

  /** The SDK chain's region, else {@link #ENDPOINT_REGION} for an S3-compatible endpoint. */
  private static Region region(URI endpoint) {
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkException e) {
      if (endpoint != null) {
        LOG.info("no AWS region configured; signing for {} at {}", ENDPOINT_REGION, endpoint);
        return ENDPOINT_REGION;
      }
      throw new DemoBackendException(
          "no AWS region configured: set AWS_REGION (or the aws.region system property)", e);
    }
  }

  private static LocalSecretStore recordsStore(Path dataDir, InstantSource clock) {
    Path directory = dataDir.resolve("keys").resolve("kms-records");
    Path keyFile = directory.resolve("records.key");
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + directory, e);
    }
    if (!Files.exists(keyFile)) {
      LocalSecretStoreBuilder.generateMasterKeyFile(keyFile);
    }
    return LocalSecretStore.builder(directory).masterKeyFile(keyFile).clock(clock).open();
  }

  /** Returns the S3 backup store, if backups go to S3; this object closes it. */
  Optional<BackupStore> backupStore() {
    return backups;
  }

  /** Returns the KMS key manager, if keys go to KMS; this object closes it. */
  Optional<KeyManager> keyManager() {
    return keys.map(k -> k);
  }

  @Override
  public void close() {
    keys.ifPresent(DemoAws::closeQuietly);
    records.ifPresent(DemoAws::closeQuietly);
    kms.ifPresent(DemoAws::closeQuietly);
    backups.ifPresent(DemoAws::closeQuietly);
    s3.ifPresent(DemoAws::closeQuietly);
  }

  private static void closeQuietly(AutoCloseable resource) {
    if (resource == null) {
      return;
    }
    try {
      resource.close();
    } catch (Exception e) {
      LOG.warn("closing {} failed", resource.getClass().getSimpleName(), e);
    }
  }

  @Override
  public String toString() {
    return description;
  }
}
