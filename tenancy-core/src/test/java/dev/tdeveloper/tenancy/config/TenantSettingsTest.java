package dev.tdeveloper.tenancy.config;

import static dev.tdeveloper.tenancy.config.Yamls.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TenantSettingsTest {
  private static final TenantId ACME = TenantId.of("acme");

  private static final String TYPED =
      """
      plans:
        free:
          settings:
            int: 42
            big: 3000000000
            huge: 99999999999999999999
            neg: -7
            float: 2.5
            bool: true
            text: hello
            quoted: "5"
            timeout: 500ms
            iso: PT1.5S
      tenants:
        acme:
          settings:
            int: lots
      """;

  private static TenantSettings free() {
    return load(TYPED).settingsForPlan("free");
  }

  @Test
  void readsEachType() {
    TenantSettings s = free();

    assertThat(s.getInt("int")).contains(42);
    assertThat(s.requireLong("big")).isEqualTo(3_000_000_000L);
    assertThat(s.getInt("neg")).contains(-7);
    assertThat(s.requireDouble("float")).isEqualTo(2.5);
    assertThat(s.requireDouble("int")).isEqualTo(42.0);
    assertThat(s.requireBoolean("bool")).isTrue();
    assertThat(s.requireString("text")).isEqualTo("hello");
    assertThat(s.requireString("int")).isEqualTo("42");
    assertThat(s.requireString("quoted")).isEqualTo("5");
    assertThat(s.requireDuration("timeout")).isEqualTo(Duration.ofMillis(500));
    assertThat(s.getDuration("iso")).contains(Duration.ofMillis(1500));
  }

  @Test
  void returnsEmptyForMissingKeysAndRequireThrowsNamingKeyTenantLayersAndType() {
    TenantSettings s = load(TYPED).settingsFor(ACME);

    assertThat(s.getInt("absent")).isEmpty();
    assertThat(s.source("absent")).isEmpty();
    assertThat(s.contains("absent")).isFalse();
    assertThatThrownBy(() -> s.requireDuration("absent"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "absent: setting 'absent' is not set for tenant 'acme' (plan 'free') in any layer"
                + " (searched TENANT 'acme', PLAN 'free', DEFAULTS); expected a non-negative"
                + " duration such as PT1S, 500ms, 1s, 5m, 1h or 1d");
    assertThatThrownBy(() -> free().requireInt("absent"))
        .hasMessageContaining(
            "not set for plan 'free' in any layer (searched PLAN 'free', DEFAULTS)");
  }

  @Test
  void mistypedValueThrowsEvenFromGetNamingLocationLayerAndExpectedType() {
    TenantSettings s = load(TYPED).settingsFor(ACME);

    assertThatThrownBy(() -> s.getInt("int"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "tenants.yaml:17:12: tenants.acme.settings.int: setting 'int' of tenant 'acme' (plan"
                + " 'free') (from layer TENANT) is a string 'lots', expected an integer between"
                + " -2147483648 and 2147483647");
    ConfigException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            ConfigException.class, () -> free().requireBoolean("text"));
    assertThat(e.location()).contains(new ConfigLocation("tenants.yaml", 10, 13));
    assertThat(e.path()).contains("plans.free.settings.text");
    assertThat(e.problem()).contains("plan 'free'", "from layer PLAN", "expected a boolean");
  }

  @Test
  void refusesOutOfRangeAndLossyConversions() {
    TenantSettings s = free();

    assertThatThrownBy(() -> s.getInt("big")).hasMessageContaining("expected an integer between");
    assertThatThrownBy(() -> s.getLong("huge")).hasMessageContaining("is an integer '99999999");
    assertThatThrownBy(() -> s.getInt("float")).hasMessageContaining("is a number '2.5'");
    assertThatThrownBy(() -> s.getInt("quoted")).hasMessageContaining("is a string '5'");
    assertThatThrownBy(() -> s.getDouble("bool")).hasMessageContaining("expected a finite number");
    assertThatThrownBy(() -> s.getDuration("int")).hasMessageContaining("expected a non-negative");
  }

  @ParameterizedTest
  @CsvSource({
    "PT1S, 1000",
    "pt0.25s, 250",
    "P1D, 86400000",
    "PT0S, 0",
    "0ms, 0",
    "500ms, 500",
    "1s, 1000",
    "5m, 300000",
    "1h, 3600000",
    "1d, 86400000",
    "' 2s ', 2000"
  })
  void parsesDurations(String text, long millis) {
    TenantSettings s =
        load("plans: { free: { settings: { d: '" + text + "' } } }").settingsForPlan("free");

    assertThat(s.requireDuration("d")).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @CsvSource({"-1s", "PT-1S", "1.5s", "1 s", "1w", "ms", "10", "P", "999999999999999999d", "1S"})
  void refusesMalformedOrNegativeDurations(String text) {
    TenantSettings s =
        load("plans: { free: { settings: { d: '" + text + "' } } }").settingsForPlan("free");

    assertThatThrownBy(() -> s.getDuration("d"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("expected a non-negative duration");
  }

  @Test
  void reportsTheLayerAndLocationOfEachValue() {
    TenantSettings acme = load(Yamls.EXAMPLE).settingsFor(ACME);

    assertThat(acme.source("ratelimit.requests-per-second")).contains(ConfigLayer.TENANT);
    assertThat(acme.source("quota.notes.limit")).contains(ConfigLayer.PLAN);
    assertThat(acme.source("ratelimit.burst")).contains(ConfigLayer.DEFAULTS);
    assertThat(acme.location("ratelimit.burst"))
        .contains(new ConfigLocation("tenants.yaml", 3, 47));
    assertThat(acme.keys())
        .containsExactly(
            "cache.max-entries",
            "quota.notes.limit",
            "quota.notes.period",
            "ratelimit.burst",
            "ratelimit.requests-per-second");
    assertThat(acme.requireInt("ratelimit.requests-per-second")).isEqualTo(80);
    assertThat(acme.plan()).isEqualTo("pro");
  }

  @Test
  void rejectsNullKeys() {
    TenantSettings s = free();
    assertThatThrownBy(() -> s.getString(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("key");
    assertThatThrownBy(() -> s.source(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("key");
  }
}
