package dev.tdeveloper.tenancy.config;

import static dev.tdeveloper.tenancy.config.Yamls.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsLayerTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId INITECH = TenantId.of("initech");

  private static SettingsLayer region(String yaml) {
    Node root = YamlConfigFiles.parse("regions.yaml", yaml).orElseThrow();
    Node settings = ((Node.MapNode) root).values().get("settings");
    return SettingsLayer.parse(ConfigLayer.REGION, "eu-west-1", settings);
  }

  private static final String REGION =
      """
      settings:
        ratelimit: { requests-per-second: 20, burst: 30 }
        cache.max-entries: 50
        region-only: yes
      """;

  @Test
  void regionLayerSitsBetweenPlanAndTenant() {
    TenantSettings acme = load(Yamls.EXAMPLE).settingsFor(ACME).with(region(REGION));

    // acme's own requests-per-second (80) beats the region's 20
    assertThat(acme.getInt("ratelimit.requests-per-second")).contains(80);
    assertThat(acme.source("ratelimit.requests-per-second")).contains(ConfigLayer.TENANT);
    // the region's burst beats the defaults' 10
    assertThat(acme.getInt("ratelimit.burst")).contains(30);
    assertThat(acme.source("ratelimit.burst")).contains(ConfigLayer.REGION);
    assertThat(acme.source("cache.max-entries")).contains(ConfigLayer.REGION);
    assertThat(acme.location("cache.max-entries"))
        .contains(new ConfigLocation("regions.yaml", 3, 22));
    // the plan's quota is untouched, and a key only the region sets appears
    assertThat(acme.source("quota.notes.limit")).contains(ConfigLayer.PLAN);
    assertThat(acme.requireString("region-only")).isEqualTo("yes");
  }

  @Test
  void regionBeatsPlanForATenantNotInTheFile() {
    TenantSettings initech = load(Yamls.EXAMPLE).settingsFor(INITECH).with(region(REGION));

    assertThat(initech.getInt("ratelimit.requests-per-second")).contains(20);
    assertThat(initech.source("ratelimit.requests-per-second")).contains(ConfigLayer.REGION);
  }

  @Test
  void originalSettingsAreUnchanged() {
    TenantSettings acme = load(Yamls.EXAMPLE).settingsFor(ACME);
    acme.with(region(REGION));

    assertThat(acme.getInt("ratelimit.burst")).contains(10);
    assertThat(acme.contains("region-only")).isFalse();
  }

  @Test
  void messagesNameTheRegionLayer() {
    TenantSettings acme = load(Yamls.EXAMPLE).settingsFor(ACME).with(region(REGION));

    assertThatThrownBy(() -> acme.getInt("region-only"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "regions.yaml:4:16: settings.region-only: setting 'region-only' of tenant 'acme'"
                + " (plan 'pro', region 'eu-west-1') (from layer REGION) is a string 'yes',"
                + " expected an integer between -2147483648 and 2147483647");
    assertThatThrownBy(() -> acme.requireInt("absent"))
        .hasMessageContaining("(searched TENANT 'acme', REGION 'eu-west-1', PLAN 'pro', DEFAULTS)");
  }

  @Test
  void parseRefusesWhatTenantsYamlRefuses() {
    assertThatThrownBy(() -> region("settings: { Bad: 1 }"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("regions.yaml:1:13: settings.Bad: invalid setting key 'Bad'");
    assertThatThrownBy(() -> region("settings: { a: [1] }"))
        .hasMessageContaining("a setting is a string, number or boolean");
    assertThatThrownBy(() -> region("settings: { a: 1, a.b: 2 }"))
        .hasMessageContaining("a key cannot be both");
    assertThatThrownBy(() -> region("settings: 5"))
        .hasMessageContaining("expected a mapping, got an integer '5'");
  }

  @Test
  void ofTakesDottedKeysFromCode() {
    ConfigLocation where = new ConfigLocation("code", 1, 1);
    SettingsLayer layer =
        SettingsLayer.of(
            ConfigLayer.REGION,
            "us-east-1",
            Map.of("ratelimit.burst", new Scalar(Scalar.Kind.INTEGER, "7")),
            where);

    assertThat(layer.values())
        .containsEntry("ratelimit.burst", new Scalar(Scalar.Kind.INTEGER, "7"));
    assertThat(layer.location("ratelimit.burst")).contains(where);
    assertThat(layer.location("absent")).isEmpty();
    assertThat(load(Yamls.EXAMPLE).settingsFor(INITECH).with(layer).requireInt("ratelimit.burst"))
        .isEqualTo(7);
    Scalar one = new Scalar(Scalar.Kind.INTEGER, "1");
    assertThatThrownBy(() -> SettingsLayer.of(ConfigLayer.REGION, "x", Map.of("A", one), where))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid setting key 'A'");
    assertThatThrownBy(
            () -> SettingsLayer.of(ConfigLayer.REGION, "x", Map.of("a", one, "a.b", one), where))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a.b' makes it a section");
  }
}
