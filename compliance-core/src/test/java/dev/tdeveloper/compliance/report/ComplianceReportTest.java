package dev.tdeveloper.compliance.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tdeveloper.compliance.controls.AuditChainVerifiedCollector;
import dev.tdeveloper.compliance.controls.AuditIntegrityCheck;
import dev.tdeveloper.compliance.controls.ControlAssessment;
import dev.tdeveloper.compliance.controls.ControlCatalog;
import dev.tdeveloper.compliance.controls.ControlEvaluator;
import dev.tdeveloper.compliance.controls.EncryptionAtRestCollector;
import dev.tdeveloper.compliance.controls.Framework;
import dev.tdeveloper.compliance.controls.TenantPopulation;
import dev.tdeveloper.compliance.spi.EvidencePeriod;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ComplianceReportTest {
  private static final Instant NOW = Instant.parse("2024-07-01T00:00:00Z");
  private static final EvidencePeriod Q2 =
      new EvidencePeriod(Instant.parse("2024-04-01T00:00:00Z"), NOW);
  private static final Pattern UUID_V45 =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[45][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  private static final String HOSTILE = "<script>alert('x')</script>";

  private static ControlAssessment assess(Framework framework, String auditDescription) {
    ManualClock clock = new ManualClock(NOW);
    return ControlEvaluator.builder(ControlCatalog.defaults())
        .collector(
            AuditChainVerifiedCollector.builder(
                    () ->
                        new AuditIntegrityCheck.Result(
                            9, false, OptionalLong.of(3), auditDescription))
                .owner("security & <ops>")
                .clock(clock)
                .build())
        .collector(
            EncryptionAtRestCollector.builder(
                    TenantPopulation.of("every tenant", () -> List.of(TenantId.of("acme"))),
                    t -> true)
                .owner("platform")
                .clock(clock)
                .build())
        .clock(clock)
        .build()
        .evaluate(framework, Q2);
  }

  @Test
  void oscalJsonHasTheAssessmentResultsShape() throws Exception {
    JsonNode root =
        new ObjectMapper()
            .readTree(ComplianceReport.of(assess(Framework.SOC2, "log")).toOscalJson());
    JsonNode ar = root.get("assessment-results");
    assertThat(ar.get("uuid").asText()).matches(UUID_V45);
    assertThat(ar.at("/metadata/oscal-version").asText()).isEqualTo("1.1.2");
    assertThat(ar.at("/metadata/last-modified").asText()).isEqualTo(NOW.toString());
    assertThat(ar.at("/metadata/title").asText()).isNotBlank();
    assertThat(ar.at("/metadata/version").asText()).isNotBlank();
    assertThat(ar.at("/import-ap/href").asText()).isEqualTo(ComplianceReport.DEFAULT_PLAN_HREF);
    JsonNode result = ar.at("/results/0");
    assertThat(result.get("start").asText()).isEqualTo(Q2.start().toString());
    assertThat(result.get("end").asText()).isEqualTo(Q2.end().toString());
    assertThat(result.at("/reviewed-controls/control-selections/0/include-controls")).hasSize(61);
    JsonNode observations = result.get("observations");
    assertThat(observations).hasSize(2);
    for (JsonNode o : observations) {
      assertThat(o.get("uuid").asText()).matches(UUID_V45);
      assertThat(o.get("methods").get(0).asText()).isEqualTo("TEST");
      assertThat(o.get("collected").asText()).isEqualTo(NOW.toString());
      assertThat(o.at("/subjects/0/type").asText()).isEqualTo("component");
      assertThat(o.at("/relevant-evidence/0/description").asText()).startsWith("Query: ");
      assertThat(o.get("props").findValuesAsText("name")).contains("evidence-sha256");
    }
    JsonNode cc72 = null;
    for (JsonNode f : result.get("findings")) {
      assertThat(f.at("/target/type").asText()).isEqualTo("objective-id");
      assertThat(f.at("/target/status/state").asText()).isIn("satisfied", "not-satisfied");
      if (f.at("/target/target-id").asText().equals("CC7.2")) {
        cc72 = f;
      }
    }
    assertThat(cc72).isNotNull();
    assertThat(cc72.at("/target/status/state").asText()).isEqualTo("not-satisfied");
    String related = cc72.at("/related-observations/0/observation-uuid").asText();
    assertThat(observations.findValuesAsText("uuid")).contains(related);
    assertThat(result.get("findings")).hasSize(5); // CC7.2, CC4.1, CC6.1, CC6.7, C1.1
  }

  @Test
  void hipaaIdsBecomeOscalTokens() throws Exception {
    JsonNode root =
        new ObjectMapper()
            .readTree(ComplianceReport.of(assess(Framework.HIPAA, "log")).toOscalJson());
    List<String> targets =
        root.at("/assessment-results/results/0/findings").findValuesAsText("target-id");
    assertThat(targets).contains("hipaa-164.312-b", "hipaa-164.312-a-2-iv");
    assertThat(targets).allMatch(t -> t.matches("[A-Za-z_][A-Za-z0-9._-]*"));
  }

  @Test
  void theSameAssessmentGivesTheSameBytes() {
    ControlAssessment a = assess(Framework.ISO27001, "log");
    assertThat(ComplianceReport.of(a).toOscalJson())
        .isEqualTo(ComplianceReport.of(a).toOscalJson());
    assertThat(ComplianceReport.of(assess(Framework.ISO27001, "log")).toOscalJson())
        .isEqualTo(ComplianceReport.of(a).toOscalJson());
    assertThat(ComplianceReport.of(assess(Framework.ISO27001, "other log")).uuid())
        .isNotEqualTo(ComplianceReport.of(a).uuid());
    assertThat(ComplianceReport.of(a).toHtml()).isEqualTo(ComplianceReport.of(a).toHtml());
  }

  @Test
  void htmlEscapesHostileEvidenceAndLoadsNothingExternal() {
    String html =
        ComplianceReport.of(assess(Framework.SOC2, HOSTILE), "Report " + HOSTILE, "urn:x").toHtml();
    assertThat(html).doesNotContain("<script").doesNotContain("alert('x')");
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    assertThat(html).contains("security &amp; &lt;ops&gt;");
    assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("src=");
    assertThat(html).contains("<style>").contains("NOT SATISFIED").contains("CC7.2");
  }
}
