package dev.tdeveloper.security.posture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.tls.TlsPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SecurityPolicyTest {
  @Test
  void defaultsAreTheDocumentedBaseline() {
    SecurityPolicy policy = SecurityPolicy.defaults();

    assertThat(policy.tls()).isEqualTo(TlsPolicy.defaults());
    assertThat(policy.minimumTlsProtocol()).isEqualTo("TLSv1.3");
    assertThat(policy.allowedCipherSuites()).isEqualTo(TlsPolicy.DEFAULT_CIPHER_SUITES);
    assertThat(policy.keyMaximumAge()).isEqualTo(Duration.ofDays(90));
    assertThat(policy.secretMaximumAge()).isEqualTo(Duration.ofDays(90));
    assertThat(policy.certificateMinimumDaysLeft()).isEqualTo(30);
    assertThat(policy.requireTenantKey()).isTrue();
    assertThat(policy.requireQuota()).isTrue();
    assertThat(policy.requireRateLimit()).isTrue();
  }

  @Test
  void builderRefusesOutOfRangeValuesNamingFieldValueAndRange() {
    assertThatThrownBy(() -> SecurityPolicy.builder().keyMaximumAge(Duration.ofMinutes(5)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keyMaximumAge must be from PT1H to PT87600H, was PT5M");
    assertThatThrownBy(() -> SecurityPolicy.builder().certificateMinimumDaysLeft(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("certificateMinimumDaysLeft must be from 1 to 3650, was 0");
  }

  @Test
  void eachSettingMayBeSetOnce() {
    SecurityPolicy.Builder builder = SecurityPolicy.builder().requireQuota(false);

    assertThatThrownBy(() -> builder.requireQuota(true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("requireQuota was already set to false");
    assertThatThrownBy(() -> builder.tls(null)).isInstanceOf(NullPointerException.class);
  }
}
