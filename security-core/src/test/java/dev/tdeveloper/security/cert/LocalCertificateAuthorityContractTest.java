package dev.tdeveloper.security.cert;

import dev.tdeveloper.security.spi.CertificateIssuer;
import dev.tdeveloper.security.testkit.CertificateIssuerContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The local development CA passes the issuer contract every backend passes. */
class LocalCertificateAuthorityContractTest extends CertificateIssuerContract {
  @TempDir Path dir;

  @Override
  protected CertificateIssuer issuer() {
    return LocalCertificateAuthority.open(dir.resolve("ca"));
  }
}
