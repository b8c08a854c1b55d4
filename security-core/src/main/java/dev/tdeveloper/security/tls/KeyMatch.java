package dev.tdeveloper.security.tls;

import dev.tdeveloper.security.cert.CertificateReadException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;

/**
 * Checks that a private key belongs to a certificate, so a mismatch fails at start-up with a clear
 * message rather than at the first handshake. Stateless, thread-safe.
 */
final class KeyMatch {
  private static final byte[] PROBE =
      "dev.tdeveloper key match probe".getBytes(StandardCharsets.US_ASCII);

  private KeyMatch() {}

  static void check(PrivateKey key, X509Certificate certificate, String origin) {
    PublicKey publicKey = certificate.getPublicKey();
    String subject = certificate.getSubjectX500Principal().getName();
    if (!matches(key, publicKey, origin)) {
      throw new CertificateReadException(
          "the private key of " + origin + " does not match the certificate of " + subject);
    }
  }

  private static boolean matches(PrivateKey key, PublicKey publicKey, String origin) {
    if (key instanceof RSAKey privateRsa && publicKey instanceof RSAKey publicRsa) {
      return privateRsa.getModulus().equals(publicRsa.getModulus());
    }
    String algorithm =
        switch (publicKey.getAlgorithm()) {
          case "EC" -> "SHA256withECDSA";
          case "EdDSA", "Ed25519", "Ed448" -> publicKey.getAlgorithm();
          default ->
              throw new CertificateReadException(
                  "the certificate of "
                      + origin
                      + " has a "
                      + publicKey.getAlgorithm()
                      + " key; a TLS 1.3 server needs an RSA, EC or EdDSA key");
        };
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(PROBE);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(PROBE);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
