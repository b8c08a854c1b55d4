package dev.tdeveloper.aws.testkit.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The s3rver installation {@link LocalS3rver} runs: {@code npm ci} of the shipped lock file into a
 * cache directory, once, under a file lock so parallel test JVMs install it once. A marker written
 * after a successful install makes an interrupted install start over.
 *
 * @param node the {@code node} binary
 * @param script s3rver's {@code bin/s3rver.js}
 */
record S3rverInstall(Path node, Path script) {
  /** The s3rver version the shipped lock file pins: {@value}. */
  static final String VERSION = "3.7.1";

  /** The system property naming the install directory: {@value}. */
  static final String HOME_PROPERTY = "tdeveloper.s3rver.home";

  private static final String MARKER = ".installed-" + VERSION;
  private static final long INSTALL_TIMEOUT_MINUTES = 10;

  /** Installs s3rver if it is not installed yet and returns where it is. */
  static S3rverInstall ensure() {
    Path node = binary("node", "nodejs");
    Path npm = binary("npm", "npm");
    Path home =
        Path.of(
            System.getProperty(
                HOME_PROPERTY,
                Path.of(System.getProperty("user.home"), ".cache", "tdeveloper")
                    .resolve("s3rver-" + VERSION)
                    .toString()));
    Path script = home.resolve("node_modules/s3rver/bin/s3rver.js");
    try {
      Files.createDirectories(home);
      try (FileChannel lockFile =
              FileChannel.open(
                  home.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = lockFile.lock()) {
        if (!Files.exists(home.resolve(MARKER)) || !Files.isRegularFile(script)) {
          install(npm, home);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install s3rver " + VERSION + " into " + home, e);
    }
    return new S3rverInstall(node, script);
  }

  private static void install(Path npm, Path home) throws IOException {
    Files.deleteIfExists(home.resolve(MARKER));
    for (String file : List.of("package.json", "package-lock.json")) {
      try (InputStream in = S3rverInstall.class.getResourceAsStream("s3rver/" + file)) {
        if (in == null) {
          throw new IllegalStateException("aws-testkit's s3rver/" + file + " is missing");
        }
        Files.copy(in, home.resolve(file), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path log = home.resolve("npm-ci.log");
    Process npmCi =
        new ProcessBuilder(
                npm.toString(), "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--silent")
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      if (!npmCi.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        npmCi.destroyForcibly();
        throw new IllegalStateException(
            "npm ci of s3rver " + VERSION + " took over " + INSTALL_TIMEOUT_MINUTES + " minutes");
      }
    } catch (InterruptedException e) {
      npmCi.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while installing s3rver", e);
    }
    if (npmCi.exitValue() != 0) {
      throw new IllegalStateException(
          "npm ci of s3rver "
              + VERSION
              + " in "
              + home
              + " failed with exit code "
              + npmCi.exitValue()
              + ":\n"
              + Files.readString(log, StandardCharsets.UTF_8));
    }
    Files.writeString(home.resolve(MARKER), VERSION + "\n");
  }

  private static Path binary(String name, String debianPackage) {
    List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin", name)));
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, name));
      }
    }
    for (Path candidate : candidates) {
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "'"
            + name
            + "' was not found in /usr/bin or on the PATH; LocalS3rver runs s3rver on Debian's"
            + " Node.js: install the Debian packages 'nodejs' and 'npm' (sudo apt-get install -y"
            + " nodejs npm); missing: '"
            + debianPackage
            + "'");
  }
}
