package ${package};

import dev.tdeveloper.security.spi.CertificateIssuer;
import dev.tdeveloper.security.spi.CertificateIssuerProvider;
import java.util.Map;

/** The {@code ${cloud.toLowerCase()}} {@link CertificateIssuerProvider}, found by {@link java.util.ServiceLoader}. */
public final class ${cloud}CertificateIssuerProvider implements CertificateIssuerProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public ${cloud}CertificateIssuerProvider() {}

  @Override
  public String name() {
    return "${cloud.toLowerCase()}";
  }

  /** Creates the backend; read the ${cloud} endpoint and credentials from the settings. */
  @Override
  public CertificateIssuer create(Map<String, String> config) {
    return new ${cloud}CertificateIssuer();
  }
}
