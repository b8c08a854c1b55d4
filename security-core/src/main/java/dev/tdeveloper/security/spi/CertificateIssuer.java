package dev.tdeveloper.security.spi;

import dev.tdeveloper.tenancy.spi.ProviderSelector;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A certificate authority that issues X.509 certificates for TLS servers: the {@code
 * CertificateRenewer} asks it for a new certificate once two thirds of the current one's lifetime
 * have passed. security-core ships {@code LocalCertificateAuthority} (a development CA on local
 * files); an ACME client (Let's Encrypt) or AWS Private CA implements this in its backend module,
 * with the client libraries it needs.
 *
 * <p><b>Contract.</b> {@link #issue} certifies the request's public key for the request's subject
 * and names. The leaf certificate must hold every requested DNS name and IP address as subject
 * alternative names, be valid now, and end no later than {@code now + request.validity()}; an
 * issuer may grant a shorter validity (ACME's CAs fix theirs). For a {@link
 * CertificateRequest.Key.Pair} the private key may be used only to sign a request to the CA (a CSR
 * or an ACME order), never stored or sent; {@link IssuedCertificate#of} returns it with the chain.
 * Issuing may block (network, ACME challenges): call it from a background thread.
 *
 * <p><b>Errors.</b> Bad requests throw {@link IllegalArgumentException} naming the problem; a CA
 * that refuses or cannot be reached throws {@link CertificateIssuerException}. Neither message
 * carries a key or credential.
 *
 * <p>Implementations are thread-safe. The contract test kit is {@code
 * dev.tdeveloper.security.testkit.CertificateIssuerContract} in the {@code security-testkit}
 * artifact.
 */
public interface CertificateIssuer {
  /** Returns a short description for events and messages (the CA's name, never a credential). */
  String name();

  /**
   * Issues a certificate for {@code request}.
   *
   * @return the chain, leaf first, and the private key of a key-pair request
   * @throws IllegalArgumentException if the request cannot be served by this issuer (a CSR whose
   *     signature does not verify, a key type the CA does not certify)
   * @throws CertificateIssuerException if the CA refuses or cannot be reached
   */
  IssuedCertificate issue(CertificateRequest request);

  /**
   * Returns the issuer of the {@link CertificateIssuerProvider} found by {@link
   * java.util.ServiceLoader} (see {@link ProviderSelector} for the rule), created with {@code
   * config}. security-core registers {@code local-ca} (config {@code directory}).
   *
   * @param name the provider to pick when several are found
   * @param config provider-specific settings
   * @throws IllegalStateException if no provider, or several without a name, are found
   * @throws IllegalArgumentException if the provider rejects {@code config}, naming the setting
   */
  static CertificateIssuer fromProviders(Optional<String> name, Map<String, String> config) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");
    return ProviderSelector.select(
            CertificateIssuerProvider.class,
            name,
            "dev.tdeveloper:security-core with org.bouncycastle:bcpkix-jdk18on (local-ca), or a"
                + " backend with an issuer")
        .create(Map.copyOf(config));
  }
}
