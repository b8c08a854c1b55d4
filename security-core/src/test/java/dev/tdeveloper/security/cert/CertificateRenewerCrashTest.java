package dev.tdeveloper.security.cert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.cert.CertificateRenewer.Outcome;
import dev.tdeveloper.security.tls.ServerKeyMaterial;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A renewal killed (SIGKILL) while the new key material is half written, or just after it replaced
 * the old, leaves the old or the new material whole, and the next renewer carries on.
 */
class CertificateRenewerCrashTest {
  private static final long TIMEOUT_SECONDS = 60;

  @TempDir Path dir;

  private String killAt(String point) throws Exception {
    try (ChildJvm child =
        ChildJvm.start(RenewerCrashChild.class, dir.resolve("child.err"), dir.toString(), point)) {
      String ready = child.nextLine(TIMEOUT_SECONDS);
      assertThat(ready).as(child.errorOutput()).startsWith("READY ");
      child.awaitLine("AT " + point, TIMEOUT_SECONDS);
      child.kill();
      return ready.substring("READY ".length());
    }
  }

  @Test
  void killedWhileTheNewMaterialIsHalfWrittenLeavesTheOldWhole() throws Exception {
    String old = killAt("midway");
    Path file = dir.resolve("server.pem");
    assertThat(Files.exists(dir.resolve("server.pem.tmp"))).isTrue(); // the torn new file
    assertThat(ServerKeyMaterial.fromPem(file, file).sha256Fingerprint()).isEqualTo(old);
    assertCarriesOn(file, old);
  }

  @Test
  void killedRightAfterTheReplacementLeavesTheNewWhole() throws Exception {
    String old = killAt("replaced");
    Path file = dir.resolve("server.pem");
    ServerKeyMaterial now = ServerKeyMaterial.fromPem(file, file);
    assertThat(now.sha256Fingerprint()).isNotEqualTo(old);
    assertThat(now.certificate().getIssuerX500Principal())
        .isEqualTo(
            LocalCertificateAuthority.open(dir.resolve("ca"))
                .caCertificate()
                .getSubjectX500Principal());
    assertCarriesOn(file, now.sha256Fingerprint());
  }

  /** A new renewer reads what was left, and renews over a stale temporary file. */
  private void assertCarriesOn(Path file, String expected) {
    CertificateRenewer renewer =
        CertificateRenewer.builder()
            .issuer(LocalCertificateAuthority.open(dir.resolve("ca")))
            .file(file)
            .names("localhost")
            .build();
    assertThat(renewer.ensureCurrent().sha256Fingerprint()).isEqualTo(expected);
    assertThat(renewer.renewNow()).isEqualTo(Outcome.RENEWED);
    assertThat(ServerKeyMaterial.fromPem(file, file).sha256Fingerprint())
        .isNotEqualTo(expected)
        .isEqualTo(renewer.current().orElseThrow().sha256Fingerprint());
    assertThat(Files.exists(dir.resolve("server.pem.tmp"))).isFalse();
  }
}
