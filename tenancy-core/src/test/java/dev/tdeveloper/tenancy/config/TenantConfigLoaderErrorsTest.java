package dev.tdeveloper.tenancy.config;

import static dev.tdeveloper.tenancy.config.Yamls.loadError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every load error names file, line, column and field path. */
class TenantConfigLoaderErrorsTest {
  private static final String PLANS = "plans: { free: {}, pro: {} }\n";

  @Test
  void reportsUnknownPlanAtItsValue() {
    ConfigException e = loadError(PLANS + "tenants:\n  acme:\n    plan: platinum\n");

    assertThat(e)
        .hasMessage(
            "tenants.yaml:4:11: tenants.acme.plan: unknown plan 'platinum'; known plans: [free, pro]");
    assertThat(e.location()).contains(new ConfigLocation("tenants.yaml", 4, 11));
    assertThat(e.path()).contains("tenants.acme.plan");
    assertThat(e.problem()).isEqualTo("unknown plan 'platinum'; known plans: [free, pro]");
  }

  @Test
  void reportsUnknownDefaultPlan() {
    assertThat(loadError(PLANS + "defaultPlan: gold\n"))
        .hasMessage(
            "tenants.yaml:2:14: defaultPlan: unknown plan 'gold'; known plans: [free, pro]");
  }

  @Test
  void requiresTheImplicitDefaultPlanToBeDeclared() {
    assertThat(loadError("plans: { pro: {} }\n"))
        .hasMessageStartingWith("tenants.yaml:1:1: defaultPlan: defaultPlan is not set")
        .hasMessageContaining("known plans: [pro]");
  }

  @Test
  void reportsUnknownKeysAtTheKeyWithTheAllowedOnes() {
    assertThat(loadError(PLANS + "tenant:\n  acme: {}\n"))
        .hasMessage(
            "tenants.yaml:2:1: tenant: unknown key 'tenant'; allowed keys: "
                + "[defaultPlan, defaults, plans, tenants]");
    assertThat(loadError("plans:\n  free:\n    setings: {}\n"))
        .hasMessage(
            "tenants.yaml:3:5: plans.free.setings: unknown key 'setings'; allowed keys: [settings]");
    assertThat(loadError(PLANS + "tenants:\n  acme:\n    displayname: Acme\n"))
        .hasMessageStartingWith(
            "tenants.yaml:4:5: tenants.acme.displayname: unknown key 'displayname' "
                + "(did you mean 'displayName'?)");
  }

  @Test
  void reportsWrongTypes() {
    assertThat(loadError(PLANS + "tenants:\n  acme:\n    displayName: { a: 1 }\n"))
        .hasMessage(
            "tenants.yaml:4:18: tenants.acme.displayName: expected a string, got a mapping");
    assertThat(loadError("plans: [free, pro]\n"))
        .hasMessage("tenants.yaml:1:8: plans: expected a mapping, got a sequence");
    assertThat(loadError("- free\n"))
        .hasMessageStartingWith("tenants.yaml:1:1: (root): expected a mapping with keys");
    assertThat(loadError(PLANS + "defaults:\n  limits: [1, 2]\n"))
        .hasMessageStartingWith(
            "tenants.yaml:3:11: defaults.limits: setting 'limits' is a sequence");
    assertThat(loadError(PLANS + "defaults:\n  quota:\n    limit: ~\n"))
        .hasMessageStartingWith(
            "tenants.yaml:4:12: defaults.quota.limit: setting 'quota.limit' has no value");
  }

  @Test
  void reportsInvalidTenantIdAtTheKey() {
    assertThat(loadError(PLANS + "tenants:\n  acme: {}\n  Big_Co: {}\n"))
        .hasMessageStartingWith(
            "tenants.yaml:4:3: tenants.Big_Co: invalid tenant id 'Big_Co': character 'B' at index 0"
                + " is upper case");
  }

  @Test
  void reportsInvalidPlanNameAndSettingKey() {
    assertThat(loadError("plans:\n  Free: {}\n"))
        .hasMessageStartingWith("tenants.yaml:2:3: plans.Free: invalid plan name 'Free'");
    assertThat(loadError(PLANS + "defaults:\n  rateLimit: { rps: 5 }\n"))
        .hasMessageStartingWith(
            "tenants.yaml:3:3: defaults.rateLimit: invalid setting key 'rateLimit'");
    assertThat(loadError(PLANS + "defaults:\n  quota..limit: 5\n"))
        .hasMessageStartingWith(
            "tenants.yaml:3:3: defaults.quota..limit: invalid setting key 'quota..limit'");
  }

  @Test
  void reportsBadZoneAndIsolationAtTheValue() {
    assertThat(loadError(PLANS + "tenants:\n  acme:\n    timeZone: Europe/Pariss\n"))
        .hasMessageStartingWith(
            "tenants.yaml:4:15: tenants.acme.timeZone: invalid time zone 'Europe/Pariss'");
    assertThat(loadError(PLANS + "tenants:\n  acme:\n    isolation: SHARED\n"))
        .hasMessage(
            "tenants.yaml:4:16: tenants.acme.isolation: unknown isolation mode 'SHARED'; "
                + "allowed: [DATABASE, SCHEMA, ROW]");
  }

  @Test
  void reportsInvalidDisplayNameAndRegionAtTheValue() {
    assertThat(loadError(PLANS + "tenants:\n  acme:\n    displayName: '  '\n"))
        .hasMessageStartingWith("tenants.yaml:4:18: tenants.acme.displayName: displayName of");
    assertThat(loadError(PLANS + "tenants:\n  acme:\n    homeRegion: EU West\n"))
        .hasMessageStartingWith("tenants.yaml:4:17: tenants.acme.homeRegion: homeRegion of");
  }

  @Test
  void reportsDuplicateKeysThroughJackson() {
    assertThat(loadError(PLANS + "tenants:\n  acme:\n    plan: free\n    plan: pro\n"))
        .hasMessageStartingWith("tenants.yaml:5:")
        .hasMessageContaining(": tenants.acme.plan: duplicate key 'plan'");
    assertThat(loadError(PLANS + "defaults:\n  quota: { limit: 1 }\n  quota.limit: 2\n"))
        .hasMessageStartingWith(
            "tenants.yaml:4:16: defaults.quota.limit: setting 'quota.limit' is set twice in this"
                + " layer (also at tenants.yaml:3:19)");
  }

  @Test
  void refusesAKeyThatIsBothAValueAndASection() {
    assertThat(
            loadError(
                "defaults:\n  quota: 5\nplans:\n  free:\n    settings: { quota: { notes: 1 } }\n"))
        .hasMessage(
            "tenants.yaml:5:33: plans.free.settings.quota.notes: setting 'quota' has a value but"
                + " 'quota.notes' makes it a section (see tenants.yaml:2:10); a key cannot be both");
  }

  @Test
  void reportsMalformedYamlWithLocationAndPath() {
    ConfigException e = loadError(PLANS + "tenants:\n  acme: { plan: pro\n");

    assertThat(e.getMessage())
        .startsWith("tenants.yaml:4:1: tenants.acme")
        .contains("invalid YAML: while parsing a flow mapping")
        .doesNotContain("\n");
    assertThat(loadError("plans:\n\tfree: {}\n"))
        .hasMessageStartingWith("tenants.yaml:2:1: ")
        .hasMessageContaining("invalid YAML");
  }

  @Test
  void refusesAnEmptyFile() {
    for (String empty : new String[] {"", "   \n", "# nothing yet\n"}) {
      assertThat(loadError(empty))
          .hasMessageStartingWith("tenants.yaml:1:1: (root): the file is empty");
    }
  }

  @Test
  void refusesASecondDocument() {
    assertThat(loadError(PLANS + "---\nplans: {}\n"))
        .hasMessageStartingWith("tenants.yaml:3:1: (root): only one YAML document is allowed");
  }
}
