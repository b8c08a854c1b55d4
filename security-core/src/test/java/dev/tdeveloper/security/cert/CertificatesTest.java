package dev.tdeveloper.security.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificatesTest {
  private static final KeyPair KEYS = TestCertificates.ecKeyPair();
  private static final X509Certificate LEAF = TestCertificates.selfSigned(KEYS);
  private static final X509Certificate OTHER =
      TestCertificates.selfSigned(TestCertificates.ecKeyPair());

  @TempDir Path dir;

  @Test
  void fingerprintIsTheSha256OfTheDerInColonHex() throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(LEAF.getEncoded());
    String fingerprint = Certificates.sha256Fingerprint(LEAF);
    assertThat(fingerprint).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    assertThat(HexFormat.ofDelimiter(":").parseHex(fingerprint)).isEqualTo(digest);
    assertThat(Certificates.sha256Fingerprint(OTHER)).isNotEqualTo(fingerprint);
  }

  @Test
  void readsAPemChainInOrderSkippingKeys() throws Exception {
    Path file = TestCertificates.writePem(dir.resolve("chain.pem"), LEAF, OTHER);
    Files.writeString(
        file,
        TestCertificates.pem("PRIVATE KEY", KEYS.getPrivate().getEncoded()),
        java.nio.file.StandardOpenOption.APPEND);
    assertThat(Certificates.readPem(file)).containsExactly(LEAF, OTHER);
  }

  @Test
  void namesAMissingPemFile() {
    Path file = dir.resolve("absent.pem");
    assertThatThrownBy(() -> Certificates.readPem(file))
        .isInstanceOf(CertificateReadException.class)
        .hasMessage("PEM file " + file + " (certificates) does not exist");
  }

  @Test
  void namesAPemFileWithoutCertificate() throws Exception {
    Path file = TestCertificates.writeKeyPem(dir.resolve("key.pem"), KEYS.getPrivate());
    assertThatThrownBy(() -> Certificates.readPem(file))
        .isInstanceOf(CertificateReadException.class)
        .hasMessage(
            "no certificate in " + file + ": expected a '-----BEGIN CERTIFICATE-----' block");
  }

  @Test
  void namesTheLineOfABrokenCertificate() throws Exception {
    Path file = dir.resolve("broken.pem");
    Files.writeString(
        file,
        TestCertificates.pem("CERTIFICATE", LEAF.getEncoded())
            + TestCertificates.pem("CERTIFICATE", new byte[] {1, 2, 3}));
    assertThatThrownBy(() -> Certificates.readPem(file))
        .isInstanceOf(CertificateReadException.class)
        .hasMessageStartingWith("the certificate at line ")
        .hasMessageEndingWith(" of " + file + " is not a valid X.509 certificate");
  }

  @Test
  void namesAMalformedPemFile() throws Exception {
    Path file = Files.writeString(dir.resolve("cut.pem"), "-----BEGIN CERTIFICATE-----\nAQID\n");
    assertThatThrownBy(() -> Certificates.readPem(file))
        .hasMessage(
            "malformed PEM file "
                + file
                + ": PEM block 'CERTIFICATE' at line 1 has no '-----END CERTIFICATE-----'");
  }

  @Test
  void readsPkcs12AndListsItsCertificates() throws Exception {
    char[] password = "store-secret-1".toCharArray();
    Path file =
        TestCertificates.writePkcs12(
            dir.resolve("s.p12"), password, "srv", KEYS.getPrivate(), LEAF);
    KeyStore store = Certificates.readPkcs12(file, password);
    assertThat(Certificates.inKeyStore("s", store))
        .containsExactly(java.util.Map.entry("srv", LEAF));
  }

  @Test
  void saysWrongPasswordWithoutShowingEither() throws Exception {
    Path file =
        TestCertificates.writePkcs12(
            dir.resolve("s.p12"), "right-secret".toCharArray(), "srv", KEYS.getPrivate(), LEAF);
    assertThatThrownBy(() -> Certificates.readPkcs12(file, "wrong-secret".toCharArray()))
        .isInstanceOf(CertificateReadException.class)
        .hasMessage("cannot open PKCS#12 key store " + file + ": wrong password")
        .satisfies(e -> assertThat(e.toString()).doesNotContain("secret"));
  }

  @Test
  void namesAFileThatIsNotPkcs12() throws Exception {
    Path file = TestCertificates.writePem(dir.resolve("cert.pem"), LEAF);
    assertThatThrownBy(() -> Certificates.readPkcs12(file, "x".toCharArray()))
        .isInstanceOf(CertificateReadException.class)
        .hasMessage("cannot read PKCS#12 key store " + file + ": not a PKCS#12 file or corrupt");
    Path absent = dir.resolve("absent.p12");
    assertThatThrownBy(() -> Certificates.readPkcs12(absent, "x".toCharArray()))
        .hasMessage("PKCS#12 key store " + absent + " does not exist");
  }
}
