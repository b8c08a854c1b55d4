package dev.tdeveloper.security.spi;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link CertificateIssuer} returns: the certificate chain, leaf first (the trust anchor may
 * be left out), and the private key when the request carried a key pair. Immutable; {@link
 * #toString()} never shows the key.
 *
 * @param chain the chain, leaf first; never empty
 * @param privateKey the leaf's private key, present when the request was a {@link
 *     CertificateRequest.Key.Pair}
 */
public record IssuedCertificate(List<X509Certificate> chain, Optional<PrivateKey> privateKey) {
  /**
   * Checks the result.
   *
   * @throws IllegalArgumentException if the chain is empty
   */
  public IssuedCertificate {
    chain = List.copyOf(chain);
    Objects.requireNonNull(privateKey, "privateKey");
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("an issued certificate chain must not be empty");
    }
  }

  /**
   * Returns the result of {@code request}: {@code chain} and, for a key-pair request, its private
   * key.
   *
   * @throws CertificateIssuerException if the leaf does not certify the request's public key
   */
  public static IssuedCertificate of(CertificateRequest request, List<X509Certificate> chain) {
    Objects.requireNonNull(request, "request");
    IssuedCertificate issued = new IssuedCertificate(chain, Optional.empty());
    if (request.key() instanceof CertificateRequest.Key.Pair pair) {
      if (!issued.certificate().getPublicKey().equals(pair.keyPair().getPublic())) {
        throw new CertificateIssuerException(
            "the issued certificate for "
                + issued.certificate().getSubjectX500Principal().getName()
                + " does not certify the requested public key");
      }
      return new IssuedCertificate(chain, Optional.of(pair.keyPair().getPrivate()));
    }
    return issued;
  }

  /** Returns the leaf certificate. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  @Override
  public String toString() {
    return "IssuedCertificate[subject="
        + certificate().getSubjectX500Principal().getName()
        + ", notAfter="
        + certificate().getNotAfter().toInstant()
        + ", chain length "
        + chain.size()
        + (privateKey.isPresent() ? ", with private key (not shown)]" : "]");
  }
}
