package dev.tdeveloper.distribution.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.ConfigLayer;
import dev.tdeveloper.tenancy.config.ConfigLocation;
import dev.tdeveloper.tenancy.config.Scalar;
import dev.tdeveloper.tenancy.config.SettingsLayer;
import dev.tdeveloper.tenancy.config.TenantConfig;
import dev.tdeveloper.tenancy.config.TenantConfigLoader;
import java.io.StringReader;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegionalSettingsTest {
  /** Key k-XYZ is set by the layers X, Y, Z (d = defaults, p = plan, r = region, t = tenant). */
  private static final TenantConfig TENANTS =
      TenantConfigLoader.load(
          "tenants.yaml",
          new StringReader(
              """
              defaultPlan: pro
              defaults: {k-d: 1, k-dp: 1, k-dr: 1, k-dt: 1, k-dprt: 1, k-dpr: 1, timeout: 5s}
              plans:
                pro: {settings: {k-p: 2, k-dp: 2, k-pr: 2, k-pt: 2, k-dprt: 2, k-dpr: 2}}
              tenants:
                acme:
                  settings: {k-t: 4, k-dt: 4, k-pt: 4, k-rt: 4, k-dprt: 4}
              """));

  private static final String REGIONS =
      RegionConfigLoaderTest.BASE.replace(
          "jurisdictions: [EU]",
          "jurisdictions: [EU]\n    settings: {k-r: 3, k-dr: 3, k-pr: 3, k-rt: 3, k-dprt: 3,"
              + " k-dpr: 3, timeout: soon}");

  private static RegionalSettings acme() {
    return RegionalSettings.resolve(
        TENANTS,
        RegionConfigLoader.parse("regions.yaml", REGIONS),
        TenantId.of("acme"),
        RegionId.of("eu-west-1"));
  }

  @Test
  void eachKeyComesFromTheMostSpecificLayerThatSetsIt() {
    RegionalSettings s = acme();

    Map<String, ConfigLayer> expected =
        Map.ofEntries(
            Map.entry("k-d", ConfigLayer.DEFAULTS),
            Map.entry("k-p", ConfigLayer.PLAN),
            Map.entry("k-r", ConfigLayer.REGION),
            Map.entry("k-t", ConfigLayer.TENANT),
            Map.entry("k-dp", ConfigLayer.PLAN),
            Map.entry("k-dr", ConfigLayer.REGION),
            Map.entry("k-dt", ConfigLayer.TENANT),
            Map.entry("k-pr", ConfigLayer.REGION),
            Map.entry("k-pt", ConfigLayer.TENANT),
            Map.entry("k-rt", ConfigLayer.TENANT),
            Map.entry("k-dpr", ConfigLayer.REGION),
            Map.entry("k-dprt", ConfigLayer.TENANT));
    expected.forEach(
        (key, layer) -> {
          assertThat(s.source(key)).as(key).contains(layer);
          assertThat(s.requireInt(key)).as(key).isEqualTo(layer.ordinal() + 1);
        });
    assertThat(s.source("absent")).isEmpty();
    assertThat(s.region()).isEqualTo(RegionId.of("eu-west-1"));
    assertThat(s.tenant()).contains(TenantId.of("acme"));
  }

  @Test
  void aTenantNotInTenantsYamlGetsTheRegionOverItsPlan() {
    RegionalSettings s =
        RegionalSettings.resolve(
            TENANTS,
            RegionConfigLoader.parse("regions.yaml", REGIONS),
            TenantId.of("initech"),
            RegionId.of("eu-west-1"));

    assertThat(s.source("k-dprt")).contains(ConfigLayer.REGION);
    assertThat(s.getLong("k-dprt")).contains(3L);
    assertThat(s.source("k-t")).isEmpty();
  }

  @Test
  void aRegionWithoutSettingsChangesNothing() {
    RegionalSettings s =
        RegionalSettings.resolve(
            TENANTS,
            RegionConfigLoader.parse("regions.yaml", REGIONS),
            TenantId.of("acme"),
            RegionId.of("us-east-1"));

    assertThat(s.keys()).isEqualTo(TENANTS.settingsFor(TenantId.of("acme")).keys());
    assertThat(s.source("k-dpr")).contains(ConfigLayer.PLAN);
    assertThat(s.requireDuration("timeout")).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void mistypedRegionValueIsReportedInRegionsYamlWithTheTenantsMessages() {
    RegionalSettings s = acme();

    assertThat(s.location("timeout").orElseThrow().source()).isEqualTo("regions.yaml");
    assertThatThrownBy(() -> s.getDuration("timeout"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "regions.yaml:7:81: regions.eu-west-1.settings.timeout: setting 'timeout' of tenant"
                + " 'acme' (plan 'pro', region 'eu-west-1') (from layer REGION) is a string"
                + " 'soon', expected a non-negative duration such as PT1S, 500ms, 1s, 5m, 1h or"
                + " 1d");
    assertThatThrownBy(() -> s.requireBoolean("absent"))
        .hasMessageContaining("(searched TENANT 'acme', REGION 'eu-west-1', PLAN 'pro', DEFAULTS)");
  }

  @Test
  void builtFromARegionInCode() {
    Region region =
        RegionConfigLoader.parse("regions.yaml", REGIONS)
            .catalog()
            .require(RegionId.of("eu-west-1"));
    RegionalSettings s = RegionalSettings.of(TENANTS.settingsFor(TenantId.of("initech")), region);

    assertThat(s.requireInt("k-r")).isEqualTo(3);
    assertThat(s.location("k-r")).contains(new ConfigLocation("region eu-west-1", 1, 1));
    assertThat(s.asTenantSettings().source("k-r")).contains(ConfigLayer.REGION);
    assertThat(s.getBoolean("absent")).isEmpty();
    assertThat(s.getDouble("k-d")).contains(1.0);
    assertThat(s.getString("k-p")).contains("2");
  }

  @Test
  void refusesALayerThatIsNotARegionLayer() {
    SettingsLayer plan =
        SettingsLayer.of(
            ConfigLayer.PLAN,
            "x",
            Map.of("a", new Scalar(Scalar.Kind.INTEGER, "1")),
            new ConfigLocation("code", 1, 1));
    assertThatThrownBy(
            () ->
                RegionalSettings.of(
                    TENANTS.settingsFor(TenantId.of("acme")), RegionId.of("eu-west-1"), plan))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowed: a REGION layer");
  }
}
