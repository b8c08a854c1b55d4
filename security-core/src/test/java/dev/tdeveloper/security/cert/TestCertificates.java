package dev.tdeveloper.security.cert;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made at test time with Bouncy Castle (the JDK cannot build them), so no committed
 * fixture ever expires, and the files tests read: PEM and PKCS#12.
 */
public final class TestCertificates {
  private static final AtomicLong SERIAL = new AtomicLong(1);

  private TestCertificates() {}

  /** A fresh EC P-256 key pair. */
  public static KeyPair ecKeyPair() {
    return keyPair("EC", 256);
  }

  /** A fresh RSA 2048 key pair. */
  public static KeyPair rsaKeyPair() {
    return keyPair("RSA", 2048);
  }

  private static KeyPair keyPair(String algorithm, int size) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      generator.initialize(size);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A self-signed certificate for {@code localhost} and 127.0.0.1, valid 90 days from now. */
  public static X509Certificate selfSigned(KeyPair keys) {
    Instant now = Instant.now();
    return selfSigned(
        keys, "localhost", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(90)));
  }

  /** A self-signed certificate for {@code cn}, localhost and 127.0.0.1, valid in the period. */
  public static X509Certificate selfSigned(
      KeyPair keys, String cn, Instant notBefore, Instant notAfter) {
    try {
      X500Name name = new X500Name("CN=" + cn);
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              name,
              BigInteger.valueOf(SERIAL.getAndIncrement()),
              Date.from(notBefore),
              Date.from(notAfter),
              name,
              keys.getPublic());
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")
              }));
      String signature =
          keys.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(new JcaContentSignerBuilder(signature).build(keys.getPrivate())));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the certificates as PEM {@code CERTIFICATE} blocks. */
  public static Path writePem(Path file, X509Certificate... certificates) throws IOException {
    StringBuilder text = new StringBuilder();
    for (X509Certificate certificate : certificates) {
      try {
        text.append(pem("CERTIFICATE", certificate.getEncoded()));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    return Files.writeString(file, text, StandardCharsets.US_ASCII);
  }

  /** Writes the key as an unencrypted PKCS#8 {@code PRIVATE KEY} block. */
  public static Path writeKeyPem(Path file, PrivateKey key) throws IOException {
    return Files.writeString(file, pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
  }

  /** Writes the key in OpenSSL's traditional form (PKCS#1 for RSA, SEC1 for EC). */
  public static Path writeTraditionalKeyPem(Path file, PrivateKey key) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(key);
    }
    return Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
  }

  /** Returns {@code der} as a PEM block labelled {@code label}. */
  public static String pem(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }

  /** Writes a PKCS#12 key store holding {@code key} under {@code alias} with its chain. */
  public static Path writePkcs12(
      Path file, char[] password, String alias, PrivateKey key, X509Certificate... chain)
      throws IOException {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(alias, key, password, chain);
      try (OutputStream out = Files.newOutputStream(file)) {
        store.store(out, password);
      }
      return file;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns an in-memory PKCS#12 store with the entries given as alias, key, certificate. */
  public static KeyStore keyStore(Object... aliasKeyCertificate) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (int i = 0; i < aliasKeyCertificate.length; i += 3) {
        String alias = (String) aliasKeyCertificate[i];
        Certificate certificate = (Certificate) aliasKeyCertificate[i + 2];
        if (aliasKeyCertificate[i + 1] instanceof PrivateKey key) {
          store.setKeyEntry(alias, key, "pw".toCharArray(), new Certificate[] {certificate});
        } else {
          store.setCertificateEntry(alias, certificate);
        }
      }
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
