package dev.tdeveloper.tenancy.config;

import static dev.tdeveloper.tenancy.config.Yamls.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.IsolationMode;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantStatus;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantConfigLoaderTest {
  private static final TenantId ACME = TenantId.of("acme");

  @Test
  void readsTenantDefinitionsAsActiveTenants() {
    TenantConfig config = load(Yamls.EXAMPLE);

    assertThat(config.plans()).containsExactly("free", "pro");
    assertThat(config.defaultPlan()).isEqualTo("free");
    assertThat(config.tenants())
        .extracting(Tenant::id)
        .containsExactly(ACME, TenantId.of("globex"));
    Tenant acme = config.tenant(ACME).orElseThrow();
    assertThat(acme)
        .isEqualTo(
            Tenant.builder(ACME)
                .status(TenantStatus.ACTIVE)
                .plan("pro")
                .displayName("Acme Corp")
                .homeRegion("eu-west-1")
                .isolation(IsolationMode.SCHEMA)
                .timeZone(ZoneId.of("Europe/Paris"))
                .attributes(Map.of("billing-id", "cus_123"))
                .build());
  }

  @Test
  void fillsOmittedTenantFieldsWithDefaults() {
    Tenant globex = load(Yamls.EXAMPLE).tenant(TenantId.of("globex")).orElseThrow();

    assertThat(globex.displayName()).isEqualTo("globex");
    assertThat(globex.homeRegion()).isEqualTo(Tenant.DEFAULT_REGION);
    assertThat(globex.isolation()).isEqualTo(IsolationMode.ROW);
    assertThat(globex.timeZone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(globex.attributes()).isEmpty();
    assertThat(globex.status()).isEqualTo(TenantStatus.ACTIVE);
  }

  @Test
  void givesTenantsNotInTheFileTheDefaultPlan() {
    TenantConfig config = load(Yamls.EXAMPLE);
    TenantId stranger = TenantId.of("umbrella");

    assertThat(config.tenant(stranger)).isEmpty();
    assertThat(config.planOf(stranger)).isEqualTo("free");
    assertThat(config.planOf(ACME)).isEqualTo("pro");
    TenantSettings settings = config.settingsFor(stranger);
    assertThat(settings.tenant()).contains(stranger);
    assertThat(settings.plan()).isEqualTo("free");
    assertThat(settings.requireInt("quota.notes.limit")).isEqualTo(100);
    assertThat(settings.source("quota.notes.limit")).contains(ConfigLayer.PLAN);
  }

  @Test
  void defaultPlanDefaultsToFreeAndSectionsMayBeEmpty() {
    TenantConfig config = load("plans:\n  free:\ndefaults:\ntenants:\n  solo:\n");

    assertThat(config.defaultPlan()).isEqualTo("free");
    assertThat(config.tenants()).extracting(Tenant::plan).containsExactly("free");
    assertThat(config.settingsFor(TenantId.of("solo")).keys()).isEmpty();
  }

  @Test
  void treatsDottedAndNestedKeysAsTheSameSetting() {
    TenantConfig nested = load("plans: { free: { settings: { quota: { notes: { limit: 7 } } } } }");
    TenantConfig dotted = load("plans: { free: { settings: { quota.notes.limit: 7 } } }");

    assertThat(dotted.settingsForPlan("free").keys()).containsExactly("quota.notes.limit");
    assertThat(dotted).isEqualTo(nested);
  }

  @Test
  void readsOnlyTrueAndFalseAsBooleans() {
    TenantSettings s =
        load("plans: { free: { settings: { a: yes, b: no, c: on, d: true, e: 'false' } } }")
            .settingsForPlan("free");

    assertThat(s.getString("a")).contains("yes");
    assertThat(s.getString("b")).contains("no");
    assertThat(s.getString("c")).contains("on");
    assertThat(s.getBoolean("d")).contains(true);
    assertThatThrownBy(() -> s.getBoolean("e")).isInstanceOf(ConfigException.class);
  }

  @Test
  void canonicalizesYamlIntegerForms() {
    TenantSettings s =
        load("plans: { free: { settings: { a: 1_000, b: 0x1F, c: +5 } } }").settingsForPlan("free");

    assertThat(s.getInt("a")).contains(1000);
    assertThat(s.getInt("b")).contains(31);
    assertThat(s.getString("c")).contains("5");
  }

  @Test
  void loadsFromAPathAndIgnoresAByteOrderMark(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tenants.yaml");
    Files.write(file, ("\uFEFF" + Yamls.EXAMPLE).getBytes(StandardCharsets.UTF_8));

    TenantConfig config = TenantConfigLoader.load(file);

    assertThat(config.source()).isEqualTo(file.toString());
    assertThat(config).isEqualTo(load(Yamls.EXAMPLE));
  }

  @Test
  void equalityIgnoresCommentsFormattingAndSourceName() {
    TenantConfig a = load(Yamls.EXAMPLE);
    TenantConfig b =
        TenantConfigLoader.load("other.yaml", new StringReader("# comment\n\n" + Yamls.EXAMPLE));

    assertThat(b).isEqualTo(a).hasSameHashCodeAs(a);
    assertThat(b.settingsFor(ACME).location("ratelimit.burst").orElseThrow().line())
        .isEqualTo(a.settingsFor(ACME).location("ratelimit.burst").orElseThrow().line() + 2);
    assertThat(load(Yamls.EXAMPLE.replace("80", "81"))).isNotEqualTo(a);
  }

  @Test
  void refusesUnknownPlanInSettingsForPlan() {
    assertThatThrownBy(() -> load(Yamls.EXAMPLE).settingsForPlan("platinum"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown plan 'platinum'")
        .hasMessageContaining("known plans: [free, pro]");
  }

  @Test
  void rejectsNullArguments() {
    TenantConfig config = load(Yamls.EXAMPLE);
    assertThatThrownBy(() -> config.settingsFor(null)).hasMessage("id");
    assertThatThrownBy(() -> TenantConfigLoader.load((Path) null)).hasMessage("path");
    assertThatThrownBy(() -> TenantConfigLoader.load("x", null)).hasMessage("reader");
  }
}
