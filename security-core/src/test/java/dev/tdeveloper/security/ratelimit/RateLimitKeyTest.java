package dev.tdeveloper.security.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RateLimitKeyTest {
  private static final TenantId ACME = TenantId.of("acme");

  @Test
  void keysOfDifferentTenantsOrRoutesDiffer() {
    assertThat(RateLimitKey.of(ACME)).isEqualTo(new RateLimitKey(ACME, Optional.empty()));
    assertThat(RateLimitKey.of(ACME, "export")).isNotEqualTo(RateLimitKey.of(ACME));
    assertThat(RateLimitKey.of(ACME, "export"))
        .isNotEqualTo(RateLimitKey.of(TenantId.of("globex"), "export"));
    assertThat(RateLimitKey.of(ACME, "export")).hasToString("acme/export");
    assertThat(RateLimitKey.of(ACME)).hasToString("acme");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a.b", "-x", "a/b", "é", "a b"})
  void rejectsRouteNamesThatCannotBeASettingSegment(String route) {
    assertThatThrownBy(() -> RateLimitKey.of(ACME, route))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("route must match");
  }

  @Test
  void rejectsNulls() {
    assertThatThrownBy(() -> new RateLimitKey(null, Optional.empty())).hasMessage("tenant");
    assertThatThrownBy(() -> new RateLimitKey(ACME, null)).hasMessage("route");
  }
}
