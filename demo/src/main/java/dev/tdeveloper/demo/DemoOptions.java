package dev.tdeveloper.demo;

import dev.tdeveloper.web.operator.BearerTokenAuthenticator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The demo's command-line options.
 *
 * @param port the port ({@code 0} picks a free one)
 * @param config the {@code tenants.yaml} to load and watch; a {@code scaling.yaml} next to it, if
 *     any, sets the autoscaler loop and the health checks (else the bundled one)
 * @param dataDir where durable state (encrypted notes, tenants' keys, usage events, provisioning
 *     journal, the local CA and its TLS certificate) is kept
 * @param baseDomains the domains whose first label names the tenant ({@code acme.localhost})
 * @param adminToken the operator token {@code /admin} and {@code /ops} requests must carry as
 *     {@code Authorization: Bearer <token>}; 16-512 printable ASCII characters, random when absent
 * @param tls plain HTTP ({@link DemoTls.Off}) or TLS 1.3 and where its key material comes from
 * @param masterKeyFile the file holding the master key that protects the tenants' keys (base64 of
 *     32 bytes); when absent, the {@code DEMO_MASTER_KEY} environment variable, else a key
 *     generated on first start under the data directory (for local use only)
 * @param minFreeDiskBytes the usable space the data directory needs for the demo to report itself
 *     ready ({@code /health/ready}); {@value #DEFAULT_MIN_FREE_DISK_MB} MiB by default, 0 or more
 * @param waf the WAF in front of the notes API: its mode and where the OWASP CRS is
 * @param backends where the state shared between instances lives: embedded by default, else Redis
 *     and/or PostgreSQL ({@link DemoBackends})
 * @param aws whether backups go to S3 and keys to KMS ({@link DemoAws}); local by default
 */
public record DemoOptions(
    int port,
    Path config,
    Path dataDir,
    List<String> baseDomains,
    Optional<String> adminToken,
    DemoTls tls,
    Optional<Path> masterKeyFile,
    long minFreeDiskBytes,
    DemoWafOptions waf,
    DemoBackendOptions backends,
    DemoAwsOptions aws) {
  /** The default of {@code --min-free-disk-mb}: {@value} MiB. */
  static final long DEFAULT_MIN_FREE_DISK_MB = 100;

  /** Where the configuration lives in the source tree, used when running from a checkout. */
  static final Path SOURCE_CONFIG =
      Path.of("demo/src/main/resources/config/production/tenants.yaml");

  /** The environment variable read for the key store password when no option gives it. */
  static final String KEYSTORE_PASSWORD_ENV = "DEMO_KEYSTORE_PASSWORD";

  /** Validates the options. */
  public DemoOptions {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(dataDir, "dataDir");
    baseDomains = List.copyOf(baseDomains);
    Objects.requireNonNull(adminToken, "adminToken");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(masterKeyFile, "masterKeyFile");
    Objects.requireNonNull(waf, "waf");
    Objects.requireNonNull(backends, "backends");
    Objects.requireNonNull(aws, "aws");
    adminToken
        .flatMap(BearerTokenAuthenticator::problemWith)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException("--admin-token " + problem + " (value not shown)");
            });
    if (minFreeDiskBytes < 0) {
      throw new IllegalArgumentException(
          "minFreeDiskBytes must be 0 or more, was " + minFreeDiskBytes + " bytes");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be 0-65535, was " + port);
    }
  }

  private static final long MIB = 1024 * 1024;

  /** Options with backups and keys local. */
  public DemoOptions(
      int port,
      Path config,
      Path dataDir,
      List<String> baseDomains,
      Optional<String> adminToken,
      DemoTls tls,
      Optional<Path> masterKeyFile,
      long minFreeDiskBytes,
      DemoWafOptions waf,
      DemoBackendOptions backends) {
    this(
        port,
        config,
        dataDir,
        baseDomains,
        adminToken,
        tls,
        masterKeyFile,
        minFreeDiskBytes,
        waf,
        backends,
        DemoAwsOptions.local());
  }

  /** Options with the default WAF (on, CRS from Debian's paths) and everything embedded. */
  public DemoOptions(
      int port,
      Path config,
      Path dataDir,
      List<String> baseDomains,
      Optional<String> adminToken,
      DemoTls tls,
      Optional<Path> masterKeyFile,
      long minFreeDiskBytes) {
    this(
        port,
        config,
        dataDir,
        baseDomains,
        adminToken,
        tls,
        masterKeyFile,
        minFreeDiskBytes,
        DemoWafOptions.defaults(),
        DemoBackendOptions.embedded());
  }

  /** Options with the default free-space minimum. */
  public DemoOptions(
      int port,
      Path config,
      Path dataDir,
      List<String> baseDomains,
      Optional<String> adminToken,
      DemoTls tls,
      Optional<Path> masterKeyFile) {
    this(
        port,
        config,
        dataDir,
        baseDomains,
        adminToken,
        tls,
        masterKeyFile,
        DEFAULT_MIN_FREE_DISK_MB * MIB);
  }

  /** Options serving plain HTTP. */
  public DemoOptions(
      int port, Path config, Path dataDir, List<String> baseDomains, Optional<String> adminToken) {
    this(port, config, dataDir, baseDomains, adminToken, new DemoTls.Off(), Optional.empty());
  }

  /** Returns a copy serving {@code tls}. */
  DemoOptions withTls(DemoTls tls) {
    return new DemoOptions(
        port,
        config,
        dataDir,
        baseDomains,
        adminToken,
        tls,
        masterKeyFile,
        minFreeDiskBytes,
        waf,
        backends,
        aws);
  }

  /** Returns a copy needing {@code bytes} of usable space in the data directory to be ready. */
  DemoOptions withMinFreeDiskBytes(long bytes) {
    return new DemoOptions(
        port,
        config,
        dataDir,
        baseDomains,
        adminToken,
        tls,
        masterKeyFile,
        bytes,
        waf,
        backends,
        aws);
  }

  /** Returns a copy running the WAF as {@code newWaf} says. */
  DemoOptions withWaf(DemoWafOptions newWaf) {
    return new DemoOptions(
        port,
        config,
        dataDir,
        baseDomains,
        adminToken,
        tls,
        masterKeyFile,
        minFreeDiskBytes,
        newWaf,
        backends,
        aws);
  }

  /** Returns a copy keeping shared state where {@code newBackends} says. */
  DemoOptions withBackends(DemoBackendOptions newBackends) {
    return new DemoOptions(
        port,
        config,
        dataDir,
        baseDomains,
        adminToken,
        tls,
        masterKeyFile,
        minFreeDiskBytes,
        waf,
        newBackends,
        aws);
  }

  /** Returns a copy keeping backups and keys where {@code newAws} says. */
  DemoOptions withAws(DemoAwsOptions newAws) {
    return new DemoOptions(
        port,
        config,
        dataDir,
        baseDomains,
        adminToken,
        tls,
        masterKeyFile,
        minFreeDiskBytes,
        waf,
        backends,
        newAws);
  }

  /**
   * Parses {@code --port N}, {@code --config PATH}, {@code --data-dir PATH}, {@code --admin-token
   * T}, {@code --tls}, {@code --keystore PATH}, {@code --keystore-password P} (else the {@value
   * #KEYSTORE_PASSWORD_ENV} environment variable), {@code --cert PEM}, {@code --key PEM} and {@code
   * --master-key-file PATH}, {@code --min-free-disk-mb N}, {@code --waf on|detection-only|off}
   * (else the {@value DemoWafOptions#MODE_ENV} environment variable; default on), {@code --crs-dir
   * PATH} (else {@value DemoWafOptions#CRS_DIR_ENV}; default {@value
   * DemoWafOptions#DEFAULT_CRS_DIR}) and {@code --crs-setup PATH} (else {@value
   * DemoWafOptions#CRS_SETUP_ENV}; default {@value DemoWafOptions#DEFAULT_CRS_SETUP}), {@code
   * --redis redis://host:port}, {@code --postgres jdbc:postgresql://host:port/db}, {@code
   * --postgres-user U} (default {@value DemoBackendOptions#DEFAULT_POSTGRES_USER}; the password
   * only from the {@value DemoBackendOptions#POSTGRES_PASSWORD_ENV} environment variable) and
   * {@code --postgres-isolation database|schema|row} (default row), {@code --s3-bucket NAME},
   * {@code --s3-endpoint URL} and {@code --kms-key KEY-ID-OR-ARN} ({@link DemoAwsOptions}; AWS
   * credentials and region only from the SDK's default chains). Without {@code --config}, the
   * checkout's {@code tenants.yaml} is used when present (so edits to it are reloaded live), else
   * {@code config/production/tenants.yaml} under the working directory, else the copy bundled in
   * the jar is extracted to the data directory. TLS is on with {@code --tls} or when key material
   * is given; the port then defaults to 8443 instead of 8080.
   *
   * @throws IllegalArgumentException naming an unknown option or a bad value
   */
  public static DemoOptions parse(String... args) {
    return parse(System::getenv, args);
  }

  /** Parses {@code args}, reading environment variables from {@code env} (null when unset). */
  static DemoOptions parse(UnaryOperator<String> env, String... args) {
    Integer port = null;
    Path config = null;
    Path dataDir = Path.of("data");
    String token = null;
    boolean tlsFlag = false;
    Path keyStore = null;
    String password = null;
    Path cert = null;
    Path key = null;
    Path masterKeyFile = null;
    long minFreeMb = DEFAULT_MIN_FREE_DISK_MB;
    String wafMode = null;
    String crsDir = null;
    String crsSetup = null;
    String redis = null;
    String postgres = null;
    String postgresUser = null;
    String postgresIsolation = null;
    String s3Bucket = null;
    String s3Endpoint = null;
    String kmsKey = null;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (name.equals("--tls")) {
        tlsFlag = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + name + " needs a value");
      }
      String value = args[++i];
      switch (name) {
        case "--port" -> port = parsePort(value);
        case "--config" -> config = Path.of(value);
        case "--data-dir" -> dataDir = Path.of(value);
        case "--admin-token" -> token = value;
        case "--keystore" -> keyStore = Path.of(value);
        case "--keystore-password" -> password = value;
        case "--cert" -> cert = Path.of(value);
        case "--key" -> key = Path.of(value);
        case "--master-key-file" -> masterKeyFile = Path.of(value);
        case "--min-free-disk-mb" -> minFreeMb = parseMegabytes(value);
        case "--waf" -> wafMode = value;
        case "--crs-dir" -> crsDir = value;
        case "--crs-setup" -> crsSetup = value;
        case "--redis" -> redis = value;
        case "--postgres" -> postgres = value;
        case "--postgres-user" -> postgresUser = value;
        case "--postgres-isolation" -> postgresIsolation = value;
        case "--s3-bucket" -> s3Bucket = value;
        case "--s3-endpoint" -> s3Endpoint = value;
        case "--kms-key" -> kmsKey = value;
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + name
                    + "; known: --port, --config, --data-dir, --admin-token, --tls, --keystore,"
                    + " --keystore-password, --cert, --key, --master-key-file,"
                    + " --min-free-disk-mb, --waf, --crs-dir, --crs-setup, --redis, --postgres,"
                    + " --postgres-user, --postgres-isolation, --s3-bucket, --s3-endpoint,"
                    + " --kms-key");
      }
    }
    if (config == null) {
      Path local = Path.of("config/production/tenants.yaml");
      config = Files.exists(SOURCE_CONFIG) ? SOURCE_CONFIG : local;
    }
    if (password == null && keyStore != null) {
      password = env.apply(KEYSTORE_PASSWORD_ENV);
    }
    DemoTls tls = tls(tlsFlag, keyStore, password, cert, key);
    return new DemoOptions(
        port != null ? port : tls.enabled() ? 8443 : 8080,
        config,
        dataDir,
        List.of("localhost", "example.com"),
        Optional.ofNullable(token),
        tls,
        Optional.ofNullable(masterKeyFile),
        minFreeMb * MIB,
        DemoWafOptions.of(wafMode, crsDir, crsSetup, env),
        DemoBackendOptions.of(redis, postgres, postgresUser, postgresIsolation, env),
        DemoAwsOptions.of(s3Bucket, s3Endpoint, kmsKey));
  }

  private static DemoTls tls(boolean flag, Path keyStore, String password, Path cert, Path key) {
    if (keyStore != null && (cert != null || key != null)) {
      throw new IllegalArgumentException("give either --keystore or --cert and --key, not both");
    }
    if ((cert == null) != (key == null)) {
      throw new IllegalArgumentException("--cert and --key go together");
    }
    if (keyStore != null) {
      if (password == null) {
        throw new IllegalArgumentException(
            "--keystore needs --keystore-password or the " + KEYSTORE_PASSWORD_ENV + " variable");
      }
      return new DemoTls.Pkcs12(keyStore, password.toCharArray());
    }
    if (password != null) {
      throw new IllegalArgumentException("--keystore-password needs --keystore");
    }
    if (cert != null) {
      return new DemoTls.Pem(cert, key);
    }
    return flag ? new DemoTls.LocalCa() : new DemoTls.Off();
  }

  private static long parseMegabytes(String value) {
    long mb;
    try {
      mb = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--min-free-disk-mb must be a whole number of MiB, was '" + value + "'");
    }
    if (mb < 0 || mb > Long.MAX_VALUE / MIB) {
      throw new IllegalArgumentException(
          "--min-free-disk-mb must be 0 to " + Long.MAX_VALUE / MIB + ", was " + mb);
    }
    return mb;
  }

  private static int parsePort(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port must be a number, was '" + value + "'");
    }
  }
}
