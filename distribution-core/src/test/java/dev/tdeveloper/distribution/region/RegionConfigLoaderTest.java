package dev.tdeveloper.distribution.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tdeveloper.distribution.residency.DataPurpose;
import dev.tdeveloper.distribution.residency.Placement;
import dev.tdeveloper.distribution.residency.ResidencyPolicy;
import dev.tdeveloper.distribution.routing.RoutingPolicy;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.ConfigLayer;
import dev.tdeveloper.tenancy.config.ConfigLocation;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionConfigLoaderTest {
  static Path sample() {
    try {
      return Path.of(RegionConfigLoaderTest.class.getResource("/regions.yaml").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Two regions; each test adds the section it is about. */
  static final String BASE =
      """
      regions:
        eu-west-1:
          country: IE
          continent: EU
          location: {latitude: 53.35, longitude: -6.26}
          jurisdictions: [EU]
          zones: [a]
          endpoints: [{id: api, uri: "https://eu.example.com"}]
        us-east-1:
          country: US
          continent: NA
          location: {latitude: 39.04, longitude: -77.49}
          zones: [a]
          endpoints: [{id: api, uri: "https://us.example.com"}]
      """;

  static ConfigException error(String yaml) {
    return catchThrowableOfType(
        ConfigException.class, () -> RegionConfigLoader.parse("regions.yaml", yaml));
  }

  static List<String> messages(String yaml) {
    ConfigException e = error(yaml);
    assertThat(e).as("expected a ConfigException").isNotNull();
    return e.problems().stream().map(ConfigProblem::message).toList();
  }

  @Test
  void loadsTheSampleFile() {
    DistributionConfig c = RegionConfigLoader.load(sample());

    assertThat(c.catalog().ids())
        .extracting(RegionId::value)
        .containsExactly("eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-1");
    Region ireland = c.catalog().require(RegionId.of("eu-west-1"));
    assertThat(ireland.displayName()).isEqualTo("Europe (Ireland)");
    assertThat(ireland.country()).isEqualTo("IE");
    assertThat(ireland.continent()).isEqualTo(Continent.EU);
    assertThat(ireland.location()).isEqualTo(new GeoPoint(53.35, -6.26));
    assertThat(ireland.jurisdictions())
        .containsExactly(Jurisdiction.of("EEA"), Jurisdiction.of("EU"), Jurisdiction.of("IE"));
    assertThat(ireland.zones()).containsExactly("eu-west-1a", "eu-west-1b", "eu-west-1c");
    assertThat(ireland.endpoints())
        .containsExactly(
            new Endpoint(
                "api-a", URI.create("https://eu-west-1a.api.example.com"), "eu-west-1a", 2),
            new Endpoint(
                "api-b", URI.create("https://eu-west-1b.api.example.com"), "eu-west-1b", 1));
    assertThat(ireland.capacityWeight()).isEqualTo(100);
    assertThat(ireland.priority()).isZero();
    assertThat(ireland.settings()).containsOnlyKeys("ratelimit.requests-per-second");
    // the only zone is the default zone of an endpoint
    assertThat(c.catalog().require(RegionId.of("us-west-2")).endpoints().get(0).zone())
        .isEqualTo("us-west-2a");
    assertThat(
            c.catalog()
                .require(RegionId.of("ap-southeast-1"))
                .location()
                .distanceKm(ireland.location()))
        .isBetween(11_000.0, 11_400.0);

    assertThat(c.defaultRoutingPolicyName()).isEqualTo("nearest");
    assertThat(c.defaultRoutingPolicy()).isEqualTo(new RoutingPolicy.Latency());
    assertThat(c.routingPolicies())
        .containsOnlyKeys("nearest", "geo", "prox", "split", "dr", "any");
    assertThat(c.routingPolicy("geo").orElseThrow())
        .isEqualTo(
            new RoutingPolicy.Geolocation(
                Map.of("DE", RegionId.of("eu-central-1"), "SG", RegionId.of("ap-southeast-1")),
                Map.of(
                    Continent.EU, RegionId.of("eu-west-1"),
                    Continent.NA, RegionId.of("us-east-1"),
                    Continent.AS, RegionId.of("ap-southeast-1"),
                    Continent.OC, RegionId.of("ap-southeast-1")),
                Optional.of(RegionId.of("us-east-1"))));
    assertThat(c.routingPolicy("prox").orElseThrow())
        .isEqualTo(
            new RoutingPolicy.Geoproximity(
                Map.of(RegionId.of("us-east-1"), 20, RegionId.of("ap-southeast-1"), -10)));
    assertThat(c.routingPolicy("split").orElseThrow())
        .isEqualTo(
            new RoutingPolicy.Weighted(
                Map.of(RegionId.of("eu-west-1"), 3, RegionId.of("us-east-1"), 1), true));
    assertThat(c.routingPolicy("dr").orElseThrow())
        .isEqualTo(
            new RoutingPolicy.Failover(RegionId.of("eu-west-1"), RegionId.of("eu-central-1")));
    assertThat(c.routingPolicy("any").orElseThrow()).isEqualTo(new RoutingPolicy.MultiValue(3));
    assertThat(c.routingPolicy("absent")).isEmpty();

    assertThat(c.residencyPolicy("eu-only").orElseThrow())
        .isEqualTo(ResidencyPolicy.within("eu-only", Jurisdiction.of("EU")));
    assertThat(c.residencyPolicy("de-sovereign").orElseThrow())
        .isEqualTo(
            new ResidencyPolicy(
                "de-sovereign",
                Placement.in(Set.of(Jurisdiction.of("DE"))),
                Placement.in(Set.of(Jurisdiction.of("EU"))),
                Placement.only(Set.of(RegionId.of("eu-central-1")))));
    assertThat(c.residencyPolicy("us-data").orElseThrow().processing())
        .isEqualTo(Placement.anywhere());
    assertThat(c.residencyPolicyFor(TenantId.of("acme")).name()).isEqualTo("eu-only");
    assertThat(c.residencyPolicyFor(TenantId.of("initech")))
        .isEqualTo(ResidencyPolicy.unrestricted());
    assertThat(c.residencyPolicyFor(TenantId.of("nobody")))
        .isEqualTo(ResidencyPolicy.unrestricted());
    assertThat(c.residencyAssignments()).hasSize(4);
  }

  @Test
  void keepsWhereEachRegionSettingWasWritten() {
    DistributionConfig c = RegionConfigLoader.load(sample());

    var layer = c.regionSettings(RegionId.of("eu-central-1"));
    assertThat(layer.layer()).isEqualTo(ConfigLayer.REGION);
    assertThat(layer.name()).isEqualTo("eu-central-1");
    assertThat(layer.values())
        .containsOnlyKeys("ratelimit.requests-per-second", "notes.encryption");
    assertThat(layer.location("notes.encryption").orElseThrow().line()).isEqualTo(32);
    assertThat(c.regionSettings(RegionId.of("us-east-1")).values()).isEmpty();
    assertThatThrownBy(() -> c.regionSettings(RegionId.of("mars-1")))
        .isInstanceOf(UnknownRegionException.class);
  }

  @Test
  void loadsFromAPathAndNamesTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("regions.yaml");
    Files.writeString(file, BASE + "routing: {policies: {x: {type: nope}}}\n");
    assertThatThrownBy(() -> RegionConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ":15:32: routing.policies.x.type: unknown policy type");
    assertThatThrownBy(() -> RegionConfigLoader.load(dir.resolve("absent.yaml")))
        .hasMessageContaining("does not exist");
  }

  @Test
  void withoutRoutingTheDefaultIsLatency() {
    DistributionConfig c = RegionConfigLoader.parse("regions.yaml", BASE);
    assertThat(c.defaultRoutingPolicyName()).isEqualTo("latency");
    assertThat(c.routingPolicies()).containsOnlyKeys("latency");
    assertThat(c.residencyPolicies()).isEmpty();
    Region us = c.catalog().require(RegionId.of("us-east-1"));
    assertThat(us.displayName()).isEqualTo("us-east-1");
    assertThat(us.capacityWeight()).isEqualTo(1);
  }

  // ---- the proofs the issue names ----

  @Test
  void unknownRegionInAnyPolicyKindIsLocated() {
    List<String> m =
        messages(
            BASE
                + """
                routing:
                  default: geo
                  policies:
                    geo: {type: geolocation, countries: {DE: eu-centrl-1}, continents: {EU: mars-1}, default: venus-1}
                    prox: {type: geoproximity, bias: {us-east-2: 10}}
                    split: {type: weighted, weights: {eu-west-2: 1, us-east-1: 1}}
                    dr: {type: failover, primary: eu-west-1, secondary: eu-west-9}
                residency:
                  policies:
                    pinned: {storage: {regions: [us-east-7]}, processing: anywhere, replicas: anywhere}
                """);
    String allowed = "allowed: one of the regions declared under regions: [eu-west-1, us-east-1]";
    assertThat(m)
        .containsExactly(
            "regions.yaml:18:46: routing.policies.geo.countries.DE: unknown region; value:"
                + " eu-centrl-1; "
                + allowed,
            "regions.yaml:18:77: routing.policies.geo.continents.EU: unknown region; value: mars-1; "
                + allowed,
            "regions.yaml:18:95: routing.policies.geo.default: unknown region; value: venus-1; "
                + allowed,
            "regions.yaml:19:39: routing.policies.prox.bias.us-east-2: unknown region (did you mean"
                + " 'us-east-1'?); value: us-east-2; "
                + allowed,
            "regions.yaml:20:39: routing.policies.split.weights.eu-west-2: unknown region (did you"
                + " mean 'eu-west-1'?); value: eu-west-2; "
                + allowed,
            "regions.yaml:21:57: routing.policies.dr.secondary: unknown region (did you mean"
                + " 'eu-west-1'?); value: eu-west-9; "
                + allowed,
            "regions.yaml:24:34: residency.policies.pinned.storage.regions[0]: unknown region (did you"
                + " mean 'us-east-1'?); value: us-east-7; "
                + allowed);
  }

  @Test
  void weightsThatSumToZeroAreRefused() {
    assertThat(
            messages(
                BASE
                    + "routing: {policies: {split: {type: weighted, weights: {eu-west-1: 0,"
                    + " us-east-1: 0}}}}\n"))
        .containsExactly(
            "regions.yaml:15:55: routing.policies.split.weights: the weights sum to zero, so no"
                + " region would get traffic; value: a mapping; allowed: at least one weight above"
                + " 0");
  }

  @Test
  void residencyThatLeavesNoRegionIsRefusedForEachPurpose() {
    List<String> m =
        messages(
            BASE
                + """
                residency:
                  policies:
                    apac-only: {within: APAC}
                    mixed: {storage: {jurisdictions: [EU]}, processing: {regions: [eu-west-1]}, replicas: {jurisdictions: [SG, CH]}}
                """);
    String regions =
        "allowed: a placement that at least one declared region satisfies; regions: eu-west-1"
            + " [EU, IE], us-east-1 [US]";
    assertThat(m)
        .containsExactly(
            "regions.yaml:17:25: residency.policies.apac-only.within: residency policy"
                + " 'apac-only' leaves no region of the catalog for storage (it allows"
                + " jurisdictions [APAC]); value: APAC; "
                + regions,
            "regions.yaml:17:25: residency.policies.apac-only.within: residency policy"
                + " 'apac-only' leaves no region of the catalog for processing (it allows"
                + " jurisdictions [APAC]); value: APAC; "
                + regions,
            "regions.yaml:17:25: residency.policies.apac-only.within: residency policy"
                + " 'apac-only' leaves no region of the catalog for replicas (it allows"
                + " jurisdictions [APAC]); value: APAC; "
                + regions,
            "regions.yaml:18:91: residency.policies.mixed.replicas: residency policy 'mixed'"
                + " leaves no region of the catalog for replicas (it allows jurisdictions [CH,"
                + " SG]); value: a mapping; "
                + regions);
  }

  @Test
  void aJurisdictionNoRegionIsInIsAcceptedBesideOneThatMatches() {
    DistributionConfig c =
        RegionConfigLoader.parse(
            "regions.yaml",
            BASE
                + """
                residency:
                  policies:
                    eu-or-swiss: {within: [EU, CH], replicas: {regions: [eu-west-1]}}
                """);
    ResidencyPolicy p = c.residencyPolicy("eu-or-swiss").orElseThrow();
    assertThat(p.storage())
        .isEqualTo(Placement.in(Set.of(Jurisdiction.of("EU"), Jurisdiction.of("CH"))));
    assertThat(p.replicas()).isEqualTo(Placement.only(Set.of(RegionId.of("eu-west-1"))));
  }

  @Test
  void unknownKeysSuggestTheNearest() {
    List<String> m =
        messages(
            BASE.replace("continent: NA", "continet: NA")
                + "routing: {defualt: x}\nresidency: {polices: {}}\n");
    assertThat(m)
        .contains(
            "regions.yaml:11:5: regions.us-east-1.continet: unknown key (did you mean"
                + " 'continent'?); value: continet; allowed: one of [name, country, continent,"
                + " location, jurisdictions, zones, endpoints, weight, priority, settings]",
            "regions.yaml:15:11: routing.defualt: unknown key (did you mean 'default'?); value:"
                + " defualt; allowed: one of [default, policies]",
            "regions.yaml:16:13: residency.polices: unknown key (did you mean 'policies'?); value:"
                + " polices; allowed: one of [policies, tenants]");
    assertThat(m).anyMatch(s -> s.contains("regions.us-east-1.continent: required key is missing"));
  }

  @Test
  void badTypesAndRangesAreLocated() {
    List<String> m =
        messages(
            BASE.replace("latitude: 53.35", "latitude: 95")
                .replace("longitude: -77.49", "longitude: west")
                .replace("country: IE", "country: ie")
                .replace("continent: EU", "continent: Europe")
                .replace(
                    "zones: [a]\n    endpoints: [{id: api, uri: \"https://us.example.com\"}]",
                    "zones: [a]\n    weight: 256\n    priority: -1\n    endpoints: [{id: api, uri:"
                        + " \"/relative\", weight: 129}]"));
    assertThat(m)
        .containsExactly(
            "regions.yaml:3:14: regions.eu-west-1.country: invalid country code; value: ie;"
                + " allowed: an ISO 3166-1 alpha-2 code in uppercase, such as IE",
            "regions.yaml:4:16: regions.eu-west-1.continent: unknown continent; value: Europe;"
                + " allowed: one of [AF, AN, AS, EU, NA, OC, SA]",
            "regions.yaml:5:26: regions.eu-west-1.location.latitude: out of range; value: 95;"
                + " allowed: a number from -90.0 to 90.0",
            "regions.yaml:12:44: regions.us-east-1.location.longitude: expected a number, got a"
                + " string 'west'; value: west; allowed: a number from -180.0 to 180.0",
            "regions.yaml:14:13: regions.us-east-1.weight: out of range; value: 256; allowed: a"
                + " whole number from 0 to 255",
            "regions.yaml:15:15: regions.us-east-1.priority: out of range; value: -1; allowed: a"
                + " whole number from 0 to 127",
            "regions.yaml:16:32: regions.us-east-1.endpoints[0].uri: the URI is not absolute; value:"
                + " /relative; allowed: an absolute URI such as https://api.example.com",
            "regions.yaml:16:53: regions.us-east-1.endpoints[0].weight: out of range; value: 129;"
                + " allowed: a whole number from 1 to 128");
  }

  @Test
  void duplicateEndpointIdsAndForeignZonesAreRefused() {
    List<String> m =
        messages(
            BASE.replace(
                "endpoints: [{id: api, uri: \"https://eu.example.com\"}]",
                "endpoints:\n      - {id: api, uri: \"https://a.example.com\"}\n"
                    + "      - {id: api, uri: \"https://b.example.com\", zone: b}"));
    assertThat(m)
        .containsExactly(
            "regions.yaml:10:14: regions.eu-west-1.endpoints[1].id: duplicate endpoint id in this"
                + " region; value: api; allowed: a unique id",
            "regions.yaml:10:55: regions.eu-west-1.endpoints[1].zone: zone is not one of the region's"
                + " zones; value: b; allowed: one of [a]");
  }

  @Test
  void anEndpointNeedsAZoneWhenTheRegionHasSeveral() {
    assertThat(
            messages(
                BASE.replace(
                    "zones: [a]\n    endpoints: [{id: api, uri: \"https://eu",
                    "zones: [a, b]\n    endpoints: [{id: api, uri: \"https://eu")))
        .singleElement()
        .asString()
        .contains("regions.yaml:8:17: regions.eu-west-1.endpoints[0].zone: required key is missing")
        .contains("one of [a, b] (required when the region has several zones)");
  }

  @Test
  void defaultPolicyMustBeDeclared() {
    assertThat(
            messages(
                BASE
                    + "routing:\n  default: nearst\n  policies: {nearest: {type: latency}, any:"
                    + " {type: multivalue}}\n"))
        .containsExactly(
            "regions.yaml:16:12: routing.default: unknown routing policy (did you mean"
                + " 'nearest'?); value: nearst; allowed: one of [nearest, any]");
    assertThat(
            messages(
                BASE
                    + "routing:\n  policies: {nearest: {type: latency}, any: {type: multivalue}}\n"))
        .singleElement()
        .asString()
        .contains("routing.default: required key is missing when several policies are declared");
    DistributionConfig one =
        RegionConfigLoader.parse(
            "regions.yaml", BASE + "routing: {policies: {only: {type: multivalue}}}\n");
    assertThat(one.defaultRoutingPolicyName()).isEqualTo("only");
    assertThat(one.defaultRoutingPolicy()).isEqualTo(new RoutingPolicy.MultiValue(8));
  }

  @Test
  void policyValuesAreChecked() {
    List<String> m =
        messages(
            BASE
                + """
                routing:
                  default: a
                  policies:
                    a: {type: geoproximity, bias: {us-east-1: 100}}
                    b: {type: multivalue, max-answers: 9}
                    c: {type: failover, primary: us-east-1, secondary: us-east-1}
                    d: {type: weighted, weights: {us-east-1: 300}, sticky: maybe}
                    e: {type: geolocation, countries: {de: eu-west-1}, continents: {XX: eu-west-1}}
                    f: {type: lateny}
                    g: {type: geolocation}
                    h: {type: latency, bias: {}}
                    Bad: {type: latency}
                """);
    assertThat(m)
        .containsExactly(
            "regions.yaml:18:47: routing.policies.a.bias.us-east-1: out of range; value: 100;"
                + " allowed: a whole number from -99 to 99",
            "regions.yaml:19:40: routing.policies.b.max-answers: out of range; value: 9; allowed:"
                + " a whole number from 1 to 8",
            "regions.yaml:20:56: routing.policies.c.secondary: the secondary is the primary; value:"
                + " us-east-1; allowed: a different region",
            "regions.yaml:21:46: routing.policies.d.weights.us-east-1: out of range; value: 300;"
                + " allowed: a whole number from 0 to 255",
            "regions.yaml:21:60: routing.policies.d.sticky: expected a boolean, got a string"
                + " 'maybe'; value: maybe; allowed: true or false",
            "regions.yaml:22:40: routing.policies.e.countries.de: invalid country code; value: de;"
                + " allowed: an ISO 3166-1 alpha-2 code in uppercase, such as DE",
            "regions.yaml:22:69: routing.policies.e.continents.XX: unknown continent; value: XX;"
                + " allowed: one of [AF, AN, AS, EU, NA, OC, SA]",
            "regions.yaml:23:15: routing.policies.f.type: unknown policy type (did you mean"
                + " 'latency'?); value: lateny; allowed: one of [latency, geolocation,"
                + " geoproximity, weighted, failover, multivalue]",
            "regions.yaml:24:8: routing.policies.g: geolocation policy maps nothing; value: a"
                + " mapping; allowed: at least one country, continent or a fallback",
            "regions.yaml:25:24: routing.policies.h.bias: unknown key; value: bias; allowed: one"
                + " of [type]",
            "regions.yaml:26:5: routing.policies.Bad: invalid policy name; value: Bad; allowed: a"
                + " lowercase token");
  }

  @Test
  void tenantAssignmentsAreChecked() {
    List<String> m =
        messages(
            BASE
                + """
                residency:
                  policies:
                    eu-only: {within: EU}
                    unrestricted: {within: EU}
                  tenants:
                    acme: eu-ony
                    "Bad Tenant!": eu-only
                    globex: unrestricted
                """);
    assertThat(m)
        .containsExactly(
            "regions.yaml:18:5: residency.policies.unrestricted: 'unrestricted' is built in and"
                + " cannot be redefined; value: unrestricted; allowed: another name",
            "regions.yaml:20:11: residency.tenants.acme: unknown residency policy (did you mean"
                + " 'eu-only'?); value: eu-ony; allowed: one of [eu-only, unrestricted]",
            m.get(2));
    assertThat(m.get(2))
        .startsWith("regions.yaml:21:5: residency.tenants.Bad Tenant!: invalid tenant id");
  }

  @Test
  void aResidencyPolicyWithoutWithinNamesEveryPurpose() {
    assertThat(messages(BASE + "residency: {policies: {p: {storage: {jurisdictions: [EU]}}}}\n"))
        .containsExactly(
            "regions.yaml:15:27: residency.policies.p.processing: required key is missing;"
                + " allowed: a placement {jurisdictions: [..], regions: [..]}, or anywhere, or set"
                + " within",
            "regions.yaml:15:27: residency.policies.p.replicas: required key is missing; allowed:"
                + " a placement {jurisdictions: [..], regions: [..]}, or anywhere, or set within");
  }

  @Test
  void regionSettingsFollowTheTenantsYamlRules() {
    assertThat(
            messages(
                BASE.replace(
                    "jurisdictions: [EU]", "jurisdictions: [EU]\n    settings: {Rate: 1, a: [1]}")))
        .singleElement()
        .asString()
        .startsWith(
            "regions.yaml:7:16: regions.eu-west-1.settings.Rate: invalid setting key 'Rate'");
    assertThat(
            messages(
                BASE.replace("jurisdictions: [EU]", "jurisdictions: [EU]\n    settings: {a: [1]}")))
        .singleElement()
        .asString()
        .contains("a setting is a string, number or boolean");
  }

  @Test
  void anEmptyOrWrongRootIsRefused() {
    assertThat(error("").getMessage())
        .isEqualTo(
            "regions.yaml:1:1: (root): the file is empty; expected a mapping with keys"
                + " [regions, routing, residency]");
    assertThat(messages("- a\n")).singleElement().asString().contains("expected a mapping");
    assertThat(messages("regions: {}\n"))
        .containsExactly(
            "regions.yaml:1:10: regions: no regions are declared; value: a mapping; allowed: at"
                + " least one region");
    assertThat(messages("routing: {}\n"))
        .singleElement()
        .asString()
        .contains("regions: required key is missing");
  }

  @Test
  void hostileInputKeepsTheTenancyLimits() {
    String bomb = "a: &a [x]\nb: *a\n";
    assertThatThrownBy(() -> RegionConfigLoader.parse("regions.yaml", bomb))
        .isInstanceOf(ConfigException.class);
    String huge = "regions: {}\n" + "#".repeat(1024 * 1024 + 1);
    assertThatThrownBy(() -> RegionConfigLoader.parse("regions.yaml", huge))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("refused without parsing");
    assertThat(new ConfigLocation("regions.yaml", 1, 1).toString()).isEqualTo("regions.yaml:1:1");
  }

  @Test
  void residencyPurposesMatchDataPurposeOrder() {
    assertThat(RegionConfigBinder.PURPOSES).hasSize(DataPurpose.values().length);
    assertThat(DataPurpose.values())
        .containsExactly(DataPurpose.STORAGE, DataPurpose.PROCESSING, DataPurpose.REPLICA);
  }
}
