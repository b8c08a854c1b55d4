package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.shield.IpAddress;
import dev.tdeveloper.security.shield.IpRangeSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoProtectionTest {
  @Test
  void thePerIpBanThresholdIsTheDefaultUnlessTheEnvironmentSetsIt() {
    assertThat(DemoProtection.ipRequestsPerMinute(Map.of()))
        .isEqualTo(DemoProtection.IP_REQUESTS_PER_MINUTE);
    assertThat(DemoProtection.ipRequestsPerMinute(Map.of(DemoProtection.IP_LIMIT_ENV, " 90000 ")))
        .isEqualTo(90_000);
  }

  @Test
  void aBadThresholdNamesTheVariableTheValueAndWhatIsAllowed() {
    for (String bad : new String[] {"0", "-5", "lots", "1.5", ""}) {
      assertThatThrownBy(
              () -> DemoProtection.ipRequestsPerMinute(Map.of(DemoProtection.IP_LIMIT_ENV, bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "DEMO_SHIELD_IP_REQUESTS_PER_MINUTE: "
                  + bad
                  + "; allowed: a whole number of requests per minute, >= 1");
    }
  }

  @Test
  void noTrustedProxyUnlessTheEnvironmentNamesThem() {
    assertThat(DemoProtection.trustedProxies(Map.of())).isEqualTo(IpRangeSet.empty());
    assertThat(DemoProtection.trustedProxies(Map.of(DemoProtection.TRUSTED_PROXIES_ENV, "  ")))
        .isEqualTo(IpRangeSet.empty());
    IpRangeSet proxies =
        DemoProtection.trustedProxies(
            Map.of(DemoProtection.TRUSTED_PROXIES_ENV, " 10.0.0.0/8, 127.0.0.1 ,2001:db8::/32"));
    assertThat(proxies.contains(IpAddress.parse("10.1.2.3"))).isTrue();
    assertThat(proxies.contains(IpAddress.parse("127.0.0.1"))).isTrue();
    assertThat(proxies.contains(IpAddress.parse("2001:db8::7"))).isTrue();
    assertThat(proxies.contains(IpAddress.parse("127.0.0.2"))).isFalse();
  }

  @Test
  void aBadTrustedProxyNamesTheVariableTheValueTheEntryAndWhatIsAllowed() {
    for (String[] bad :
        new String[][] {
          {"lb.internal", "lb.internal"},
          {"10.0.0.1,,10.0.0.2", ""},
          {"10.0.0.1/33", "10.0.0.1/33"},
          {"10.0.0.1/8", "10.0.0.1/8"},
          {"127.0.0.1,", ""}
        }) {
      assertThatThrownBy(
              () ->
                  DemoProtection.trustedProxies(Map.of(DemoProtection.TRUSTED_PROXIES_ENV, bad[0])))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "DEMO_TRUSTED_PROXIES: "
                  + bad[0]
                  + "; entry '"
                  + bad[1]
                  + "' is not allowed; allowed: comma-separated IP addresses or CIDR blocks"
                  + " (e.g. 10.0.0.0/8,192.0.2.7), no host names");
    }
  }
}
