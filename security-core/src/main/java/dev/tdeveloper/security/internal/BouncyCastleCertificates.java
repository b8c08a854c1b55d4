package dev.tdeveloper.security.internal;

import dev.tdeveloper.security.spi.CertificateRequest;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * Builds certificates with Bouncy Castle, which security-core declares optional: only the local
 * certificate authority calls this class, after checking that Bouncy Castle is on the class path,
 * so no other class links against it. Stateless, thread-safe.
 */
public final class BouncyCastleCertificates {
  /** A class of {@code bcpkix}, to check for the library before linking this class. */
  public static final String PROBE_CLASS = "org.bouncycastle.cert.X509v3CertificateBuilder";

  private static final SecureRandom RANDOM = new SecureRandom();

  private BouncyCastleCertificates() {}

  /** A self-signed CA certificate: may sign certificates (path length 0) and CRLs. */
  public static X509Certificate authority(
      KeyPair keys, X500Principal subject, Instant notBefore, Instant notAfter) {
    try {
      X500Name name = X500Name.getInstance(subject.getEncoded());
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              name, serial(), Date.from(notBefore), Date.from(notAfter), name, keys.getPublic());
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          utils.createSubjectKeyIdentifier(keys.getPublic()));
      return sign(builder, keys.getPrivate());
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot build the CA certificate of " + subject, e);
    }
  }

  /** A TLS server (and client) certificate for {@code request}'s names, signed by the CA. */
  public static X509Certificate leaf(
      PrivateKey caKey,
      X509Certificate ca,
      PublicKey key,
      CertificateRequest request,
      Instant notBefore,
      Instant notAfter) {
    try {
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              ca, serial(), Date.from(notBefore), Date.from(notAfter), request.subject(), key);
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      int usage =
          key.getAlgorithm().equals("RSA")
              ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
              : KeyUsage.digitalSignature;
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
      builder.addExtension(
          Extension.extendedKeyUsage,
          false,
          new ExtendedKeyUsage(
              new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
      List<GeneralName> names = new ArrayList<>();
      request.dnsNames().forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
      for (InetAddress ip : request.ipAddresses()) {
        names.add(new GeneralName(GeneralName.iPAddress, ip.getHostAddress()));
      }
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(names.toArray(GeneralName[]::new)));
      builder.addExtension(
          Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
      builder.addExtension(
          Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(ca));
      return sign(builder, caKey);
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot build a certificate for " + request.names(), e);
    }
  }

  /**
   * Returns the public key of the PKCS#10 request {@code der} after verifying its signature.
   *
   * @throws IllegalArgumentException if it is not a CSR or its signature does not verify
   */
  public static PublicKey csrPublicKey(byte[] der) {
    PublicKey key;
    boolean valid;
    try {
      JcaPKCS10CertificationRequest csr = new JcaPKCS10CertificationRequest(der);
      key = csr.getPublicKey();
      valid = csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("the CSR is not a DER-encoded PKCS#10 request", e);
    } catch (GeneralSecurityException | OperatorCreationException | PKCSException e) {
      throw new IllegalArgumentException("the CSR's key or signature cannot be read", e);
    }
    if (!valid) {
      throw new IllegalArgumentException("the CSR's signature does not verify with its public key");
    }
    return key;
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
      throws GeneralSecurityException {
    String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(key)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("cannot sign with a " + key.getAlgorithm() + " key", e);
    }
  }

  /** A random positive serial number of up to 127 bits (RFC 5280: at most 20 octets). */
  private static BigInteger serial() {
    return new BigInteger(127, RANDOM).add(BigInteger.ONE);
  }
}
