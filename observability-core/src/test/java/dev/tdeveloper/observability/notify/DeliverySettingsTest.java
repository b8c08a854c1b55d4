package dev.tdeveloper.observability.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.observability.notify.DeliverySettings.Overflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DeliverySettingsTest {
  static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

  @Test
  void backoffDoublesFromTheInitialDelayUpToTheCap() {
    DeliverySettings s = DeliverySettings.defaults(); // 500 ms .. 30 s
    assertThat(s.backoff(1, 0.5)).isEqualTo(Duration.ofMillis(500));
    assertThat(s.backoff(2, 0.5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(s.backoff(4, 0.5)).isEqualTo(Duration.ofSeconds(4));
    assertThat(s.backoff(10, 0.5)).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.backoff(1_000, 0.5)).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(400));
  }

  @Property(tries = 300)
  void jitterStaysWithinItsFraction(
      @ForAll @IntRange(min = 1, max = 80) int retry,
      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double random) {
    DeliverySettings s = DeliverySettings.defaults();
    double middle = s.backoff(retry, 0.5).toNanos();
    double delay = s.backoff(retry, random).toNanos();
    assertThat(delay).isBetween(middle * 0.8 - 1, middle * 1.2 + 1);
  }

  @Test
  void badValuesAreRejectedNamingTheField() {
    DeliverySettings d = DeliverySettings.defaults();
    assertThatThrownBy(() -> d.withQueue(0, Overflow.DROP_OLDEST))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("delivery queueCapacity: 0 is not between 1 and 1000000");
    assertThatThrownBy(
            () ->
                d.withRetries(
                    0, Duration.ofMillis(1), Duration.ofMillis(1), 0, Duration.ofMillis(1)))
        .hasMessage("delivery maxAttempts: 0 is not between 1 and 100");
    assertThatThrownBy(
            () ->
                d.withRetries(
                    3, Duration.ofSeconds(2), Duration.ofSeconds(1), 0, Duration.ofSeconds(1)))
        .hasMessage("delivery maxBackoff: PT1S is shorter than initialBackoff PT2S");
    assertThatThrownBy(
            () ->
                d.withRetries(
                    3, Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1)))
        .hasMessage("delivery jitter: 1.0 is not in [0, 1)");
    assertThatThrownBy(() -> d.withTimeouts(Duration.ZERO, Duration.ZERO))
        .hasMessage("delivery requestTimeout: PT0S is not positive");
    assertThatThrownBy(() -> d.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(-1)))
        .hasMessage("delivery drainTimeout: PT-1S is negative (zero does not wait)");
  }

  @Test
  void retryAfterIsReadAsSecondsOrAnHttpDate() {
    assertThat(HttpSender.retryAfter("120", NOW)).contains(Duration.ofSeconds(120));
    assertThat(HttpSender.retryAfter(" 0 ", NOW)).contains(Duration.ZERO);
    assertThat(HttpSender.retryAfter("Sat, 01 Mar 2025 12:00:45 GMT", NOW))
        .contains(Duration.ofSeconds(45));
    assertThat(HttpSender.retryAfter("Sat, 01 Mar 2025 11:00:00 GMT", NOW)).contains(Duration.ZERO);
    assertThat(HttpSender.retryAfter("soon", NOW)).isEmpty();
    assertThat(HttpSender.retryAfter("-5", NOW)).isEmpty();
  }

  @Test
  void statusesAreClassifiedAsAcceptedRetryableOrRefused() {
    assertThat(HttpSender.classify(202, Optional.empty(), "", NOW, b -> b))
        .isInstanceOf(Outcome.Accepted.class);
    assertThat(HttpSender.classify(429, Optional.of("7"), "", NOW, b -> b))
        .isEqualTo(new Outcome.Retryable("HTTP 429", Optional.of(Duration.ofSeconds(7))));
    assertThat(HttpSender.classify(503, Optional.empty(), "", NOW, b -> b))
        .isEqualTo(new Outcome.Retryable("HTTP 503", Optional.empty()));
    assertThat(HttpSender.classify(403, Optional.empty(), "nope", NOW, b -> b))
        .isEqualTo(new Outcome.Refused("HTTP 403: nope"));
    assertThat(HttpSender.classify(301, Optional.empty(), "", NOW, b -> b))
        .isEqualTo(new Outcome.Refused("HTTP 301"));
  }
}
