package dev.tdeveloper.distribution.residency;

import static dev.tdeveloper.distribution.residency.ResidencyEnforcerTest.ACME;
import static dev.tdeveloper.distribution.residency.ResidencyEnforcerTest.BUNDESBANK;
import static dev.tdeveloper.distribution.residency.ResidencyEnforcerTest.FRANKFURT;
import static dev.tdeveloper.distribution.residency.ResidencyEnforcerTest.IRELAND;
import static dev.tdeveloper.distribution.residency.ResidencyEnforcerTest.NOBODY;
import static dev.tdeveloper.distribution.residency.ResidencyEnforcerTest.SINGAPORE;
import static dev.tdeveloper.distribution.residency.ResidencyEnforcerTest.T0;
import static dev.tdeveloper.distribution.residency.ResidencyEnforcerTest.VIRGINIA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResidencyReportTest {
  final List<ResidencyViolationEvent> events = new java.util.ArrayList<>();
  final ResidencyEnforcer enforcer =
      ResidencyEnforcer.builder(ResidencyEnforcerTest.sample()).listener(events::add).build();

  ResidencyReport report() {
    return ResidencyReport.of(
        enforcer,
        List.of(
            new ResidencyReport.TenantData(NOBODY, SINGAPORE, VIRGINIA, Set.of(IRELAND)),
            new ResidencyReport.TenantData(ACME, IRELAND, IRELAND, Set.of(FRANKFURT, VIRGINIA)),
            new ResidencyReport.TenantData(BUNDESBANK, FRANKFURT, FRANKFURT, Set.of())),
        T0);
  }

  @Test
  void listsWhereEachTenantsDataLivesAndItsViolations() {
    ResidencyReport r = report();

    assertThat(r.entries())
        .extracting(e -> e.data().tenant().value())
        .containsExactly("acme", "bundesbank", "nobody");
    ResidencyReport.Entry acme = r.entries().get(0);
    assertThat(acme.policy()).isEqualTo("eu-only");
    assertThat(acme.violations())
        .containsExactly(
            new ResidencyReport.Violation(DataPurpose.REPLICA, VIRGINIA, "jurisdictions [EU]"));
    assertThat(r.entries().get(1).compliant()).isTrue();
    assertThat(r.entries().get(2).policy()).isEqualTo("unrestricted");
    assertThat(r.compliant()).isFalse();
    assertThat(r.violating()).containsExactly(acme);
    assertThat(events).as("a report is not an operation: no events").isEmpty();
  }

  @Test
  void text() {
    assertThat(report().text())
        .isEqualTo(
            """
            Residency report, 2025-03-01T10:00:00Z: 3 tenants, 1 with violations

            acme (policy eu-only): VIOLATION
              home:     eu-west-1
              storage:  eu-west-1
              replicas: eu-central-1, us-east-1
              ! replica in us-east-1 is not allowed (allowed: jurisdictions [EU])

            bundesbank (policy de-sovereign): compliant
              home:     eu-central-1
              storage:  eu-central-1
              replicas: none

            nobody (policy unrestricted): compliant
              home:     ap-southeast-1
              storage:  us-east-1
              replicas: eu-west-1
            """);
  }

  @Test
  void json() throws Exception {
    JsonNode j = new ObjectMapper().readTree(report().toJson());
    assertThat(j.get("generatedAt").asText()).isEqualTo("2025-03-01T10:00:00Z");
    assertThat(j.get("compliant").asBoolean()).isFalse();
    JsonNode acme = j.get("tenants").get(0);
    assertThat(acme.get("tenant").asText()).isEqualTo("acme");
    assertThat(acme.get("policy").asText()).isEqualTo("eu-only");
    assertThat(acme.get("homeRegion").asText()).isEqualTo("eu-west-1");
    assertThat(acme.get("storageRegion").asText()).isEqualTo("eu-west-1");
    assertThat(acme.get("replicaRegions").toString()).isEqualTo("[\"eu-central-1\",\"us-east-1\"]");
    assertThat(acme.get("violations").toString())
        .isEqualTo(
            "[{\"purpose\":\"REPLICA\",\"region\":\"us-east-1\",\"allowed\":\"jurisdictions"
                + " [EU]\"}]");
    assertThat(j.get("tenants").get(1).get("violations").size()).isZero();
  }

  @Test
  void checksHomeForProcessingAndStorageForStorage() {
    ResidencyReport r =
        ResidencyReport.of(
            enforcer,
            List.of(new ResidencyReport.TenantData(BUNDESBANK, VIRGINIA, IRELAND, Set.of(IRELAND))),
            T0);
    assertThat(r.entries().get(0).violations())
        .extracting(ResidencyReport.Violation::purpose)
        .containsExactly(DataPurpose.PROCESSING, DataPurpose.STORAGE, DataPurpose.REPLICA);
  }

  @Test
  void refusesATenantListedTwice() {
    var d = new ResidencyReport.TenantData(ACME, IRELAND, IRELAND, Set.of());
    assertThatThrownBy(() -> ResidencyReport.of(enforcer, List.of(d, d), T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenant acme is listed twice");
  }
}
