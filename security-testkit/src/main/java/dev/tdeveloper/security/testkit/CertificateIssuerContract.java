package dev.tdeveloper.security.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.spi.CertificateIssuer;
import dev.tdeveloper.security.spi.CertificateRequest;
import dev.tdeveloper.security.spi.IssuedCertificate;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link CertificateIssuer} must pass for the requests the {@code
 * CertificateRenewer} sends: a fresh EC P-256 key pair and the names of {@link #names()}. A
 * backend's test extends this class and implements {@link #issuer()}, returning an issuer that can
 * certify those names (a test CA, an ACME staging server with names it controls).
 */
public abstract class CertificateIssuerContract {
  private CertificateIssuer issuer;

  /** Returns the issuer under test; called before each test. */
  protected abstract CertificateIssuer issuer() throws Exception;

  /**
   * Returns the names to request, DNS names and IP literals; by default localhost and 127.0.0.1.
   */
  protected List<String> names() {
    return List.of("localhost", "127.0.0.1");
  }

  /** Returns the validity to request; by default 30 days. */
  protected Duration validity() {
    return Duration.ofDays(30);
  }

  @BeforeEach
  void createIssuer() throws Exception {
    issuer = Objects.requireNonNull(issuer(), "issuer()");
  }

  private CertificateRequest request(KeyPair keys) {
    return CertificateRequest.forKeyPair(keys, validity(), names().toArray(String[]::new));
  }

  private static KeyPair ecKeys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  @Test
  void certifiesTheRequestedKeyAndReturnsItsPrivateKey() throws Exception {
    KeyPair keys = ecKeys();
    IssuedCertificate issued = issuer.issue(request(keys));
    assertThat(issued.certificate().getPublicKey()).isEqualTo(keys.getPublic());
    assertThat(issued.privateKey()).contains(keys.getPrivate());
    assertThat(issued.chain()).isNotEmpty();
  }

  @Test
  void certifiesEveryRequestedNameAsASubjectAlternativeName() throws Exception {
    CertificateRequest request = request(ecKeys());
    X509Certificate leaf = issuer.issue(request).certificate();
    List<String> sans =
        leaf.getSubjectAlternativeNames().stream()
            .map(n -> String.valueOf(n.get(1)))
            .map(n -> n.contains(":") ? normalizeIpv6(n) : n)
            .toList();
    assertThat(sans).containsAll(request.names());
  }

  @Test
  void isAServerCertificateValidNowForNoLongerThanRequested() throws Exception {
    Instant before = Instant.now();
    X509Certificate leaf = issuer.issue(request(ecKeys())).certificate();
    Instant after = Instant.now();
    assertThat(leaf.getBasicConstraints()).as("a leaf, not a CA").isEqualTo(-1);
    assertThat(leaf.getExtendedKeyUsage()).as("serverAuth").contains("1.3.6.1.5.5.7.3.1");
    assertThat(leaf.getNotBefore().toInstant()).isBeforeOrEqualTo(after);
    assertThat(leaf.getNotAfter().toInstant())
        .isAfter(before)
        .isBeforeOrEqualTo(after.plus(validity()));
  }

  @Test
  void issuesANewCertificateForEachRequest() throws Exception {
    X509Certificate first = issuer.issue(request(ecKeys())).certificate();
    X509Certificate second = issuer.issue(request(ecKeys())).certificate();
    assertThat(second.getSerialNumber()).isNotEqualTo(first.getSerialNumber());
  }

  @Test
  void neverShowsThePrivateKey() throws Exception {
    KeyPair keys = ecKeys();
    IssuedCertificate issued = issuer.issue(request(keys));
    String key = Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded());
    String mime = Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded());
    for (String shown : List.of(issued.toString(), issuer.toString(), issuer.name())) {
      assertThat(shown).doesNotContain(key).doesNotContain(mime.substring(0, 40));
    }
  }

  private static String normalizeIpv6(String literal) {
    try {
      return java.net.InetAddress.getByName("[" + literal + "]").getHostAddress();
    } catch (java.net.UnknownHostException e) {
      return literal;
    }
  }
}
