package dev.tdeveloper.security.cert;

import dev.tdeveloper.security.internal.BouncyCastleCertificates;
import dev.tdeveloper.security.internal.KeyFiles;
import dev.tdeveloper.security.internal.Pem;
import dev.tdeveloper.security.spi.CertificateIssuer;
import dev.tdeveloper.security.spi.CertificateIssuerException;
import dev.tdeveloper.security.spi.CertificateRequest;
import dev.tdeveloper.security.spi.IssuedCertificate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * A certificate authority for development, kept in a local directory: {@value #CA_FILE} holds its
 * EC P-256 private key and self-signed certificate (owner-only where the platform has POSIX
 * permissions, in a directory created {@code rwx------}), {@value #CA_CERTIFICATE_FILE} the
 * certificate alone for clients to trust ({@code curl --cacert}). {@link #open} creates the CA on
 * first use (valid {@link #CA_VALIDITY}) and reuses it afterwards; it never replaces a CA it cannot
 * read, since everything it issued would stop being trusted.
 *
 * <p>Leaf certificates certify the request's names for TLS servers and clients, valid from the
 * second {@link #issue} is called for the requested validity, cut to the CA's own end. Building a
 * certificate needs Bouncy Castle ({@code org.bouncycastle:bcpkix-jdk18on}), which security-core
 * declares optional: add it to use this class. Not for production: the CA key sits unencrypted on
 * disk.
 *
 * <p>Thread-safe. One process at a time should create a CA in a directory.
 */
public final class LocalCertificateAuthority implements CertificateIssuer {
  /** The CA's private key and certificate: {@value}. */
  public static final String CA_FILE = "ca.pem";

  /** The CA's certificate alone, for clients to trust: {@value}. */
  public static final String CA_CERTIFICATE_FILE = "ca-cert.pem";

  /** How long a new CA is valid: ten years. */
  public static final Duration CA_VALIDITY = Duration.ofDays(3650);

  static final String BOUNCY_CASTLE =
      "org.bouncycastle:bcpkix-jdk18on (security-core declares it optional)";

  private final Path directory;
  private final PrivateKey caKey;
  private final X509Certificate ca;
  private final InstantSource clock;

  private LocalCertificateAuthority(
      Path directory, PrivateKey caKey, X509Certificate ca, InstantSource clock) {
    this.directory = directory;
    this.caKey = caKey;
    this.ca = ca;
    this.clock = clock;
  }

  /** Opens (or creates) the CA in {@code directory} on the system clock. */
  public static LocalCertificateAuthority open(Path directory) {
    return open(directory, InstantSource.system());
  }

  /**
   * Opens the CA kept in {@code directory}, creating the directory and the CA when there is none,
   * and (re)writes {@value #CA_CERTIFICATE_FILE}.
   *
   * @throws IllegalStateException if Bouncy Castle is not on the class path, naming the artifact
   * @throws CertificateIssuerException if the directory cannot be written, or {@value #CA_FILE}
   *     cannot be read or has expired (the message says to delete the directory for a new CA)
   */
  public static LocalCertificateAuthority open(Path directory, InstantSource clock) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(clock, "clock");
    requireBouncyCastle(LocalCertificateAuthority.class.getClassLoader());
    Path file = directory.resolve(CA_FILE);
    try {
      KeyFiles.createPrivateDirectory(directory);
      if (!Files.exists(file)) {
        create(file, clock.instant());
      }
      LocalCertificateAuthority authority = read(directory, file, clock);
      Path certificate = directory.resolve(CA_CERTIFICATE_FILE);
      String text = KeyFiles.pem(List.of(authority.ca));
      if (!Files.exists(certificate) || !Files.readString(certificate).equals(text)) {
        KeyFiles.replacePublic(certificate, text);
      }
      return authority;
    } catch (IOException e) {
      throw new CertificateIssuerException(
          "cannot write the local CA in " + directory + ": " + e.getMessage(), e);
    }
  }

  /** Fails with the artifact to add when {@code loader} cannot see Bouncy Castle. */
  static void requireBouncyCastle(ClassLoader loader) {
    try {
      Class.forName(BouncyCastleCertificates.PROBE_CLASS, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(
          "LocalCertificateAuthority builds certificates with Bouncy Castle, which is not on the"
              + " class path: add "
              + BOUNCY_CASTLE,
          e);
    }
  }

  private static void create(Path file, Instant now) throws IOException {
    KeyPair keys = KeyFiles.generateEcKeyPair();
    Instant notBefore = now.truncatedTo(ChronoUnit.SECONDS);
    byte[] random = new byte[4];
    new SecureRandom().nextBytes(random);
    String id = HexFormat.of().formatHex(random);
    X500Principal subject =
        new X500Principal("CN=T-Developer local development CA " + id + ", O=T-Developer");
    X509Certificate certificate =
        BouncyCastleCertificates.authority(keys, subject, notBefore, notBefore.plus(CA_VALIDITY));
    KeyFiles.replacePrivate(file, KeyFiles.pem(keys.getPrivate(), List.of(certificate)), () -> {});
  }

  private static LocalCertificateAuthority read(Path directory, Path file, InstantSource clock) {
    String remedy = "; delete " + directory + " to create a new CA (clients must trust it anew)";
    X509Certificate certificate;
    PrivateKey key;
    try {
      certificate = Certificates.readPem(file).get(0);
      byte[] der = null;
      for (Pem.Block block : Pem.readFile(file, "CA key")) {
        der = block.label().equals("PRIVATE KEY") ? block.der() : der;
      }
      if (der == null) {
        throw new CertificateReadException("no private key in " + file);
      }
      key = privateKey(der, certificate.getPublicKey(), file);
    } catch (CertificateReadException e) {
      throw new CertificateIssuerException("the local CA is unusable: " + e.getMessage() + remedy);
    }
    if (clock.instant().isAfter(certificate.getNotAfter().toInstant())) {
      throw new CertificateIssuerException(
          "the local CA in "
              + file
              + " expired at "
              + certificate.getNotAfter().toInstant()
              + remedy);
    }
    return new LocalCertificateAuthority(directory, key, certificate, clock);
  }

  /** Parses the CA key and checks it signs what the CA certificate's key verifies. */
  private static PrivateKey privateKey(byte[] der, PublicKey publicKey, Path file) {
    try {
      PrivateKey key =
          KeyFactory.getInstance(publicKey.getAlgorithm())
              .generatePrivate(new PKCS8EncodedKeySpec(der));
      byte[] probe = file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(key);
      signer.update(probe);
      Signature verifier = Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(publicKey);
      verifier.update(probe);
      if (verifier.verify(signer.sign())) {
        return key;
      }
    } catch (GeneralSecurityException e) {
      // reported below, without the cause's description of the key
    }
    throw new CertificateReadException(
        "the private key in " + file + " is not a valid EC key matching the CA certificate");
  }

  /**
   * Issues a certificate for {@code request}, valid from now (to the second) for the requested
   * validity, at most to the CA's end. The chain is the leaf alone: clients trust the CA
   * certificate ({@link #caCertificateFile()}).
   *
   * @throws IllegalArgumentException if the request's CSR is malformed or its signature does not
   *     verify
   * @throws CertificateIssuerException if the CA has expired
   */
  @Override
  public IssuedCertificate issue(CertificateRequest request) {
    Objects.requireNonNull(request, "request");
    Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant caEnd = ca.getNotAfter().toInstant();
    if (!notBefore.isBefore(caEnd)) {
      throw new CertificateIssuerException("the local CA in " + directory + " expired at " + caEnd);
    }
    Instant wanted = notBefore.plus(request.validity());
    Instant notAfter = wanted.isAfter(caEnd) ? caEnd : wanted;
    PublicKey key =
        request.key() instanceof CertificateRequest.Key.Pair pair
            ? pair.keyPair().getPublic()
            : BouncyCastleCertificates.csrPublicKey(
                ((CertificateRequest.Key.Csr) request.key()).der());
    X509Certificate leaf =
        BouncyCastleCertificates.leaf(caKey, ca, key, request, notBefore, notAfter);
    return IssuedCertificate.of(request, List.of(leaf));
  }

  @Override
  public String name() {
    return "local CA " + directory;
  }

  /** Returns the CA's certificate. */
  public X509Certificate caCertificate() {
    return ca;
  }

  /** Returns {@value #CA_CERTIFICATE_FILE} in the CA's directory, for clients to trust. */
  public Path caCertificateFile() {
    return directory.resolve(CA_CERTIFICATE_FILE);
  }

  /** Returns the directory the CA is kept in. */
  public Path directory() {
    return directory;
  }

  @Override
  public String toString() {
    return "LocalCertificateAuthority["
        + directory
        + ", "
        + ca.getSubjectX500Principal().getName()
        + ", sha256="
        + Certificates.sha256Fingerprint(ca)
        + "]";
  }
}
