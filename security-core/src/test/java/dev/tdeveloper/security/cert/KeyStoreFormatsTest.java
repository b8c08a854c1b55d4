package dev.tdeveloper.security.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JKS next to PKCS#12: each read as itself, the other format named, passwords never shown. */
class KeyStoreFormatsTest {
  private static final KeyPair KEYS = TestCertificates.ecKeyPair();
  private static final X509Certificate CERT = TestCertificates.selfSigned(KEYS);
  private static final char[] PASSWORD = "jks-s3cret-pass".toCharArray();

  @TempDir Path dir;

  private Path writeJks(Path file) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("JKS");
    store.load(null, null);
    store.setKeyEntry("server", KEYS.getPrivate(), PASSWORD, new X509Certificate[] {CERT});
    store.setCertificateEntry("ca", CERT);
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, PASSWORD);
    }
    return file;
  }

  @Test
  void readsAJksKeyStoreAndWatchesItsCertificates() throws Exception {
    Path jks = writeJks(dir.resolve("server.jks"));
    assertThat(Certificates.readJks(jks, PASSWORD).getType()).isEqualToIgnoringCase("JKS");
    CertificateSource source = CertificateSource.jksFile(jks, PASSWORD);
    assertThat(source.load()).containsOnlyKeys("server", "ca").containsValue(CERT);
    assertThat(source.name()).isEqualTo(jks.toString());
    assertThat(source.toString()).isEqualTo("CertificateSource[JKS " + jks + "]");
  }

  @Test
  void aWrongJksPasswordIsNamedWithoutTheSecret() throws Exception {
    Path jks = writeJks(dir.resolve("server.jks"));
    char[] wrong = "not-the-pass-123".toCharArray();
    assertThatThrownBy(() -> Certificates.readJks(jks, wrong))
        .isInstanceOf(CertificateReadException.class)
        .hasMessage("cannot open JKS key store " + jks + ": wrong password")
        .satisfies(e -> assertThat(e.toString()).doesNotContain("not-the-pass", "jks-s3cret"));
    CertificateSource source = CertificateSource.jksFile(jks, wrong);
    assertThatThrownBy(source::load).hasMessageContaining("wrong password");
    assertThat(source.toString()).doesNotContain("not-the-pass");
  }

  @Test
  void aPkcs12FileGivenAsJksAndTheReverseAreNamed() throws Exception {
    Path p12 =
        TestCertificates.writePkcs12(
            dir.resolve("server.p12"), PASSWORD, "server", KEYS.getPrivate(), CERT);
    Path jks = writeJks(dir.resolve("server.jks"));
    assertThatThrownBy(() -> Certificates.readJks(p12, PASSWORD))
        .isInstanceOf(CertificateReadException.class)
        .hasMessage("cannot read JKS key store " + p12 + ": it is a PKCS#12 key store, not JKS");
    assertThatThrownBy(() -> Certificates.readPkcs12(jks, PASSWORD))
        .isInstanceOf(CertificateReadException.class)
        .hasMessage(
            "cannot read PKCS#12 key store " + jks + ": it is a JKS key store, not PKCS#12");
  }

  @Test
  void missingAndGarbageFilesAreNamed() throws Exception {
    Path missing = dir.resolve("missing.jks");
    assertThatThrownBy(() -> Certificates.readJks(missing, PASSWORD))
        .hasMessage("JKS key store " + missing + " does not exist");
    Path text = Files.writeString(dir.resolve("text.jks"), "hello");
    assertThatThrownBy(() -> Certificates.readJks(text, PASSWORD))
        .hasMessage("cannot read JKS key store " + text + ": not a JKS file or corrupt");
    Path truncated = dir.resolve("truncated.jks");
    Files.write(
        truncated, java.util.Arrays.copyOf(Files.readAllBytes(writeJks(dir.resolve("a.jks"))), 40));
    assertThatThrownBy(() -> Certificates.readJks(truncated, PASSWORD))
        .hasMessage("cannot read JKS key store " + truncated + ": not a JKS file or corrupt");
  }
}
