package dev.tdeveloper.compliance.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ControlCatalogTest {
  private final ControlCatalog catalog = ControlCatalog.defaults();

  @Test
  void listsEveryTrustServicesCriterionByCategory() {
    Map<String, Integer> perCategory = new TreeMap<>();
    catalog.controls(Framework.SOC2).forEach(c -> perCategory.merge(c.category(), 1, Integer::sum));
    assertThat(perCategory)
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry("Control Environment", 5),
                Map.entry("Communication and Information", 3),
                Map.entry("Risk Assessment", 4),
                Map.entry("Monitoring Activities", 2),
                Map.entry("Control Activities", 3),
                Map.entry("Logical and Physical Access Controls", 8),
                Map.entry("System Operations", 5),
                Map.entry("Change Management", 1),
                Map.entry("Risk Mitigation", 2),
                Map.entry("Availability", 3),
                Map.entry("Confidentiality", 2),
                Map.entry("Processing Integrity", 5),
                Map.entry("Privacy", 18)));
    assertThat(catalog.controls(Framework.SOC2)).hasSize(61);
    assertThat(catalog.controls(Framework.SOC2).get(0).id()).isEqualTo("CC1.1");
    assertThat(catalog.get("CC9.2").title())
        .isEqualTo(
            "The entity assesses and manages risks associated with vendors and business partners.");
    assertThat(catalog.get("A1.3").title())
        .isEqualTo(
            "The entity tests recovery plan procedures supporting system recovery to meet its objectives.");
  }

  @Test
  void listsEveryAnnexAControlAndHipaaSpecification() {
    Map<String, Integer> iso = new TreeMap<>();
    catalog.controls(Framework.ISO27001).forEach(c -> iso.merge(c.category(), 1, Integer::sum));
    assertThat(iso)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "Organizational controls", 37,
                "People controls", 8,
                "Physical controls", 14,
                "Technological controls", 34));
    assertThat(catalog.get("A.8.24").title()).isEqualTo("Use of cryptography");
    assertThat(catalog.get("A.5.15").title()).isEqualTo("Access control");
    assertThat(catalog.get("164.312(a)(2)(iv)").title())
        .isEqualTo("Encryption and decryption (Addressable)");
    assertThat(catalog.get("164.308(a)(1)(ii)(D)").category())
        .isEqualTo("Administrative safeguards");
    assertThat(catalog.controls(Framework.HIPAA)).hasSize(61);
  }

  @Test
  void everyIdIsUniqueAndMatchesItsFramework() {
    Set<String> seen = new HashSet<>();
    for (Control c : catalog.controls()) {
      assertThat(seen.add(c.id())).as("duplicate %s", c.id()).isTrue();
      assertThat(Framework.forId(c.id())).contains(c.framework());
    }
    assertThat(seen).hasSize(61 + 93 + 61);
  }

  @Test
  void mappingsResolveAcrossFrameworksBothWays() {
    for (Control c : catalog.controls()) {
      for (String m : c.mappedIds()) {
        Control other = catalog.get(m);
        assertThat(other.framework()).isNotEqualTo(c.framework());
        assertThat(other.mappedIds()).as("%s maps back to %s", m, c.id()).contains(c.id());
      }
    }
    for (Control c : catalog.controls(Framework.SOC2)) {
      if (!c.id().startsWith("P")) {
        assertThat(c.mappedIds()).as("%s is mapped", c.id()).isNotEmpty();
      }
    }
    assertThat(catalog.mappedControls("CC6.1", Framework.ISO27001))
        .extracting(Control::id)
        .contains("A.5.15", "A.8.24");
    assertThat(catalog.mappedControls("164.312(b)", Framework.SOC2))
        .extracting(Control::id)
        .contains("CC7.2");
  }

  @Test
  void unknownIdIsRefusedByNameAndAbsentFromFind() {
    assertThat(catalog.find("CC10.1")).isEmpty();
    assertThatThrownBy(() -> catalog.get("CC10.1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown control id 'CC10.1'");
  }

  @Test
  void frameworkPatternsDoNotOverlap() {
    assertThat(Framework.forId("A1.2")).contains(Framework.SOC2);
    assertThat(Framework.forId("A.5.1")).contains(Framework.ISO27001);
    assertThat(Framework.forId("164.310(d)(2)(iv)")).contains(Framework.HIPAA);
    assertThat(Framework.forId("A.5.38")).isEmpty();
    assertThat(Framework.forId("P9.1")).isEmpty();
  }
}
