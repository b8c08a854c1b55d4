package dev.tdeveloper.tenancy.usage;

import static dev.tdeveloper.tenancy.usage.MeterFixture.ACME;
import static dev.tdeveloper.tenancy.usage.MeterFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsageEventTest {
  private static UsageEvent withKey(String key) {
    return UsageEvent.of(ACME, "api_calls", 1, T0, key);
  }

  @Test
  void copiesDimensionsIntoAnImmutableSortedMap() {
    Map<String, String> dimensions = new HashMap<>(Map.of("zone", "b", "region", "eu"));
    UsageEvent event = new UsageEvent(ACME, "api_calls", 1, T0, "k", dimensions);
    dimensions.put("extra", "x");
    assertThat(event.dimensions())
        .containsExactly(Map.entry("region", "eu"), Map.entry("zone", "b"));
    assertThatThrownBy(() -> event.dimensions().put("a", "b"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(event.withDimension("zone", "c").dimensions()).containsEntry("zone", "c");
    assertThat(event.dimensions()).containsEntry("zone", "b");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", " ", "~", "req-2026-01-01/42?x=1"})
  void acceptsPrintableAsciiKeys(String key) {
    assertThat(withKey(key).idempotencyKey()).isEqualTo(key);
  }

  @Test
  void rejectsBadIdempotencyKeysNamingFieldAndValue() {
    assertThatThrownBy(() -> withKey(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid idempotencyKey '': it is empty");
    assertThatThrownBy(() -> withKey("k".repeat(129))).hasMessageContaining("129 characters");
    assertThat(withKey("k".repeat(128)).idempotencyKey()).hasSize(128);
    assertThatThrownBy(() -> withKey("caf\u00e9"))
        .hasMessageContaining("'caf\\u00e9'")
        .hasMessageContaining("U+00E9 at index 3 is not allowed");
    assertThatThrownBy(() -> withKey("a\tb")).hasMessageContaining("U+0009 at index 1");
  }

  @Test
  void rejectsNegativeValuesAndOutOfRangeTimestamps() {
    assertThatThrownBy(() -> UsageEvent.of(ACME, "api_calls", -1, T0, "k"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value must be >= 0, was -1 (meter 'api_calls')");
    assertThatThrownBy(() -> UsageEvent.of(ACME, "api_calls", 1, Instant.EPOCH.minusNanos(1), "k"))
        .hasMessageContaining("timestamp must be from 1970-01-01T00:00:00Z");
    assertThatThrownBy(() -> UsageEvent.of(ACME, "api_calls", 1, Instant.MAX, "k"))
        .hasMessageContaining("before year 10000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Api", "1calls", "api calls", "a/b"})
  void rejectsMeterNamesThatAreNotTokens(String meter) {
    assertThatThrownBy(() -> UsageEvent.of(ACME, meter, 1, T0, "k"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid meter '" + meter + "'");
  }

  @Test
  void boundsDimensions() {
    Map<String, String> many = new HashMap<>();
    for (int i = 0; i < 17; i++) {
      many.put("d" + i, "v");
    }
    assertThatThrownBy(() -> new UsageEvent(ACME, "api_calls", 1, T0, "k", many))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dimensions has 17 entries (allowed: at most 16)");
    UsageEvent base = withKey("k");
    assertThatThrownBy(() -> base.withDimension("User", "x"))
        .hasMessageContaining("invalid dimension key 'User'");
    assertThatThrownBy(() -> base.withDimension("user", "x".repeat(257)))
        .hasMessageContaining("of dimension 'user': it is 257 characters long");
    assertThatThrownBy(() -> base.withDimension("user", "a\nb"))
        .hasMessageContaining("control character U+000A at index 1");
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("user", null);
    assertThatThrownBy(() -> new UsageEvent(ACME, "api_calls", 1, T0, "k", nullValue))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("dimensions[user]");
  }

  @Test
  void rejectsNullComponentsByName() {
    assertThatThrownBy(() -> UsageEvent.of(null, "m", 1, T0, "k")).hasMessage("tenant");
    assertThatThrownBy(() -> UsageEvent.of(ACME, null, 1, T0, "k")).hasMessage("meter");
    assertThatThrownBy(() -> UsageEvent.of(ACME, "m", 1, null, "k")).hasMessage("timestamp");
    assertThatThrownBy(() -> UsageEvent.of(ACME, "m", 1, T0, null)).hasMessage("idempotencyKey");
  }
}
