package dev.tdeveloper.security.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateLimitHeadersTest {
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final RateLimitPolicy FREE =
      RateLimitPolicy.of("free", Bandwidth.of(10).refilling(5, SECOND));

  @Test
  void allowedDecisionGivesTheFourFieldsInOrderWithoutRetryAfter() {
    Map<String, String> headers =
        RateLimitHeaders.of(FREE, new RateLimitDecision.Allowed(10, 9, 200_000_000L));
    assertThat(headers)
        .containsExactly(
            entry("RateLimit-Limit", "10"),
            entry("RateLimit-Remaining", "9"),
            entry("RateLimit-Reset", "1"),
            entry("RateLimit-Policy", "5;w=1;burst=10"));
  }

  @Test
  void deniedDecisionAddsRetryAfterRoundedUp() {
    Map<String, String> headers =
        RateLimitHeaders.of(
            FREE, new RateLimitDecision.Denied(10, 0, 200_000_000L, 2_000_000_000L));
    assertThat(headers)
        .containsExactly(
            entry("RateLimit-Limit", "10"),
            entry("RateLimit-Remaining", "0"),
            entry("RateLimit-Reset", "2"),
            entry("RateLimit-Policy", "5;w=1;burst=10"),
            entry("Retry-After", "1"));
  }

  @Test
  void headersAreImmutable() {
    Map<String, String> headers =
        RateLimitHeaders.of(FREE, new RateLimitDecision.Allowed(10, 9, 1));
    assertThatThrownBy(() -> headers.put("X", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "-5, 0",
    "0, 0",
    "1, 1",
    "999999999, 1",
    "1000000000, 1",
    "1000000001, 2",
    "2500000000, 3",
    "9223372036854775807, 9223372037"
  })
  void resetRoundsUpToWholeSeconds(long nanos, long seconds) {
    assertThat(RateLimitHeaders.seconds(nanos)).isEqualTo(seconds);
    assertThat(
            RateLimitHeaders.of(FREE, new RateLimitDecision.Allowed(10, 10, nanos))
                .get("RateLimit-Reset"))
        .isEqualTo(Long.toString(seconds));
  }

  @ParameterizedTest
  @CsvSource({"0, 1", "1, 1", "1000000000, 1", "1000000001, 2", "59000000001, 60"})
  void retryAfterRoundsUpAndIsAtLeastOneSecond(long nanos, long seconds) {
    assertThat(RateLimitHeaders.retryAfterSeconds(nanos)).isEqualTo(seconds);
    assertThat(
            RateLimitHeaders.of(FREE, new RateLimitDecision.Denied(10, 0, nanos, nanos))
                .get("Retry-After"))
        .isEqualTo(Long.toString(seconds));
  }

  @Test
  void policyListsEveryBandwidthInOrder() {
    RateLimitPolicy pro =
        RateLimitPolicy.of(
            "pro",
            Bandwidth.of(200).refilling(100, SECOND),
            Bandwidth.simple(10_000, Duration.ofHours(1)));
    assertThat(RateLimitHeaders.policy(pro))
        .isEqualTo("100;w=1;burst=200, 10000;w=3600;burst=10000");
  }

  @Test
  void subSecondPeriodsAreStatedOverTheNextWholeSecondNeverLooser() {
    // 10 per 1.5 s is 13.33 per 2 s: advertised as 13.
    assertThat(
            RateLimitHeaders.policy(
                RateLimitPolicy.of("x", Bandwidth.of(4).refilling(10, Duration.ofMillis(1500)))))
        .isEqualTo("13;w=2;burst=4");
    // 1 per 100 ms is exactly 10 per second.
    assertThat(
            RateLimitHeaders.policy(
                RateLimitPolicy.of("x", Bandwidth.of(3).refilling(1, Duration.ofMillis(100)))))
        .isEqualTo("10;w=1;burst=3");
  }

  @Test
  void matchesWhatTheLimiterDecidesAfterTheBurst() {
    ManualClock clock = new ManualClock();
    RateLimiter<TenantId> limiter =
        RateLimiter.<TenantId>builder().policy(FREE).ticker(clock).build();
    TenantId acme = TenantId.of("acme");
    Map<String, String> first = RateLimitHeaders.of(FREE, limiter.tryAcquire(acme, 1));
    assertThat(first)
        .containsEntry("RateLimit-Remaining", "9")
        .containsEntry("RateLimit-Reset", "1");
    for (int i = 0; i < 9; i++) {
      limiter.tryAcquire(acme, 1);
    }
    Map<String, String> denied = RateLimitHeaders.of(FREE, limiter.tryAcquire(acme, 1));
    assertThat(denied)
        .containsEntry("RateLimit-Remaining", "0")
        .containsEntry("RateLimit-Reset", "2")
        .containsEntry("Retry-After", "1");
  }

  @Test
  void writeHandsTheSinkTheHeadersOfTheMapInItsOrder() {
    RateLimitDecision denied = new RateLimitDecision.Denied(10, 0, 200_000_000L, 2_000_000_000L);
    Map<String, String> handed = new java.util.LinkedHashMap<>();
    RateLimitHeaders.write(denied, "precomputed", handed::put);
    Map<String, String> expected = new java.util.LinkedHashMap<>(RateLimitHeaders.of(FREE, denied));
    expected.put(RateLimitHeaders.POLICY, "precomputed");
    assertThat(handed).containsExactlyEntriesOf(expected);
    handed.clear();
    RateLimitHeaders.write(
        new RateLimitDecision.Allowed(10, 9, 1), RateLimitHeaders.policy(FREE), handed::put);
    assertThat(handed)
        .containsExactlyEntriesOf(
            RateLimitHeaders.of(FREE, new RateLimitDecision.Allowed(10, 9, 1)));
  }

  @Test
  void writeRejectsNullsBeforeHandingAnything() {
    Map<String, String> handed = new java.util.LinkedHashMap<>();
    RateLimitDecision allowed = new RateLimitDecision.Allowed(1, 1, 1);
    assertThatThrownBy(() -> RateLimitHeaders.write(null, "p", handed::put))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("decision");
    assertThatThrownBy(() -> RateLimitHeaders.write(allowed, null, handed::put))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("policyValue");
    assertThatThrownBy(() -> RateLimitHeaders.write(allowed, "p", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("sink");
    assertThat(handed).isEmpty();
  }

  @Test
  void rejectsNulls() {
    assertThatThrownBy(() -> RateLimitHeaders.of(null, new RateLimitDecision.Allowed(1, 1, 1)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("policy");
    assertThatThrownBy(() -> RateLimitHeaders.of(FREE, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("decision");
  }
}
