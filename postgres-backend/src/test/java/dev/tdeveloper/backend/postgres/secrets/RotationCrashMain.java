package dev.tdeveloper.backend.postgres.secrets;

import com.zaxxer.hikari.HikariDataSource;
import dev.tdeveloper.backend.postgres.TestPools;
import dev.tdeveloper.security.crypto.local.LocalKeyManager;
import dev.tdeveloper.security.secrets.Secret;
import dev.tdeveloper.security.secrets.rotation.RotationJournal;
import dev.tdeveloper.security.secrets.rotation.RotationResult;
import dev.tdeveloper.security.secrets.rotation.RotationStrategy;
import dev.tdeveloper.security.secrets.rotation.SecretRotationPolicy;
import dev.tdeveloper.security.secrets.rotation.SecretRotator;
import dev.tdeveloper.security.spi.RotationTarget;
import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.spi.SecretVersion;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * The child of {@link PostgresRoleRotationCrashTest}: rotates a secret of the PostgreSQL store into
 * real roles once to completion (printing {@code FIRST <version>}), then rotates again and stops
 * for good at point {@code args[2]} ({@code version-put}, {@code set}, {@code test} or {@code
 * current-moved}), printing {@code POINT <point>} and waiting to be killed.
 */
public final class RotationCrashMain {
  static final String TABLE = "rotation_crash.secrets";
  static final RotationStrategy STRATEGY = RotationStrategy.alternatingUsers("crash_a", "crash_b");
  static final SecretRotationPolicy POLICY = SecretRotationPolicy.maxAge(Duration.ofDays(30));

  private RotationCrashMain() {}

  /** The server's coordinates, in {@code dir/server.properties} (not on a command line). */
  static HikariDataSource pool(Path dir) throws Exception {
    Properties server = new Properties();
    try (var in = Files.newInputStream(dir.resolve("server.properties"))) {
      server.load(in);
    }
    return TestPools.open(
        server.getProperty("url"), server.getProperty("user"), server.getProperty("password"), 4);
  }

  static HikariDataSource admin(Path dir) throws Exception {
    Properties server = new Properties();
    try (var in = Files.newInputStream(dir.resolve("server.properties"))) {
      server.load(in);
    }
    return TestPools.open(server.getProperty("url"), Roles.ADMIN, Roles.ADMIN_PASSWORD, 2);
  }

  static PostgresSecretStore store(HikariDataSource pool, LocalKeyManager keys) {
    return PostgresSecretStore.builder(pool, keys).table(TABLE).build();
  }

  static PostgresRoleRotationTarget target(HikariDataSource admin, String url) {
    return PostgresRoleRotationTarget.builder()
        .admin(admin)
        .loginUrl(url)
        .roles("crash_a", "crash_b")
        .build();
  }

  /** Arguments: the directory, the secret's name, the point to stop at. */
  public static void main(String[] args) throws Exception {
    ChildJvm.exitWhenParentGoes();
    Path dir = Path.of(args[0]);
    SecretName name = SecretName.platform(args[1]);
    String stop = args[2];
    PrintStream out = System.out;
    boolean[] armed = {false};
    HikariDataSource pool = pool(dir);
    HikariDataSource admin = admin(dir);
    String url = pool.getJdbcUrl();
    PostgresRoleRotationTarget real = target(admin, url);
    SecretStore realStore = store(pool, Keys.open(dir.resolve("keys")));
    java.util.function.Consumer<String> at =
        point -> {
          if (armed[0] && point.equals(stop)) {
            out.println("POINT " + point);
            out.flush();
            try {
              new CountDownLatch(1).await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    RotationTarget target =
        new RotationTarget() {
          @Override
          public String description() {
            return real.description();
          }

          @Override
          public void set(String user, Secret password) {
            real.set(user, password);
            at.accept("set");
          }

          @Override
          public boolean test(String user, Secret password) {
            boolean ok = real.test(user, password);
            at.accept("test");
            return ok;
          }
        };
    SecretStore store = new PausingStore(realStore, at);
    SecretRotator rotator =
        SecretRotator.builder(store, name, target)
            .strategy(STRATEGY)
            .policy(POLICY)
            .journal(RotationJournal.open(dir.resolve("rotation.journal")))
            .build();
    RotationResult first = rotator.rotate();
    out.println("FIRST " + ((RotationResult.Rotated) first).versionId());
    out.flush();
    armed[0] = true;
    rotator.rotate();
    out.println("NOT REACHED");
    out.flush();
  }

  /** Delegates to a store, calling {@code at} after a put and after CURRENT moved. */
  private record PausingStore(SecretStore store, java.util.function.Consumer<String> at)
      implements SecretStore {
    @Override
    public SecretVersion put(SecretName name, String versionId, Secret value) {
      SecretVersion version = store.put(name, versionId, value);
      at.accept("version-put");
      return version;
    }

    @Override
    public List<SecretVersion> versions(SecretName name) {
      return store.versions(name);
    }

    @Override
    public Optional<Secret> value(SecretName name, String versionId) {
      return store.value(name, versionId);
    }

    @Override
    public void moveLabel(
        SecretName name, SecretLabel label, Optional<String> expected, Optional<String> target) {
      store.moveLabel(name, label, expected, target);
      if (label == SecretLabel.CURRENT) {
        at.accept("current-moved");
      }
    }

    @Override
    public List<SecretName> names() {
      return store.names();
    }

    @Override
    public void close() {
      store.close();
    }
  }
}
