package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
