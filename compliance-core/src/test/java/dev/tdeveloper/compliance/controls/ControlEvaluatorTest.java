package dev.tdeveloper.compliance.controls;

import static dev.tdeveloper.compliance.controls.Fixtures.NOW;
import static dev.tdeveloper.compliance.controls.Fixtures.Q2;
import static dev.tdeveloper.compliance.controls.Fixtures.tenants;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.compliance.spi.EvidenceCollector;
import dev.tdeveloper.compliance.spi.EvidenceItem;
import dev.tdeveloper.compliance.spi.EvidencePeriod;
import dev.tdeveloper.compliance.spi.EvidenceStatus;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ControlEvaluatorTest {
  private final ManualClock clock = new ManualClock(NOW);

  private EvidenceCollector audit(boolean ok) {
    return AuditChainVerifiedCollector.builder(
            () ->
                new AuditIntegrityCheck.Result(
                    5, ok, ok ? OptionalLong.empty() : OptionalLong.of(2), "log"))
        .owner("security")
        .clock(clock)
        .build();
  }

  private EvidenceCollector encryption(boolean ok) {
    return EncryptionAtRestCollector.builder(tenants("acme"), t -> ok)
        .owner("platform")
        .clock(clock)
        .build();
  }

  private static EvidenceCollector throwing(String id, String control) {
    return new EvidenceCollector() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Set<String> controlIds() {
        return Set.of(control);
      }

      @Override
      public EvidenceItem collect(EvidencePeriod period) {
        throw new IllegalStateException("boom");
      }
    };
  }

  @Test
  void controlsTakeTheirStatusFromTheirEvidence() {
    ControlAssessment a =
        ControlEvaluator.builder(ControlCatalog.defaults())
            .collector(audit(true))
            .collector(encryption(false))
            .collector(throwing("broken", "A1.1"))
            .clock(clock)
            .build()
            .evaluate(Framework.SOC2, Q2);
    assertThat(a.result("CC7.2").orElseThrow().status()).isEqualTo(ControlStatus.SATISFIED);
    assertThat(a.result("CC6.1").orElseThrow().status()).isEqualTo(ControlStatus.NOT_SATISFIED);
    assertThat(a.result("A1.1").orElseThrow().status()).isEqualTo(ControlStatus.ERROR);
    assertThat(a.result("CC1.1").orElseThrow().status()).isEqualTo(ControlStatus.NOT_ASSESSED);
    assertThat(a.result("A1.1").orElseThrow().evidence().get(0).result().summary())
        .contains("boom");
    assertThat(a.evidence())
        .extracting(EvidenceItem::collectorId)
        .containsExactly("audit.chain-verified", "broken", "encryption.at-rest");
    assertThat(a.counts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(61);
    assertThat(a.assessedAt()).isEqualTo(NOW);
  }

  @Test
  void aFailureOutranksAnErrorOnTheSameControl() {
    ControlAssessment a =
        ControlEvaluator.builder(ControlCatalog.defaults())
            .collector(encryption(false))
            .collector(throwing("broken", "CC6.1"))
            .clock(clock)
            .build()
            .evaluate(Framework.SOC2, Q2);
    assertThat(a.result("CC6.1").orElseThrow().status()).isEqualTo(ControlStatus.NOT_SATISFIED);
    assertThat(a.result("CC6.1").orElseThrow().evidence()).hasSize(2);
  }

  @Test
  void isoAndHipaaStatusesComeThroughTheMappings() {
    ControlEvaluator e =
        ControlEvaluator.builder(ControlCatalog.defaults())
            .collector(audit(true))
            .collector(encryption(false))
            .clock(clock)
            .build();
    ControlAssessment iso = e.evaluate(Framework.ISO27001, Q2);
    assertThat(iso.result("A.8.24").orElseThrow().status()).isEqualTo(ControlStatus.NOT_SATISFIED);
    assertThat(iso.result("A.8.24").orElseThrow().via()).contains("CC6.1");
    assertThat(iso.result("A.8.15").orElseThrow().status()).isEqualTo(ControlStatus.SATISFIED);
    assertThat(iso.result("A.7.7").orElseThrow().status()).isEqualTo(ControlStatus.NOT_ASSESSED);
    ControlAssessment hipaa = e.evaluate(Framework.HIPAA, Q2);
    assertThat(hipaa.result("164.312(b)").orElseThrow().status())
        .isEqualTo(ControlStatus.SATISFIED);
    assertThat(hipaa.result("164.312(a)(2)(iv)").orElseThrow().status())
        .isEqualTo(ControlStatus.NOT_SATISFIED);
  }

  @Test
  void eachCollectorRunsOncePerEvaluation() {
    int[] runs = {0};
    EvidenceCollector counting =
        EncryptionAtRestCollector.builder(
                tenants("acme"),
                t -> {
                  runs[0]++;
                  return true;
                })
            .owner("platform")
            .clock(clock)
            .build();
    ControlEvaluator.builder(ControlCatalog.defaults())
        .collector(counting)
        .build()
        .evaluate(Framework.ISO27001, Q2);
    assertThat(runs[0]).isEqualTo(1);
  }

  @Test
  void unknownControlsAndDuplicateIdsAreRefusedAtRegistration() {
    assertThatThrownBy(
            () ->
                ControlEvaluator.builder(ControlCatalog.defaults())
                    .collector(throwing("x", "CC6.9")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'CC6.9'");
    assertThatThrownBy(
            () ->
                ControlEvaluator.builder(ControlCatalog.defaults())
                    .collector(audit(true))
                    .collector(audit(false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two collectors");
  }

  @Test
  void anItemWhoseHashWasForgedBecomesAnError() {
    EvidenceCollector forging =
        new EvidenceCollector() {
          private final EvidenceCollector real = encryption(true);

          @Override
          public String id() {
            return real.id();
          }

          @Override
          public Set<String> controlIds() {
            return real.controlIds();
          }

          @Override
          public EvidenceItem collect(EvidencePeriod period) {
            EvidenceItem i = real.collect(period);
            return new EvidenceItem(
                i.collectorId(),
                i.source(),
                "someone else",
                i.period(),
                i.population(),
                i.query(),
                i.result(),
                i.collectedAt(),
                i.hash());
          }
        };
    ControlAssessment a =
        ControlEvaluator.builder(ControlCatalog.defaults())
            .collector(forging)
            .build()
            .evaluate(Framework.SOC2, Q2);
    EvidenceItem item = a.result("CC6.1").orElseThrow().evidence().get(0);
    assertThat(item.result().status()).isEqualTo(EvidenceStatus.ERROR);
    assertThat(item.result().summary()).contains("hash does not verify");
  }
}
