package dev.tdeveloper.security.cert;

import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The child JVM of {@link CertificateRenewerCrashTest}: issues key material into {@code
 * <dir>/server.pem} (printing {@code READY <fingerprint>}), then renews it and stops at the crash
 * point named by its second argument ({@code midway}: half the new file written; {@code replaced}:
 * the new file in place, nothing else done), printing {@code AT <point>} and waiting to be killed.
 */
public final class RenewerCrashChild {
  private RenewerCrashChild() {}

  /** Runs the child: {@code <dir> midway|replaced}. */
  public static void main(String[] args) throws Exception {
    ChildJvm.exitWhenParentGoes();
    Path dir = Path.of(args[0]);
    String point = args[1];
    AtomicBoolean armed = new AtomicBoolean();
    Runnable midway = () -> stopIf(armed.get() && point.equals("midway"), point);
    Runnable replaced = () -> stopIf(armed.get() && point.equals("replaced"), point);
    CertificateRenewer renewer =
        CertificateRenewer.builder()
            .issuer(LocalCertificateAuthority.open(dir.resolve("ca")))
            .file(dir.resolve("server.pem"))
            .names("localhost")
            .crashPoints(midway, replaced)
            .build();
    System.out.println("READY " + renewer.ensureCurrent().sha256Fingerprint());
    armed.set(true);
    renewer.renewNow();
    System.out.println("NOT STOPPED");
  }

  private static void stopIf(boolean stop, String point) {
    if (!stop) {
      return;
    }
    System.out.println("AT " + point);
    System.out.flush();
    try {
      System.in.read(); // the test kills this JVM; it never writes to our input
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
