package dev.tdeveloper.compliance.controls;

import dev.tdeveloper.compliance.spi.EvidencePeriod;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evidence that every access scope was reviewed within a maximum age before the end of the period
 * (SOC 2 CC6.2, CC6.3). Incomplete reviews do not count, and a review of one scope never counts for
 * another. FAIL names exactly the scopes overdue. Immutable and thread-safe if the log is.
 */
public final class AccessReviewCollector extends BuiltInCollector {
  /** The default collector id. */
  public static final String DEFAULT_ID = "access.reviews";

  /** The default maximum age of the last completed review: 90 days (quarterly reviews). */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(90);

  private static final Set<String> CONTROLS = Set.of("CC6.2", "CC6.3");

  private final AccessReviewLog log;
  private final Duration maxAge;

  private AccessReviewCollector(CollectorSettings settings, AccessReviewLog log, Duration maxAge) {
    super(settings, CONTROLS);
    this.log = log;
    this.maxAge = maxAge;
  }

  /**
   * Starts a collector.
   *
   * @param log the access review records
   * @return a builder; the owner must be set
   */
  public static Builder builder(AccessReviewLog log) {
    return new Builder(Objects.requireNonNull(log, "log"));
  }

  @Override
  String query(EvidencePeriod period) {
    return "listed the access reviews recorded in ["
        + from(period)
        + ", "
        + period.end()
        + ") and looked for a completed one of each scope";
  }

  @Override
  CollectorSettings.Outcome measure(EvidencePeriod period) {
    Instant to = period.end();
    Instant from = from(period);
    Set<ReviewScope> scopes = new TreeSet<>(Comparator.comparing(ReviewScope::toString));
    scopes.addAll(log.scopes());
    Set<ReviewScope> reviewed = new HashSet<>();
    for (AccessReview r : log.reviews(from, to)) {
      if (r.completed() && !r.reviewedAt().isBefore(from) && r.reviewedAt().isBefore(to)) {
        reviewed.add(r.scope());
      }
    }
    Findings findings = new Findings();
    for (ReviewScope scope : scopes) {
      if (!reviewed.contains(scope)) {
        findings.fail(
            scope.toString(),
            "no completed access review in the last " + maxAge.toDays() + " days");
      }
    }
    return new CollectorSettings.Outcome(
        scopes.size(),
        "every access scope (tenant and role) that must be reviewed",
        findings.result(
            scopes.size(),
            "scopes",
            "all "
                + scopes.size()
                + " scopes were reviewed in the last "
                + maxAge.toDays()
                + " days",
            "are overdue for an access review"));
  }

  private Instant from(EvidencePeriod period) {
    return period.end().minus(maxAge);
  }

  /** Builds an {@link AccessReviewCollector}; not thread-safe. */
  public static final class Builder extends CollectorBuilder<Builder> {
    private final AccessReviewLog log;
    private Duration maxAge;

    private Builder(AccessReviewLog log) {
      super(DEFAULT_ID, "access review log");
      this.log = log;
    }

    /**
     * Sets how recent the last completed review must be (default {@link #DEFAULT_MAX_AGE}, 90
     * days).
     *
     * @throws IllegalArgumentException if not positive
     * @throws IllegalStateException if set twice
     */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = Ages.once("maxAge", this.maxAge, maxAge);
      return this;
    }

    /**
     * Builds the collector.
     *
     * @throws IllegalStateException if the owner was not set
     */
    public AccessReviewCollector build() {
      return new AccessReviewCollector(settings(), log, maxAge == null ? DEFAULT_MAX_AGE : maxAge);
    }
  }
}
