package dev.tdeveloper.security.tls;

import dev.tdeveloper.security.cert.CertificateReadException;
import dev.tdeveloper.security.internal.Pem;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.Map;

/** Reads an unencrypted PKCS#8 private key from PEM blocks. Stateless, thread-safe. */
final class PemKeys {
  /** Forms a key may take in PEM that the JDK cannot read, and how to convert each. */
  private static final Map<String, String> OTHER_FORMS =
      Map.of(
          "RSA PRIVATE KEY", "a PKCS#1 RSA key",
          "EC PRIVATE KEY", "a SEC1 EC key",
          "ENCRYPTED PRIVATE KEY", "an encrypted PKCS#8 key");

  private PemKeys() {}

  static PrivateKey privateKey(List<Pem.Block> blocks, Path file, X509Certificate certificate) {
    Pem.Block found = null;
    for (Pem.Block block : blocks) {
      String form = OTHER_FORMS.get(block.label());
      if (form != null) {
        throw new CertificateReadException(
            "the key at line "
                + block.line()
                + " of "
                + file
                + " is "
                + form
                + "; convert it to an unencrypted PKCS#8 key ('-----BEGIN PRIVATE KEY-----') with"
                + " 'openssl pkcs8 -topk8 -nocrypt -in "
                + file
                + " -out key.pem' and keep that file private");
      }
      if (block.label().equals("PRIVATE KEY")) {
        if (found != null) {
          throw new CertificateReadException(
              file
                  + " holds more than one private key (lines "
                  + found.line()
                  + " and "
                  + block.line()
                  + "); keep only the server's");
        }
        found = block;
      }
    }
    if (found == null) {
      throw new CertificateReadException(
          "no private key in "
              + file
              + ": expected a '-----BEGIN PRIVATE KEY-----' block (PKCS#8)");
    }
    String algorithm = certificate.getPublicKey().getAlgorithm();
    try {
      return KeyFactory.getInstance(algorithm)
          .generatePrivate(new PKCS8EncodedKeySpec(found.der()));
    } catch (GeneralSecurityException e) {
      // The cause's message may describe the encoding; it never holds key bytes, but keep it out.
      throw new CertificateReadException(
          "the private key at line "
              + found.line()
              + " of "
              + file
              + " is not a valid PKCS#8 "
              + algorithm
              + " key, the algorithm of the certificate's public key");
    }
  }
}
