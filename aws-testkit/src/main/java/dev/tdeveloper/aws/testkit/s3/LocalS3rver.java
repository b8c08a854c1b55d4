package dev.tdeveloper.aws.testkit.s3;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code s3rver} (npm, version {@value S3rverInstall#VERSION}) on Debian's Node.js, run on {@code
 * 127.0.0.1} on a free port with its data in a temporary directory deleted on close. The first
 * start installs it with {@code npm ci} from the {@code package.json} and {@code package-lock.json}
 * this kit ships, into {@code ~/.cache/tdeveloper/s3rver-3.7.1} (or {@code -D}{@value
 * S3rverInstall#HOME_PROPERTY}); later starts reuse that. Missing {@code node} or {@code npm} fails
 * naming the Debian packages to install. {@link #shared()} starts one per test JVM; the process
 * never outlives the JVM (see {@link ChildServer}). Thread-safe.
 */
public final class LocalS3rver implements LocalS3Server {
  private static LocalS3rver shared;

  private final ChildServer server;

  private LocalS3rver(ChildServer server) {
    this.server = server;
  }

  /**
   * Returns this JVM's shared server, starting (and if needed installing) it on first use; a
   * shutdown hook stops it. Do not close it.
   *
   * @throws IllegalStateException if Node.js or npm is missing, or the server does not start
   */
  public static synchronized LocalS3rver shared() {
    if (shared == null || !shared.server.isRunning()) {
      LocalS3rver started = startNew();
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "local-s3rver-stop"));
      shared = started;
    }
    return shared;
  }

  /**
   * Starts a new server that the caller closes.
   *
   * @throws IllegalStateException if Node.js or npm is missing, or the server does not start
   */
  public static LocalS3rver startNew() {
    S3rverInstall install = S3rverInstall.ensure();
    Path directory = ChildServer.temporaryDirectory("local-s3rver-");
    Path data = directory.resolve("data");
    return new LocalS3rver(
        ChildServer.start(
            "s3rver",
            directory,
            port ->
                List.of(
                    install.node().toString(),
                    // s3rver pages V2 listings with DES tokens, which OpenSSL 3 keeps in its
                    // legacy provider: without it every truncated listing fails with a 500
                    "--openssl-legacy-provider",
                    install.script().toString(),
                    "--directory",
                    data.toString(),
                    "--address",
                    "127.0.0.1",
                    "--port",
                    Integer.toString(port),
                    "--no-vhost-buckets",
                    "--silent")));
  }

  @Override
  public String name() {
    return "s3rver";
  }

  @Override
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  @Override
  public S3Features features() {
    return new S3Features(false, false, false, false);
  }

  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "LocalS3rver[" + endpoint() + (server.isRunning() ? ", running" : ", stopped") + "]";
  }
}
