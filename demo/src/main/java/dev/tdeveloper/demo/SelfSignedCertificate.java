package dev.tdeveloper.demo;

import dev.tdeveloper.security.cert.CertificateReadException;
import dev.tdeveloper.security.cert.Certificates;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's development certificate for {@code --tls} without key material: an EC P-256 key and a
 * self-signed certificate for {@code localhost}, {@code *.localhost}, 127.0.0.1 and ::1, valid
 * {@link #VALIDITY}. Kept under {@code <data>/tls}: {@value #SERVER_FILE} (key and certificate,
 * readable by the owner only, replaced atomically) and {@value #CERTIFICATE_FILE} (the certificate
 * alone, for clients: {@code curl --cacert}). Reused across restarts until two thirds of its
 * lifetime have passed, then replaced. Bouncy Castle builds the certificate: the JDK has no public
 * API for it. Stateless, thread-safe.
 */
final class SelfSignedCertificate {
  private static final Logger LOG = LoggerFactory.getLogger(SelfSignedCertificate.class);

  /** How long a generated certificate is valid. */
  static final Duration VALIDITY = Duration.ofDays(90);

  /** The file the server loads: PKCS#8 private key and certificate. */
  static final String SERVER_FILE = "demo-tls.pem";

  /** The certificate alone, for clients to trust. */
  static final String CERTIFICATE_FILE = "demo-cert.pem";

  private SelfSignedCertificate() {}

  /**
   * Returns {@code dir/}{@value #SERVER_FILE}, generating it first when it is missing, unreadable,
   * not yet valid or past two thirds of its lifetime; (re)writes {@value #CERTIFICATE_FILE} to
   * match.
   */
  static Path ensure(Path dir, InstantSource clock) throws IOException {
    Files.createDirectories(dir);
    Path server = dir.resolve(SERVER_FILE);
    Instant now = clock.instant();
    Optional<String> stale =
        Files.exists(server) ? staleness(server, now) : Optional.of("none yet");
    if (stale.isPresent()) {
      LOG.info("generating the demo's self-signed TLS certificate in {} ({})", dir, stale.get());
      KeyPair keys = keyPair();
      X509Certificate certificate = certificate(keys, now);
      writeAtomically(server, pem(keys.getPrivate(), certificate), true);
    }
    X509Certificate certificate = Certificates.readPem(server).get(0);
    writeAtomically(dir.resolve(CERTIFICATE_FILE), pem(certificate), false);
    return server;
  }

  /** Returns why the certificate in {@code server} must be replaced, or empty to keep it. */
  private static Optional<String> staleness(Path server, Instant now) {
    X509Certificate certificate;
    try {
      certificate = Certificates.readPem(server).get(0);
    } catch (CertificateReadException e) {
      return Optional.of("the previous one is unreadable: " + e.getMessage());
    }
    Instant notBefore = certificate.getNotBefore().toInstant();
    Instant notAfter = certificate.getNotAfter().toInstant();
    Instant renewAt =
        notBefore.plus(Duration.between(notBefore, notAfter).multipliedBy(2).dividedBy(3));
    if (now.isBefore(notBefore)) {
      return Optional.of("the previous one is not valid before " + notBefore);
    }
    if (!now.isBefore(renewAt)) {
      return Optional.of(
          "two thirds of the previous one's lifetime have passed; it ends " + notAfter);
    }
    return Optional.empty();
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot generate EC P-256 keys", e);
    }
  }

  /** Builds the certificate, valid from an hour before {@code now} (for clock skew). */
  static X509Certificate certificate(KeyPair keys, Instant now) {
    X500Name name = new X500Name("O=T-Developer demo (self-signed), CN=localhost");
    try {
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              name,
              new BigInteger(127, new SecureRandom()).add(BigInteger.ONE),
              Date.from(now.minus(Duration.ofHours(1))),
              Date.from(now.plus(VALIDITY)),
              name,
              keys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.dNSName, "*.localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.iPAddress, "::1")
              }));
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot build the demo's self-signed certificate", e);
    }
  }

  /** PEM text: the private key (unencrypted PKCS#8), then the certificate. */
  private static String pem(PrivateKey key, X509Certificate certificate) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(new JcaPKCS8Generator(key, null));
      writer.writeObject(certificate);
    }
    return text.toString();
  }

  /** PEM text: the certificate alone. */
  private static String pem(X509Certificate certificate) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(certificate);
    }
    return text.toString();
  }

  /** Replaces {@code file}: readable by its owner only, or by everyone (a certificate). */
  private static void writeAtomically(Path file, String text, boolean ownerOnly)
      throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    Path temp =
        posix
            ? Files.createTempFile(
                file.getParent(),
                ".tls",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
            : Files.createTempFile(file.getParent(), ".tls", ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.US_ASCII);
      if (posix && !ownerOnly) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
