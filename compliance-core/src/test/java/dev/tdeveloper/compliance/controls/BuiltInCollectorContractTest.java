package dev.tdeveloper.compliance.controls;

import static dev.tdeveloper.compliance.controls.Fixtures.NOW;
import static dev.tdeveloper.compliance.controls.Fixtures.tenants;

import dev.tdeveloper.compliance.spi.EvidenceCollector;
import dev.tdeveloper.compliance.testkit.EvidenceCollectorContract;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;

/** Runs the evidence collector contract against every built-in collector. */
class BuiltInCollectorContractTest {
  private static final ManualClock CLOCK = new ManualClock(NOW);

  @Nested
  class AuditChain extends EvidenceCollectorContract {
    @Override
    protected EvidenceCollector collector() {
      return AuditChainVerifiedCollector.builder(
              () -> new AuditIntegrityCheck.Result(12, true, OptionalLong.empty(), "test log"))
          .owner("security")
          .clock(CLOCK)
          .build();
    }

    @Override
    protected EvidenceCollector collectorOverEmptyPopulation() {
      return AuditChainVerifiedCollector.builder(
              () -> new AuditIntegrityCheck.Result(0, true, OptionalLong.empty(), "empty log"))
          .owner("security")
          .clock(CLOCK)
          .build();
    }
  }

  @Nested
  class EncryptionAtRest extends EvidenceCollectorContract {
    @Override
    protected EvidenceCollector collector() {
      return EncryptionAtRestCollector.builder(
              tenants("acme", "globex"), t -> !t.value().equals("globex"))
          .owner("platform")
          .clock(CLOCK)
          .build();
    }

    @Override
    protected EvidenceCollector collectorOverEmptyPopulation() {
      return EncryptionAtRestCollector.builder(tenants(), t -> true)
          .owner("platform")
          .clock(CLOCK)
          .build();
    }
  }

  @Nested
  class KeyRotationAge extends EvidenceCollectorContract {
    @Override
    protected EvidenceCollector collector() {
      return KeyRotationAgeCollector.builder(
              tenants("acme", "globex"), t -> Optional.of(NOW.minus(Duration.ofDays(10))))
          .owner("platform")
          .clock(CLOCK)
          .build();
    }

    @Override
    protected EvidenceCollector collectorOverEmptyPopulation() {
      return KeyRotationAgeCollector.builder(tenants(), t -> Optional.empty())
          .owner("platform")
          .clock(CLOCK)
          .build();
    }
  }

  @Nested
  class BackupRestoreTested extends EvidenceCollectorContract {
    @Override
    protected EvidenceCollector collector() {
      Fixtures.Drills drills =
          new Fixtures.Drills()
              .set("acme", "nightly")
              .test(
                  "acme",
                  "nightly",
                  Q1.end().minus(Duration.ofDays(3)),
                  true,
                  Duration.ofMinutes(20));
      return BackupRestoreTestedCollector.builder(drills).owner("sre").clock(CLOCK).build();
    }

    @Override
    protected EvidenceCollector collectorOverEmptyPopulation() {
      return BackupRestoreTestedCollector.builder(new Fixtures.Drills())
          .owner("sre")
          .clock(CLOCK)
          .build();
    }
  }

  @Nested
  class AccessReviews extends EvidenceCollectorContract {
    @Override
    protected EvidenceCollector collector() {
      ReviewScope admins = ReviewScope.of(Fixtures.t("acme"), "admin");
      Fixtures.Reviews log =
          new Fixtures.Reviews()
              .scope(admins)
              .review(admins, Q1.end().minus(Duration.ofDays(5)), AccessReview.Outcome.NO_CHANGE);
      return AccessReviewCollector.builder(log).owner("iam").clock(CLOCK).build();
    }

    @Override
    protected EvidenceCollector collectorOverEmptyPopulation() {
      return AccessReviewCollector.builder(new Fixtures.Reviews())
          .owner("iam")
          .clock(CLOCK)
          .build();
    }
  }
}
