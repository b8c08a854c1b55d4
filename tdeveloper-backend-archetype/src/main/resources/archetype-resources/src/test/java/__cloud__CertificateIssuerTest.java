package ${package};

import dev.tdeveloper.security.spi.CertificateIssuer;
import dev.tdeveloper.security.testkit.CertificateIssuerContract;

/** Holds {@link ${cloud}CertificateIssuer} to the SDK's contract kit; fails until it is implemented. */
class ${cloud}CertificateIssuerTest extends CertificateIssuerContract {
  @Override
  protected CertificateIssuer issuer() {
    return new ${cloud}CertificateIssuer();
  }
}
