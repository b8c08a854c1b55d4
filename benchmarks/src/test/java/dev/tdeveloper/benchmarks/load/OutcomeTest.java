package dev.tdeveloper.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutcomeTest {
  private static String problem(String slug) {
    return "{\"type\":\"https://tdeveloper.dev/problems/" + slug + "\",\"status\":429}";
  }

  @Test
  void tellsRefusalsApartByProblemType() {
    assertThat(Outcome.of(200, "{}")).isEqualTo(Outcome.OK);
    assertThat(Outcome.of(201, "{}")).isEqualTo(Outcome.OK);
    assertThat(Outcome.of(429, problem("rate-limited"))).isEqualTo(Outcome.RATE_LIMITED);
    assertThat(Outcome.of(429, problem("quota-exceeded"))).isEqualTo(Outcome.QUOTA_EXCEEDED);
    assertThat(Outcome.of(429, problem("temporarily-banned"))).isEqualTo(Outcome.SHIELD_REFUSED);
    assertThat(Outcome.of(429, problem("heavy-hitter"))).isEqualTo(Outcome.SHIELD_REFUSED);
    assertThat(Outcome.of(403, problem("access-denied"))).isEqualTo(Outcome.SHIELD_REFUSED);
    assertThat(Outcome.of(403, problem("request-blocked"))).isEqualTo(Outcome.WAF_BLOCKED);
    assertThat(Outcome.of(503, problem("overloaded"))).isEqualTo(Outcome.OVERLOADED);
  }

  @Test
  void otherStatusesAreErrors() {
    assertThat(Outcome.of(404, "")).isEqualTo(Outcome.CLIENT_ERROR);
    assertThat(Outcome.of(500, "")).isEqualTo(Outcome.SERVER_ERROR);
    assertThat(Outcome.of(503, "")).isEqualTo(Outcome.SERVER_ERROR);
    assertThat(Outcome.of(302, "")).isEqualTo(Outcome.FAILED);
  }
}
