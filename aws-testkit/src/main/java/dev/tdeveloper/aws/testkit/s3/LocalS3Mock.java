package dev.tdeveloper.aws.testkit.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Adobe S3Mock ({@code com.adobe.testing:s3mock}, its Spring Boot executable jar from Maven
 * Central) run as a child JVM on {@code 127.0.0.1}: plain HTTP on a free port, its store in a
 * temporary directory deleted on close, and every other port it opens (HTTPS, S3 Vectors) moved to
 * free ports too. {@link #shared()} starts one per test JVM; the process never outlives the JVM
 * (see {@link ChildServer}).
 *
 * <p>The jar is found at {@code -D}{@value #JAR_PROPERTY}, else where aws-testkit's build copied it
 * (its {@code maven-dependency-plugin} fetches it), else in the local Maven repository; if it is
 * nowhere, starting fails naming the Maven command that fetches it. The KMS key {@link
 * #VALID_KMS_KEY_ID} is accepted for SSE-KMS. Thread-safe.
 */
public final class LocalS3Mock implements LocalS3Server {
  /** The system property naming the S3Mock executable jar to run: {@value}. */
  public static final String JAR_PROPERTY = "tdeveloper.s3mock.jar";

  /**
   * The one KMS key id this server accepts for SSE-KMS: {@value} (S3Mock registers the key's ARN
   * and then accepts its bare id in requests; any other key fails with {@code
   * KMS.NotFoundException}).
   */
  public static final String VALID_KMS_KEY_ID = "tdeveloper-test-key";

  private static final String VALID_KMS_KEY_ARN =
      "arn:aws:kms:us-east-1:111122223333:key/" + VALID_KMS_KEY_ID;

  private static LocalS3Mock shared;

  private final ChildServer server;

  private LocalS3Mock(ChildServer server) {
    this.server = server;
  }

  /**
   * Returns this JVM's shared server, starting it on first use; a shutdown hook stops it. Do not
   * close it.
   *
   * @throws IllegalStateException if the jar is missing or the server does not start
   */
  public static synchronized LocalS3Mock shared() {
    if (shared == null || !shared.server.isRunning()) {
      LocalS3Mock started = startNew();
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "local-s3mock-stop"));
      shared = started;
    }
    return shared;
  }

  /**
   * The JVM options of {@link #startNew()}: a small heap and C1 only, for a quick start in tests.
   */
  public static final List<String> TEST_JVM_OPTIONS =
      List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  /**
   * Starts a new server that the caller closes, with {@link #TEST_JVM_OPTIONS}.
   *
   * @throws IllegalStateException if the jar is missing or the server does not start
   */
  public static LocalS3Mock startNew() {
    return startNew(TEST_JVM_OPTIONS);
  }

  /**
   * Starts a new server that the caller closes, its JVM run with {@code jvmOptions} (a benchmark
   * gives it a full JIT and a larger heap, so the server is not what it measures).
   *
   * @throws IllegalStateException if the jar is missing or the server does not start
   */
  public static LocalS3Mock startNew(List<String> jvmOptions) {
    List<String> options = List.copyOf(jvmOptions);
    Path jar = findJar();
    Path directory = ChildServer.temporaryDirectory("local-s3mock-");
    Path store = directory.resolve("store");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new LocalS3Mock(
        ChildServer.start(
            "S3Mock",
            directory,
            port ->
                Stream.of(
                        Stream.of(java),
                        options.stream(),
                        Stream.of(
                            "-jar",
                            jar.toString(),
                            "--http.port=" + port,
                            "--server.port=" + ChildServer.freePort(),
                            "--server.address=127.0.0.1",
                            "--vectors.http.port=" + ChildServer.freePort(),
                            "--vectors.https.port=" + ChildServer.freePort(),
                            "--com.adobe.testing.s3mock.store.root=" + store,
                            "--com.adobe.testing.s3mock.store.retain-files-on-exit=false",
                            "--com.adobe.testing.s3mock.store.valid-kms-keys=" + VALID_KMS_KEY_ARN,
                            "--com.adobe.testing.s3mock.max-payload-size=64MB",
                            "--logging.level.root=WARN"))
                    .flatMap(x -> x)
                    .toList()));
  }

  @Override
  public String name() {
    return "s3mock";
  }

  @Override
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  @Override
  public S3Features features() {
    return new S3Features(true, true, true, true);
  }

  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "LocalS3Mock[" + endpoint() + (server.isRunning() ? ", running" : ", stopped") + "]";
  }

  private static Path findJar() {
    String configured = System.getProperty(JAR_PROPERTY);
    if (configured != null) {
      Path path = Path.of(configured);
      if (Files.isRegularFile(path)) {
        return path;
      }
      throw new IllegalStateException("-D" + JAR_PROPERTY + "=" + configured + " is not a file");
    }
    Properties build = new Properties();
    try (InputStream in = LocalS3Mock.class.getResourceAsStream("s3mock.properties")) {
      if (in == null) {
        throw new IllegalStateException("aws-testkit's s3mock.properties is missing");
      }
      build.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read aws-testkit's s3mock.properties", e);
    }
    String version = build.getProperty("version");
    Path copied = Path.of(build.getProperty("build.jar"));
    if (Files.isRegularFile(copied)) {
      return copied;
    }
    String repository =
        System.getProperty(
            "maven.repo.local",
            Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
    Path cached =
        Path.of(repository, "com", "adobe", "testing", "s3mock", version)
            .resolve("s3mock-" + version + "-exec.jar");
    if (Files.isRegularFile(cached)) {
      return cached;
    }
    throw new IllegalStateException(
        "the S3Mock executable jar is missing (looked at "
            + copied
            + " and "
            + cached
            + "); fetch it with: mvn dependency:get -Dartifact=com.adobe.testing:s3mock:"
            + version
            + ":jar:exec, or set -D"
            + JAR_PROPERTY
            + "=/path/to/s3mock-exec.jar");
  }
}
