package dev.tdeveloper.security.secrets.rotation;

import dev.tdeveloper.security.secrets.LocalSecretStore;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The child process of {@link SecretRotatorCrashTest}: in directory {@code args[0]}, rotates a
 * secret once to completion (printing {@code FIRST <version>}), then rotates it again and stops for
 * good at point {@code args[1]} of that rotation, printing {@code POINT <point>} and waiting to be
 * killed. It exits by itself when its standard input closes.
 */
public final class CrashingRotatorMain {
  static final byte[] KEY = new byte[32];
  static final SecretName NAME = SecretName.of(TenantId.of("acme"), "db/app");
  static final RotationStrategy STRATEGY = RotationStrategy.alternatingUsers("app_a", "app_b");
  static final SecretRotationPolicy POLICY = SecretRotationPolicy.maxAge(Duration.ofDays(30));

  private CrashingRotatorMain() {}

  static LocalSecretStore store(Path dir) {
    return LocalSecretStore.builder(dir.resolve("store")).masterKey(KEY).open();
  }

  static FileUserTable target(Path dir) {
    return new FileUserTable(dir.resolve("users.properties"), "app_a", "app_b");
  }

  static RotationJournal journal(Path dir) {
    return RotationJournal.open(dir.resolve("rotation.journal"));
  }

  /** Arguments: the directory, then the point to stop at. */
  public static void main(String[] args) throws Exception {
    ChildJvm.exitWhenParentGoes();
    Path dir = Path.of(args[0]);
    String stop = args[1];
    PrintStream out = System.out;
    CountDownLatch never = new CountDownLatch(1);
    boolean[] armed = {false};
    SecretRotator rotator =
        SecretRotator.builder(store(dir), NAME, target(dir))
            .strategy(STRATEGY)
            .policy(POLICY)
            .journal(journal(dir))
            .hook(
                point -> {
                  if (armed[0] && point.equals(stop)) {
                    out.println("POINT " + point);
                    out.flush();
                    try {
                      never.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                })
            .build();
    RotationResult first = rotator.rotate();
    out.println("FIRST " + ((RotationResult.Rotated) first).versionId());
    out.flush();
    armed[0] = true;
    rotator.rotate();
    out.println("NOT REACHED");
    out.flush();
  }
}
