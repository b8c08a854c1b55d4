package dev.tdeveloper.demo;

import dev.tdeveloper.compliance.controls.AccessReview;
import dev.tdeveloper.compliance.controls.AccessReviewCollector;
import dev.tdeveloper.compliance.controls.AccessReviewLog;
import dev.tdeveloper.compliance.controls.AuditChainVerifiedCollector;
import dev.tdeveloper.compliance.controls.AuditIntegrityCheck;
import dev.tdeveloper.compliance.controls.BackupRestoreTestedCollector;
import dev.tdeveloper.compliance.controls.ControlCatalog;
import dev.tdeveloper.compliance.controls.ControlEvaluator;
import dev.tdeveloper.compliance.controls.EncryptionAtRestCollector;
import dev.tdeveloper.compliance.controls.Framework;
import dev.tdeveloper.compliance.controls.KeyRotationAgeCollector;
import dev.tdeveloper.compliance.controls.ReviewScope;
import dev.tdeveloper.compliance.controls.TenantPopulation;
import dev.tdeveloper.compliance.report.ComplianceReport;
import dev.tdeveloper.compliance.spi.EvidencePeriod;
import dev.tdeveloper.compliance.spi.RestoreTestEvidence;
import dev.tdeveloper.security.spi.KeyState;
import dev.tdeveloper.security.spi.KeyVersion;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The demo's compliance evidence: a {@link ControlEvaluator} over the bundled catalog with the
 * built-in collectors wired to the demo's real state — encryption at rest (every ACTIVE tenant has
 * an enabled primary key version), key rotation age (its creation time against the rotation
 * policy's maximum age), access reviews of the platform {@code operator} role (recorded in memory
 * through {@link #recordReview}), restore-tested backups (the drill history of the notes' backups,
 * through {@link DemoRestoreEvidence}) and the audit chain (an {@link AuditIntegrityCheck} given by
 * the caller). Reports cover the {@value #PERIOD_DAYS} days before now. Thread-safe.
 */
final class DemoCompliance {
  /** The length of the period a report covers, in days: {@value}. */
  static final int PERIOD_DAYS = 90;

  /** The only role that grants access in the demo: the platform operator. */
  static final ReviewScope OPERATOR_SCOPE = ReviewScope.platform("operator");

  private static final String OWNER = "demo platform team";

  private final ControlEvaluator evaluator;
  private final InstantSource clock;
  private final List<AccessReview> reviews = new ArrayList<>();

  DemoCompliance(
      TenantRegistry registry,
      DemoKeys keys,
      InstantSource clock,
      AuditIntegrityCheck audit,
      RestoreTestEvidence restoreTests) {
    this.clock = Objects.requireNonNull(clock, "clock");
    TenantPopulation active =
        TenantPopulation.of(
            "every ACTIVE tenant in the tenant registry",
            () ->
                registry.list().stream()
                    .filter(t -> t.status() == TenantStatus.ACTIVE)
                    .map(Tenant::id)
                    .toList());
    AccessReviewLog log =
        new AccessReviewLog() {
          @Override
          public Set<ReviewScope> scopes() {
            return Set.of(OPERATOR_SCOPE);
          }

          @Override
          public List<AccessReview> reviews(Instant from, Instant to) {
            synchronized (reviews) {
              return reviews.stream()
                  .filter(r -> !r.reviewedAt().isBefore(from) && r.reviewedAt().isBefore(to))
                  .toList();
            }
          }
        };
    this.evaluator =
        ControlEvaluator.builder(ControlCatalog.defaults())
            .clock(clock)
            .collector(
                EncryptionAtRestCollector.builder(
                        active,
                        tenant ->
                            keys.manager
                                .primary(tenant)
                                .filter(v -> v.state() == KeyState.ENABLED)
                                .isPresent())
                    .source("local key store (data/keys) and envelope-encrypted notes")
                    .owner(OWNER)
                    .clock(clock)
                    .build())
            .collector(
                KeyRotationAgeCollector.builder(
                        active, tenant -> keys.manager.primary(tenant).map(KeyVersion::createdAt))
                    .maxAge(DemoKeys.MAX_KEY_AGE)
                    .source("local key store (data/keys)")
                    .owner(OWNER)
                    .clock(clock)
                    .build())
            .collector(
                AccessReviewCollector.builder(log)
                    .source("access reviews posted to /admin/access-reviews (kept in memory)")
                    .owner(OWNER)
                    .clock(clock)
                    .build())
            .collector(
                BackupRestoreTestedCollector.builder(
                        Objects.requireNonNull(restoreTests, "restoreTests"))
                    .source("dr-core restore drills of every tenant's notes (data/drill-history)")
                    .owner(OWNER)
                    .clock(clock)
                    .build())
            .collector(
                AuditChainVerifiedCollector.builder(Objects.requireNonNull(audit, "audit"))
                    .owner(OWNER)
                    .clock(clock)
                    .build())
            .build();
  }

  /**
   * Records a completed (or incomplete) access review of {@code scope}, now.
   *
   * @throws IllegalArgumentException if the scope is not one the demo reviews or the reviewer is
   *     invalid
   */
  AccessReview recordReview(ReviewScope scope, String reviewer, AccessReview.Outcome outcome) {
    if (!OPERATOR_SCOPE.equals(scope)) {
      throw new IllegalArgumentException(
          "scope '" + scope + "' is not reviewed here; the demo reviews only " + OPERATOR_SCOPE);
    }
    AccessReview review = new AccessReview(scope, reviewer, clock.instant(), outcome);
    synchronized (reviews) {
      reviews.add(review);
    }
    return review;
  }

  /** Evaluates {@code framework} over the last {@value #PERIOD_DAYS} days and reports it. */
  ComplianceReport report(Framework framework) {
    EvidencePeriod period = EvidencePeriod.ending(clock.instant(), Duration.ofDays(PERIOD_DAYS));
    return ComplianceReport.of(evaluator.evaluate(framework, period));
  }
}
