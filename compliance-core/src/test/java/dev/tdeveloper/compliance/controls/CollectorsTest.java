package dev.tdeveloper.compliance.controls;

import static dev.tdeveloper.compliance.controls.Fixtures.NOW;
import static dev.tdeveloper.compliance.controls.Fixtures.Q2;
import static dev.tdeveloper.compliance.controls.Fixtures.daysBefore;
import static dev.tdeveloper.compliance.controls.Fixtures.tenants;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.compliance.spi.EvidenceItem;
import dev.tdeveloper.compliance.spi.EvidenceStatus;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CollectorsTest {
  private final ManualClock clock = new ManualClock(NOW);

  @Test
  void auditChainPassesWhenIntactAndNamesTheFirstBadIndexWhenNot() {
    EvidenceItem ok =
        AuditChainVerifiedCollector.builder(
                () -> new AuditIntegrityCheck.Result(40, true, OptionalLong.empty(), "log"))
            .owner("security")
            .clock(clock)
            .build()
            .collect(Q2);
    assertThat(ok.result().status()).isEqualTo(EvidenceStatus.PASS);
    assertThat(ok.population().size()).isEqualTo(40);
    EvidenceItem bad =
        AuditChainVerifiedCollector.builder(
                () -> new AuditIntegrityCheck.Result(40, false, OptionalLong.of(17), "log"))
            .owner("security")
            .clock(clock)
            .build()
            .collect(Q2);
    assertThat(bad.result().status()).isEqualTo(EvidenceStatus.FAIL);
    assertThat(bad.result().facts()).containsEntry("firstBadIndex", "17");
    assertThat(bad.verifyHash()).isTrue();
  }

  @Test
  void aThrowingInputBecomesAnErrorItemWithTheCollectorsOwner() {
    EvidenceItem item =
        AuditChainVerifiedCollector.builder(
                () -> {
                  throw new IllegalStateException("disk\ngone");
                })
            .owner("security")
            .clock(clock)
            .build()
            .collect(Q2);
    assertThat(item.result().status()).isEqualTo(EvidenceStatus.ERROR);
    assertThat(item.result().summary()).contains("IllegalStateException: disk gone");
    assertThat(item.owner()).isEqualTo("security");
    assertThat(item.verifyHash()).isTrue();
  }

  @Test
  void encryptionFailureNamesOnlyTheUnencryptedTenants() {
    EvidenceItem item =
        EncryptionAtRestCollector.builder(
                tenants("acme", "globex", "initech"), t -> !t.value().equals("globex"))
            .owner("platform")
            .clock(clock)
            .build()
            .collect(Q2);
    assertThat(item.result().status()).isEqualTo(EvidenceStatus.FAIL);
    assertThat(item.result().facts()).containsOnlyKeys("globex");
    assertThat(item.result().summary()).startsWith("1 of 3 tenants");
    assertThat(item.population().size()).isEqualTo(3);
  }

  @Test
  void oneTenantsUnreadableStatusNeitherFailsNorPassesAnother() {
    EvidenceItem item =
        EncryptionAtRestCollector.builder(
                tenants("acme", "globex"),
                t -> {
                  if (t.value().equals("acme")) {
                    throw new IllegalStateException("kms timeout");
                  }
                  return true;
                })
            .owner("platform")
            .clock(clock)
            .build()
            .collect(Q2);
    assertThat(item.result().status()).isEqualTo(EvidenceStatus.ERROR);
    assertThat(item.result().facts()).containsOnlyKeys("acme");
    assertThat(item.result().facts().get("acme")).contains("kms timeout");
  }

  @Test
  void keyRotationListsOverdueAndKeylessTenantsWithAges() {
    EvidenceItem item =
        KeyRotationAgeCollector.builder(
                tenants("acme", "globex", "initech"),
                t ->
                    switch (t.value()) {
                      case "acme" -> Optional.of(daysBefore(NOW, 120));
                      case "globex" -> Optional.empty();
                      default -> Optional.of(daysBefore(NOW, 10));
                    })
            .maxAge(Duration.ofDays(90))
            .owner("platform")
            .clock(clock)
            .build()
            .collect(Q2);
    assertThat(item.result().status()).isEqualTo(EvidenceStatus.FAIL);
    assertThat(item.result().facts()).containsOnlyKeys("acme", "globex");
    assertThat(item.result().facts().get("acme")).contains("120 days old");
    assertThat(item.result().facts().get("globex")).isEqualTo("no current key");
  }

  @Test
  void restoreTestOfOneSetNeverCountsForAnother() {
    Fixtures.Drills drills =
        new Fixtures.Drills()
            .set("acme", "nightly")
            .set("globex", "nightly")
            .test("acme", "nightly", daysBefore(Q2.end(), 5), true, Duration.ofMinutes(30))
            .test("globex", "nightly", daysBefore(Q2.end(), 5), false, Duration.ofMinutes(30))
            .test("globex", "nightly", daysBefore(Q2.end(), 200), true, Duration.ofMinutes(30));
    EvidenceItem item = restoreTested(BackupRestoreTestedCollector.builder(drills));
    assertThat(item.result().status()).isEqualTo(EvidenceStatus.FAIL);
    assertThat(item.result().facts()).containsOnlyKeys("globex/nightly");
    assertThat(item.result().facts().get("globex/nightly")).contains("1 failed or too slow");
  }

  @Test
  void restoreTestOverTheRtoDoesNotCount() {
    Fixtures.Drills drills =
        new Fixtures.Drills()
            .set("acme", "nightly")
            .test("acme", "nightly", daysBefore(Q2.end(), 1), true, Duration.ofHours(5));
    assertThat(restoreTested(BackupRestoreTestedCollector.builder(drills)).result().status())
        .isEqualTo(EvidenceStatus.PASS);
    assertThat(
            restoreTested(BackupRestoreTestedCollector.builder(drills).maxRto(Duration.ofHours(4)))
                .result()
                .status())
        .isEqualTo(EvidenceStatus.FAIL);
  }

  /** Collects Q2 with the SRE team as owner and the test clock. */
  private EvidenceItem restoreTested(BackupRestoreTestedCollector.Builder builder) {
    return builder.owner("sre").clock(clock).build().collect(Q2);
  }

  @Test
  void accessReviewsFailForOverdueOrIncompleteScopesOnly() {
    ReviewScope acmeAdmin = ReviewScope.of(Fixtures.t("acme"), "admin");
    ReviewScope globexAdmin = ReviewScope.of(Fixtures.t("globex"), "admin");
    ReviewScope ops = ReviewScope.platform("operator");
    Fixtures.Reviews log =
        new Fixtures.Reviews()
            .scope(acmeAdmin)
            .scope(globexAdmin)
            .scope(ops)
            .review(acmeAdmin, daysBefore(Q2.end(), 10), AccessReview.Outcome.ACCESS_CHANGED)
            .review(globexAdmin, daysBefore(Q2.end(), 10), AccessReview.Outcome.INCOMPLETE)
            .review(ops, daysBefore(Q2.end(), 91), AccessReview.Outcome.NO_CHANGE);
    EvidenceItem item =
        AccessReviewCollector.builder(log).owner("iam").clock(clock).build().collect(Q2);
    assertThat(item.result().status()).isEqualTo(EvidenceStatus.FAIL);
    assertThat(item.result().facts()).containsOnlyKeys("globex/admin", "platform/operator");
  }

  @Test
  void buildersRequireAnOwnerAndRefuseSettingTwiceOrBadAges() {
    assertThatThrownBy(() -> AccessReviewCollector.builder(new Fixtures.Reviews()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("owner is required");
    assertThatThrownBy(
            () -> AccessReviewCollector.builder(new Fixtures.Reviews()).owner("a").owner("b"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("owner was already set");
    assertThatThrownBy(
            () -> AccessReviewCollector.builder(new Fixtures.Reviews()).maxAge(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxAge must be positive");
    assertThatThrownBy(() -> AccessReviewCollector.builder(new Fixtures.Reviews()).id("Bad Id"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("collector id");
    assertThat(
            AccessReviewCollector.builder(new Fixtures.Reviews()).owner("iam").build().controlIds())
        .isEqualTo(Set.of("CC6.2", "CC6.3"));
  }
}
