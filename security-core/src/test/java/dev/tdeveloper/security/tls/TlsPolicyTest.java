package dev.tdeveloper.security.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

class TlsPolicyTest {
  @Test
  void defaultsAreTls13OnlyWithTheThreeAeadSuites() {
    TlsPolicy policy = TlsPolicy.defaults();
    assertThat(policy.minimumProtocol()).isEqualTo("TLSv1.3");
    assertThat(policy.enabledProtocols()).containsExactly("TLSv1.3");
    assertThat(policy.cipherSuites())
        .containsExactly(
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256");
  }

  @Test
  void producesParametersThisJvmSupports() throws Exception {
    SSLParameters parameters = TlsPolicy.defaults().sslParameters(SSLContext.getDefault());
    assertThat(parameters.getProtocols()).containsExactly("TLSv1.3");
    assertThat(parameters.getCipherSuites())
        .containsExactly(
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256");
    assertThat(parameters.getUseCipherSuitesOrder()).isTrue();
  }

  @Test
  void namesTheSuitesTheJvmLacks() throws Exception {
    SSLContext context = SSLContext.getDefault();
    List<String> supported = List.of(context.getSupportedSSLParameters().getCipherSuites());
    String unsupported =
        TlsPolicy.TLS_1_3_CIPHER_SUITES.stream()
            .filter(s -> !supported.contains(s))
            .sorted()
            .findFirst()
            .orElseThrow(() -> new AssertionError("this JVM supports every TLS 1.3 suite"));
    TlsPolicy policy = TlsPolicy.defaults().withCipherSuites("TLS_AES_128_GCM_SHA256", unsupported);
    assertThatThrownBy(() -> policy.sslParameters(context))
        .isInstanceOf(TlsConfigurationException.class)
        .hasMessageContaining("does not support [" + unsupported + "]")
        .hasMessageEndingWith("which the TLS policy requires");
  }

  @Test
  void refusesSuitesATls13OnlyPolicyCouldNeverUse() {
    assertThatThrownBy(
            () -> TlsPolicy.defaults().withCipherSuites("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "cipher suite TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 is not a TLS 1.3 suite");
  }

  @Test
  void refusesOtherProtocolsDuplicatesNonIanaNamesAndEmptyLists() {
    assertThatThrownBy(() -> new TlsPolicy("TLSv1.1", TlsPolicy.DEFAULT_CIPHER_SUITES))
        .hasMessage("minimumProtocol must be TLSv1.3 or TLSv1.2, was 'TLSv1.1'");
    assertThatThrownBy(
            () ->
                TlsPolicy.defaults()
                    .withCipherSuites("TLS_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256"))
        .hasMessage("cipher suite TLS_AES_128_GCM_SHA256 is listed twice");
    assertThatThrownBy(() -> new TlsPolicy("TLSv1.2", List.of("SSL_RSA_WITH_RC4_128_SHA")))
        .hasMessage(
            "cipher suite 'SSL_RSA_WITH_RC4_128_SHA' is not an IANA TLS cipher suite name (TLS_...)");
    assertThatThrownBy(() -> TlsPolicy.defaults().withCipherSuites())
        .hasMessage("cipherSuites must not be empty");
  }

  @Test
  void aTls12MinimumNeedsASuiteForEachProtocol() {
    assertThatThrownBy(() -> new TlsPolicy("TLSv1.2", List.of("TLS_AES_128_GCM_SHA256")))
        .hasMessage(
            "cipherSuites [TLS_AES_128_GCM_SHA256] must hold a suite for each enabled protocol"
                + " [TLSv1.3, TLSv1.2]");
    TlsPolicy both =
        new TlsPolicy(
            "TLSv1.2",
            List.of("TLS_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"));
    assertThat(both.enabledProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
  }
}
