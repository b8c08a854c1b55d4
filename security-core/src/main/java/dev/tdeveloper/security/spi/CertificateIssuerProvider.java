package dev.tdeveloper.security.spi;

import dev.tdeveloper.tenancy.spi.NamedProvider;
import java.util.Map;

/**
 * Creates {@link CertificateIssuer}s; registered in {@code
 * META-INF/services/dev.tdeveloper.security.spi.CertificateIssuerProvider} and picked by {@link
 * CertificateIssuer#fromProviders}. security-core registers {@code local-ca}.
 *
 * <p>Implementations must be thread-safe and have a public no-argument constructor; a provider's
 * class must load without its optional dependencies, failing in {@link #create} instead.
 */
public interface CertificateIssuerProvider extends NamedProvider {
  /**
   * Creates an issuer.
   *
   * @param config issuer settings (a directory, a CA's URL or ARN); keys are issuer-specific
   * @throws IllegalArgumentException if a setting is missing, unknown or invalid, naming it
   * @throws IllegalStateException if a library the issuer needs is missing, naming its artifact
   */
  CertificateIssuer create(Map<String, String> config);
}
