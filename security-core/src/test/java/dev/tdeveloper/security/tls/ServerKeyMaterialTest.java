package dev.tdeveloper.security.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.cert.CertificateReadException;
import dev.tdeveloper.security.cert.Certificates;
import dev.tdeveloper.security.cert.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerKeyMaterialTest {
  private static final KeyPair EC = TestCertificates.ecKeyPair();
  private static final X509Certificate EC_CERT = TestCertificates.selfSigned(EC);
  private static final KeyPair RSA = TestCertificates.rsaKeyPair();
  private static final X509Certificate RSA_CERT = TestCertificates.selfSigned(RSA);
  private static final String PASSWORD = "p12-Secret-Value";

  @TempDir Path dir;

  @Test
  void loadsPkcs12() throws Exception {
    Path file =
        TestCertificates.writePkcs12(
            dir.resolve("server.p12"), PASSWORD.toCharArray(), "srv", RSA.getPrivate(), RSA_CERT);
    ServerKeyMaterial material = ServerKeyMaterial.fromPkcs12(file, PASSWORD.toCharArray());
    assertThat(material.certificate()).isEqualTo(RSA_CERT);
    assertThat(material.chain()).containsExactly(RSA_CERT);
    assertThat(material.sha256Fingerprint()).isEqualTo(Certificates.sha256Fingerprint(RSA_CERT));
    assertThat(material.origin()).isEqualTo("PKCS#12 key store " + file);
    assertThat(material.toString()).doesNotContain(PASSWORD).contains("CN=localhost");
  }

  @Test
  void loadsPemRsaAndEcFromSeparateOrOneFile() throws Exception {
    Path cert = TestCertificates.writePem(dir.resolve("ec.pem"), EC_CERT);
    Path key = TestCertificates.writeKeyPem(dir.resolve("ec.key"), EC.getPrivate());
    assertThat(ServerKeyMaterial.fromPem(cert, key).certificate()).isEqualTo(EC_CERT);

    Path both = TestCertificates.writePem(dir.resolve("rsa.pem"), RSA_CERT);
    Files.writeString(
        both,
        Files.readString(both)
            + TestCertificates.pem("PRIVATE KEY", RSA.getPrivate().getEncoded()));
    ServerKeyMaterial rsa = ServerKeyMaterial.fromPem(both, both);
    assertThat(rsa.certificate()).isEqualTo(RSA_CERT);
    assertThat(rsa.toString()).doesNotContain(pemBody(RSA.getPrivate().getEncoded()));
  }

  @Test
  void refusesAKeyThatIsNotTheCertificates() throws Exception {
    Path cert = TestCertificates.writePem(dir.resolve("ec.pem"), EC_CERT);
    Path key =
        TestCertificates.writeKeyPem(
            dir.resolve("other.key"), TestCertificates.ecKeyPair().getPrivate());
    assertThatThrownBy(() -> ServerKeyMaterial.fromPem(cert, key))
        .isInstanceOf(CertificateReadException.class)
        .hasMessage(
            "the private key of PEM certificate "
                + cert
                + " and key "
                + key
                + " does not match the certificate of CN=localhost");
  }

  @Test
  void refusesAKeyOfAnotherAlgorithm() throws Exception {
    Path cert = TestCertificates.writePem(dir.resolve("ec.pem"), EC_CERT);
    Path key = TestCertificates.writeKeyPem(dir.resolve("rsa.key"), RSA.getPrivate());
    assertThatThrownBy(() -> ServerKeyMaterial.fromPem(cert, key))
        .isInstanceOf(CertificateReadException.class)
        .hasMessage(
            "the private key at line 1 of "
                + key
                + " is not a valid PKCS#8 EC key, the algorithm of the certificate's public key")
        .satisfies(
            e -> assertThat(e.toString()).doesNotContain(pemBody(RSA.getPrivate().getEncoded())));
  }

  @Test
  void explainsHowToConvertATraditionalKey() throws Exception {
    Path cert = TestCertificates.writePem(dir.resolve("rsa.pem"), RSA_CERT);
    Path key = TestCertificates.writeTraditionalKeyPem(dir.resolve("rsa.key"), RSA.getPrivate());
    assertThat(Files.readString(key)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThatThrownBy(() -> ServerKeyMaterial.fromPem(cert, key))
        .isInstanceOf(CertificateReadException.class)
        .hasMessageStartingWith("the key at line 1 of " + key + " is a PKCS#1 RSA key; convert it")
        .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt -in " + key);
    Path ecKey = TestCertificates.writeTraditionalKeyPem(dir.resolve("ec.key"), EC.getPrivate());
    assertThatThrownBy(
            () ->
                ServerKeyMaterial.fromPem(
                    TestCertificates.writePem(dir.resolve("ec.pem"), EC_CERT), ecKey))
        .hasMessageContaining(" is a SEC1 EC key; convert it");
  }

  @Test
  void namesAKeyFileWithoutKey() throws Exception {
    Path cert = TestCertificates.writePem(dir.resolve("ec.pem"), EC_CERT);
    assertThatThrownBy(() -> ServerKeyMaterial.fromPem(cert, cert))
        .isInstanceOf(CertificateReadException.class)
        .hasMessage(
            "no private key in "
                + cert
                + ": expected a '-----BEGIN PRIVATE KEY-----' block (PKCS#8)");
    Path absent = dir.resolve("absent.key");
    assertThatThrownBy(() -> ServerKeyMaterial.fromPem(cert, absent))
        .hasMessage("PEM file " + absent + " (private key) does not exist");
  }

  @Test
  void refusesAPkcs12WithoutOrWithSeveralKeys() throws Exception {
    Path none = dir.resolve("none.p12");
    try (var out = Files.newOutputStream(none)) {
      TestCertificates.keyStore("ca", "trusted", EC_CERT).store(out, "pw".toCharArray());
    }
    assertThatThrownBy(() -> ServerKeyMaterial.fromPkcs12(none, "pw".toCharArray()))
        .isInstanceOf(CertificateReadException.class)
        .hasMessage(
            "PKCS#12 key store " + none + " must hold exactly one private key entry, holds 0");
    Path two = dir.resolve("two.p12");
    try (var out = Files.newOutputStream(two)) {
      TestCertificates.keyStore("a", EC.getPrivate(), EC_CERT, "b", RSA.getPrivate(), RSA_CERT)
          .store(out, "pw".toCharArray());
    }
    assertThatThrownBy(() -> ServerKeyMaterial.fromPkcs12(two, "pw".toCharArray()))
        .hasMessageStartingWith(
            "PKCS#12 key store " + two + " must hold exactly one private key entry, holds 2");
  }

  @Test
  void aWrongPkcs12PasswordIsNamedButNotShown() throws Exception {
    Path file =
        TestCertificates.writePkcs12(
            dir.resolve("server.p12"), PASSWORD.toCharArray(), "srv", EC.getPrivate(), EC_CERT);
    String wrong = "Not-The-" + PASSWORD;
    assertThatThrownBy(() -> ServerKeyMaterial.fromPkcs12(file, wrong.toCharArray()))
        .isInstanceOf(CertificateReadException.class)
        .hasMessage("cannot open PKCS#12 key store " + file + ": wrong password")
        .satisfies(e -> assertThat(e.toString()).doesNotContain(PASSWORD));
  }

  private static String pemBody(byte[] der) {
    return Base64.getEncoder().encodeToString(der).substring(100, 140); // past the fixed header
  }
}
