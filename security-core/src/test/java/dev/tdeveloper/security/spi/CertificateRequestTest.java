package dev.tdeveloper.security.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.cert.TestCertificates;
import java.net.InetAddress;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

class CertificateRequestTest {
  private static final KeyPair KEYS = TestCertificates.ecKeyPair();
  private static final Duration DAYS_90 = Duration.ofDays(90);

  @Test
  void splitsDnsNamesFromIpLiteralsWithoutLookingAnythingUp() throws Exception {
    CertificateRequest request =
        CertificateRequest.forKeyPair(
            KEYS, DAYS_90, "localhost", "*.localhost", "127.0.0.1", "::1");
    assertThat(request.subject()).isEqualTo(new X500Principal("CN=localhost"));
    assertThat(request.dnsNames()).containsExactly("localhost", "*.localhost");
    assertThat(request.ipAddresses())
        .containsExactly(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"));
    assertThat(request.names())
        .containsExactly("localhost", "*.localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
  }

  @Test
  void rejectsBadNamesAndValiditiesNamingThem() {
    assertThatThrownBy(() -> CertificateRequest.forKeyPair(KEYS, DAYS_90, "999.1.1.1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'999.1.1.1' is not an IP address literal");
    assertThatThrownBy(() -> CertificateRequest.forKeyPair(KEYS, DAYS_90, "1.2.3"))
        .hasMessage("'1.2.3' is not an IP address literal");
    assertThatThrownBy(() -> CertificateRequest.forKeyPair(KEYS, DAYS_90, "fe80::zz"))
        .hasMessage("'fe80::zz' is not an IP address literal");
    assertThatThrownBy(() -> CertificateRequest.forKeyPair(KEYS, DAYS_90, "Example.com"))
        .hasMessageStartingWith("DNS name 'Example.com' is not a lower-case host name");
    assertThatThrownBy(() -> CertificateRequest.forKeyPair(KEYS, DAYS_90, "a..b"))
        .hasMessageStartingWith("DNS name 'a..b' is not");
    assertThatThrownBy(() -> CertificateRequest.forKeyPair(KEYS, DAYS_90, "-a.example"))
        .hasMessageStartingWith("DNS name '-a.example' is not");
    assertThatThrownBy(() -> CertificateRequest.forKeyPair(KEYS, DAYS_90, "a.example", "a.example"))
        .hasMessage("DNS name 'a.example' is listed twice");
    assertThatThrownBy(() -> CertificateRequest.forKeyPair(KEYS, Duration.ZERO, "a.example"))
        .hasMessage("validity must be positive, was PT0S");
    assertThatThrownBy(() -> CertificateRequest.forKeyPair(KEYS, DAYS_90))
        .hasMessage("at least one name is required");
    assertThatThrownBy(
            () ->
                new CertificateRequest(
                    new X500Principal("CN=x"),
                    List.of(),
                    List.of(),
                    new CertificateRequest.Key.Pair(KEYS),
                    DAYS_90))
        .hasMessageStartingWith("a certificate request needs at least one DNS name or IP address");
    assertThatThrownBy(() -> new CertificateRequest.Key.Csr(new byte[0]))
        .hasMessage("a CSR must not be empty");
  }

  @Test
  void neverShowsThePrivateKey() {
    CertificateRequest request = CertificateRequest.forKeyPair(KEYS, DAYS_90, "localhost");
    String key = Base64.getEncoder().encodeToString(KEYS.getPrivate().getEncoded());
    assertThat(request.toString())
        .contains("private key not shown")
        .doesNotContain(key)
        .doesNotContain(KEYS.getPrivate().toString());
    byte[] der = {1, 2, 3};
    CertificateRequest.Key.Csr csr = new CertificateRequest.Key.Csr(der);
    der[0] = 9;
    assertThat(csr.der()).containsExactly(1, 2, 3);
    assertThat(csr).isEqualTo(new CertificateRequest.Key.Csr(new byte[] {1, 2, 3}));
  }

  @Test
  void anIssuedCertificateMustCertifyTheRequestedKey() {
    CertificateRequest request = CertificateRequest.forKeyPair(KEYS, DAYS_90, "localhost");
    var other = TestCertificates.selfSigned(TestCertificates.ecKeyPair());
    assertThatThrownBy(() -> IssuedCertificate.of(request, List.of(other)))
        .isInstanceOf(CertificateIssuerException.class)
        .hasMessage(
            "the issued certificate for CN=localhost does not certify the requested public key");
    IssuedCertificate issued =
        IssuedCertificate.of(request, List.of(TestCertificates.selfSigned(KEYS)));
    assertThat(issued.privateKey()).contains(KEYS.getPrivate());
    assertThat(issued.toString())
        .contains("with private key (not shown)")
        .doesNotContain(Base64.getEncoder().encodeToString(KEYS.getPrivate().getEncoded()));
    assertThatThrownBy(() -> new IssuedCertificate(List.of(), Optional.empty()))
        .hasMessage("an issued certificate chain must not be empty");
  }
}
