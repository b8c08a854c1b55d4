package dev.tdeveloper.security.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.spi.CertificateIssuer;
import dev.tdeveloper.security.spi.CertificateIssuerException;
import dev.tdeveloper.security.spi.CertificateRequest;
import dev.tdeveloper.security.spi.IssuedCertificate;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCertificateAuthorityTest {
  private static final Instant START = Instant.parse("2026-03-01T10:15:30.250Z");
  private final ManualClock clock = new ManualClock(START);
  @TempDir Path dir;

  private Path caDir() {
    return dir.resolve("ca");
  }

  @Test
  void createsTheCaOnceWithOwnerOnlyKeyAndReusesIt() throws Exception {
    LocalCertificateAuthority ca = LocalCertificateAuthority.open(caDir(), clock);
    X509Certificate caCert = ca.caCertificate();
    assertThat(caCert.getBasicConstraints()).isZero();
    assertThat(caCert.getNotBefore().toInstant()).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
    assertThat(Certificates.readPem(ca.caCertificateFile())).containsExactly(caCert);
    if (Files.getFileAttributeView(caDir(), PosixFileAttributeView.class) != null) {
      assertThat(permissions(caDir())).isEqualTo("rwx------");
      assertThat(permissions(caDir().resolve(LocalCertificateAuthority.CA_FILE)))
          .isEqualTo("rw-------");
      assertThat(permissions(ca.caCertificateFile())).isEqualTo("rw-r--r--");
    }
    Files.delete(ca.caCertificateFile());
    LocalCertificateAuthority again = LocalCertificateAuthority.open(caDir(), clock);
    assertThat(again.caCertificate()).isEqualTo(caCert);
    assertThat(Certificates.readPem(again.caCertificateFile())).containsExactly(caCert);
    assertThat(again.toString())
        .contains(caDir().toString(), Certificates.sha256Fingerprint(caCert))
        .doesNotContain("PRIVATE");
  }

  @Test
  void issuesALeafThatValidatesAgainstTheCa() throws Exception {
    LocalCertificateAuthority ca = LocalCertificateAuthority.open(caDir(), clock);
    KeyPair keys = TestCertificates.ecKeyPair();
    CertificateRequest request =
        CertificateRequest.forKeyPair(keys, Duration.ofDays(90), "localhost", "127.0.0.1");
    IssuedCertificate issued = ca.issue(request);
    X509Certificate leaf = issued.certificate();
    assertThat(issued.chain()).containsExactly(leaf);
    assertThat(issued.privateKey()).contains(keys.getPrivate());
    assertThat(leaf.getPublicKey()).isEqualTo(keys.getPublic());
    assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
    assertThat(leaf.getNotBefore().toInstant()).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
    assertThat(leaf.getNotAfter().toInstant())
        .isEqualTo(Instant.parse("2026-03-01T10:15:30Z").plus(Duration.ofDays(90)));
    assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
    assertThat(leaf.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
    assertThat(
            leaf.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList())
        .containsExactly("localhost", "127.0.0.1");
    leaf.verify(ca.caCertificate().getPublicKey());

    PKIXParameters pkix = new PKIXParameters(Set.of(new TrustAnchor(ca.caCertificate(), null)));
    pkix.setRevocationEnabled(false);
    pkix.setDate(Date.from(START.plus(Duration.ofDays(1))));
    CertPathValidator.getInstance("PKIX")
        .validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), pkix);
  }

  @Test
  void cutsTheValidityToTheCasEnd() {
    LocalCertificateAuthority ca = LocalCertificateAuthority.open(caDir(), clock);
    clock.advance(LocalCertificateAuthority.CA_VALIDITY.minus(Duration.ofDays(10)));
    X509Certificate leaf =
        ca.issue(
                CertificateRequest.forKeyPair(
                    TestCertificates.ecKeyPair(), Duration.ofDays(90), "localhost"))
            .certificate();
    assertThat(leaf.getNotAfter()).isEqualTo(ca.caCertificate().getNotAfter());
    clock.advance(Duration.ofDays(11));
    assertThatThrownBy(() -> LocalCertificateAuthority.open(caDir(), clock))
        .isInstanceOf(CertificateIssuerException.class)
        .hasMessageContaining("expired at")
        .hasMessageContaining("delete " + caDir() + " to create a new CA");
  }

  @Test
  void issuesForAValidCsrAndRefusesAForgedOne() throws Exception {
    LocalCertificateAuthority ca = LocalCertificateAuthority.open(caDir(), clock);
    KeyPair keys = TestCertificates.rsaKeyPair();
    byte[] csr =
        new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=api.example"), keys.getPublic())
            .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()))
            .getEncoded();
    CertificateRequest request =
        CertificateRequest.forKeyPair(keys, Duration.ofDays(30), "api.example")
            .withKey(new CertificateRequest.Key.Csr(csr));
    IssuedCertificate issued = ca.issue(request);
    assertThat(issued.certificate().getPublicKey()).isEqualTo(keys.getPublic());
    assertThat(issued.privateKey()).isEmpty();

    byte[] forged = csr.clone();
    forged[forged.length - 5] ^= 1; // inside the signature
    assertThatThrownBy(() -> ca.issue(request.withKey(new CertificateRequest.Key.Csr(forged))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the CSR");
    assertThatThrownBy(
            () -> ca.issue(request.withKey(new CertificateRequest.Key.Csr(new byte[] {1, 2}))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the CSR is not a DER-encoded PKCS#10 request");
  }

  @Test
  void neverReplacesACaItCannotReadAndChangesNothing() throws Exception {
    LocalCertificateAuthority.open(caDir(), clock);
    Path file = caDir().resolve(LocalCertificateAuthority.CA_FILE);
    String text = Files.readString(file);
    String broken =
        text.replaceFirst("-----BEGIN PRIVATE KEY-----[^-]*-----END PRIVATE KEY-----\n", "");
    Files.writeString(file, broken);
    assertThatThrownBy(() -> LocalCertificateAuthority.open(caDir(), clock))
        .isInstanceOf(CertificateIssuerException.class)
        .hasMessage(
            "the local CA is unusable: no private key in "
                + file
                + "; delete "
                + caDir()
                + " to create a new CA (clients must trust it anew)");
    assertThat(Files.readString(file)).isEqualTo(broken);
  }

  @Test
  void withoutBouncyCastleTheFactoryNamesTheArtifact() {
    ClassLoader withoutBc =
        new ClassLoader(getClass().getClassLoader()) {
          @Override
          protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("org.bouncycastle.")) {
              throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
          }
        };
    assertThatThrownBy(() -> LocalCertificateAuthority.requireBouncyCastle(withoutBc))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("add org.bouncycastle:bcpkix-jdk18on");
    LocalCertificateAuthority.requireBouncyCastle(getClass().getClassLoader());
  }

  @Test
  void isTheLocalCaProviderFoundByServiceLoader() throws Exception {
    CertificateIssuer issuer =
        CertificateIssuer.fromProviders(Optional.empty(), Map.of("directory", caDir().toString()));
    assertThat(issuer).isInstanceOf(LocalCertificateAuthority.class);
    assertThat(issuer.name()).isEqualTo("local CA " + caDir());
    LocalCertificateAuthorityProvider provider = new LocalCertificateAuthorityProvider();
    assertThatThrownBy(() -> provider.create(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("local-ca needs the setting 'directory'");
    assertThatThrownBy(() -> provider.create(Map.of("directory", "x", "password", "y")))
        .hasMessage("unknown local-ca setting 'password'; known: [directory]");
    assertThatThrownBy(() -> CertificateIssuer.fromProviders(Optional.of("acme"), Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no CertificateIssuerProvider named 'acme'; found: [local-ca]");
  }

  @Test
  void theCaKeyNeverAppearsOutsideItsFile() throws Exception {
    LocalCertificateAuthority ca = LocalCertificateAuthority.open(caDir(), clock);
    String caFile = Files.readString(caDir().resolve(LocalCertificateAuthority.CA_FILE));
    String keyBase64 =
        caFile.substring(caFile.indexOf("-----\n") + 6, caFile.indexOf("-----END PRIVATE KEY"));
    assertThat(keyBase64).isNotBlank();
    assertThat(Files.readString(ca.caCertificateFile())).doesNotContain("PRIVATE");
    assertThat(ca.toString()).doesNotContain(keyBase64.substring(0, 40));
    assertThat(Base64.getMimeDecoder().decode(keyBase64)).isNotEmpty();
  }

  private static String permissions(Path file) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }
}
