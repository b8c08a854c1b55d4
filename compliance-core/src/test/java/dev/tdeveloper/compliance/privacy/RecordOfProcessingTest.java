package dev.tdeveloper.compliance.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordOfProcessingTest {
  private static ProcessingActivity support(String retention) {
    return new ProcessingActivity(
        "customer-support",
        "Acme SAS, dpo@acme.example",
        List.of("answer support tickets"),
        LawfulBasis.CONTRACT,
        List.of("contact details"),
        List.of("customers"),
        List.of("helpdesk provider"),
        List.of(new ThirdCountryTransfer("US", "standard contractual clauses 2021/914")),
        retention,
        List.of("encryption at rest", "access reviews"));
  }

  @Test
  void exportsEveryArticle30FieldAsJson() throws Exception {
    RecordOfProcessing record = new RecordOfProcessing("Acme SAS", new ManualClock());
    record.add(support("2 years after the last ticket"));
    JsonNode json = new ObjectMapper().readTree(record.toJson());
    JsonNode activity = json.get("activities").get(0);
    assertThat(json.get("controller").asText()).isEqualTo("Acme SAS");
    assertThat(json.get("generatedAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(activity.get("lawfulBasis").asText()).isEqualTo("CONTRACT");
    assertThat(activity.get("thirdCountryTransfers").get(0).get("safeguard").asText())
        .contains("standard contractual clauses");
    assertThat(activity.get("securityMeasures")).hasSize(2);
    assertThat(activity.get("retention").asText()).isEqualTo("2 years after the last ticket");
  }

  @Test
  void addRefusesDuplicatesAndReplaceNeedsAnExistingActivity() {
    RecordOfProcessing record = new RecordOfProcessing("Acme SAS", new ManualClock());
    assertThatThrownBy(() -> record.replace(support("1 year")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no processing activity");
    record.add(support("1 year"));
    assertThatThrownBy(() -> record.add(support("2 years")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already recorded");
    record.replace(support("2 years"));
    assertThat(record.find("customer-support").orElseThrow().retention()).isEqualTo("2 years");
  }

  /** An activity without transfers or recipients, with the given purposes and measures. */
  private static ProcessingActivity activity(List<String> purposes, List<String> measures) {
    return new ProcessingActivity(
        "x",
        "Acme",
        purposes,
        LawfulBasis.CONSENT,
        List.of("email"),
        List.of("users"),
        List.of(),
        List.of(),
        "1 year",
        measures);
  }

  @Test
  void incompleteActivitiesFailNamingTheField() {
    assertThatThrownBy(() -> activity(List.of(), List.of("tls")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("purposes");
    assertThatThrownBy(() -> activity(List.of("p"), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("securityMeasures");
    assertThatThrownBy(() -> new ThirdCountryTransfer("US", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("safeguard");
  }
}
