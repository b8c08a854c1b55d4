package dev.tdeveloper.tenancy.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tdeveloper.tenancy.TenantId;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For random layer contents, every key resolves to the most specific layer's value, and a tenant's
 * overrides are visible to that tenant only.
 */
class LayeringPropertiesTest {
  private static final List<String> KEYS =
      List.of("alpha", "beta.one", "beta.two", "gamma.deep.key", "delta-x");
  private static final TenantId A = TenantId.of("tenant-a");
  private static final TenantId B = TenantId.of("tenant-b");
  private static final TenantId UNLISTED = TenantId.of("tenant-c");
  private static final YAMLMapper YAML = new YAMLMapper();

  @Provide
  Arbitrary<Map<String, Long>> layer() {
    return Arbitraries.maps(Arbitraries.of(KEYS), Arbitraries.longs()).ofMaxSize(KEYS.size());
  }

  @Property(tries = 200)
  void mostSpecificLayerWinsAndOverridesStayWithTheirTenant(
      @ForAll("layer") Map<String, Long> defaults,
      @ForAll("layer") Map<String, Long> plan,
      @ForAll("layer") Map<String, Long> tenantA,
      @ForAll("layer") Map<String, Long> tenantB)
      throws JsonProcessingException {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("defaults", nested(defaults));
    file.put("plans", Map.of("free", Map.of("settings", nested(plan))));
    file.put(
        "tenants",
        Map.of(
            A.value(), Map.of("settings", nested(tenantA)),
            B.value(), Map.of("settings", nested(tenantB))));
    TenantConfig config =
        TenantConfigLoader.load("random.yaml", new StringReader(YAML.writeValueAsString(file)));

    for (String key : KEYS) {
      assertResolved(config.settingsFor(A), key, tenantA, plan, defaults);
      assertResolved(config.settingsFor(B), key, tenantB, plan, defaults);
      assertResolved(config.settingsFor(UNLISTED), key, Map.of(), plan, defaults);
      assertResolved(config.settingsForPlan("free"), key, Map.of(), plan, defaults);
    }
  }

  private static void assertResolved(
      TenantSettings settings,
      String key,
      Map<String, Long> tenant,
      Map<String, Long> plan,
      Map<String, Long> defaults) {
    Optional<ConfigLayer> expectedLayer =
        tenant.containsKey(key)
            ? Optional.of(ConfigLayer.TENANT)
            : plan.containsKey(key)
                ? Optional.of(ConfigLayer.PLAN)
                : defaults.containsKey(key) ? Optional.of(ConfigLayer.DEFAULTS) : Optional.empty();
    Optional<Long> expected =
        Optional.ofNullable(tenant.get(key))
            .or(() -> Optional.ofNullable(plan.get(key)))
            .or(() -> Optional.ofNullable(defaults.get(key)));
    assertThat(settings.getLong(key)).as("%s of %s", key, settings).isEqualTo(expected);
    assertThat(settings.source(key))
        .as("source of %s of %s", key, settings)
        .isEqualTo(expectedLayer);
  }

  /** Turns dotted keys into the nested mappings a person would write. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> nested(Map<String, Long> flat) {
    Map<String, Object> root = new LinkedHashMap<>();
    flat.forEach(
        (key, value) -> {
          String[] parts = key.split("\\.");
          Map<String, Object> node = root;
          for (int i = 0; i < parts.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
          }
          node.put(parts[parts.length - 1], value);
        });
    return root;
  }
}
