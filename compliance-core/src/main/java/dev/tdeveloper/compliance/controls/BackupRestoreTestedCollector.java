package dev.tdeveloper.compliance.controls;

import dev.tdeveloper.compliance.spi.BackupSet;
import dev.tdeveloper.compliance.spi.EvidencePeriod;
import dev.tdeveloper.compliance.spi.RestoreTest;
import dev.tdeveloper.compliance.spi.RestoreTestEvidence;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evidence that every backup set had a successful restore test within a maximum age before the end
 * of the period (SOC 2 A1.2, A1.3, CC7.5), read through {@link RestoreTestEvidence}. With a maximum
 * RTO set, a test that took longer does not count. FAIL names exactly the backup sets without a
 * qualifying test; a test of one set never counts for another. Immutable and thread-safe if the
 * evidence source is.
 */
public final class BackupRestoreTestedCollector extends BuiltInCollector {
  /** The default collector id. */
  public static final String DEFAULT_ID = "backups.restore-tested";

  /** The default maximum age of the last successful restore test: 90 days (quarterly drills). */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(90);

  private static final Set<String> CONTROLS = Set.of("A1.2", "A1.3", "CC7.5");

  private final RestoreTestEvidence source;
  private final Duration maxAge;
  private final Optional<Duration> maxRto;

  private BackupRestoreTestedCollector(
      CollectorSettings settings,
      RestoreTestEvidence source,
      Duration maxAge,
      Optional<Duration> maxRto) {
    super(settings, CONTROLS);
    this.source = source;
    this.maxAge = maxAge;
    this.maxRto = maxRto;
  }

  /**
   * Starts a collector.
   *
   * @param source the restore tests, from the disaster-recovery module
   * @return a builder; the owner must be set
   */
  public static Builder builder(RestoreTestEvidence source) {
    return new Builder(Objects.requireNonNull(source, "source"));
  }

  @Override
  String query(EvidencePeriod period) {
    return "listed the restore tests that finished in ["
        + from(period)
        + ", "
        + period.end()
        + ") and looked for a successful one of each backup set"
        + maxRto.map(r -> " within an RTO of " + r).orElse("");
  }

  @Override
  CollectorSettings.Outcome measure(EvidencePeriod period) {
    Instant to = period.end();
    Instant from = from(period);
    Set<BackupSet> sets = new TreeSet<>(Comparator.comparing(BackupSet::toString));
    sets.addAll(source.backupSets());
    List<RestoreTest> tests = source.restoreTests(from, to);
    Map<BackupSet, Integer> good = new HashMap<>();
    Map<BackupSet, Integer> bad = new HashMap<>();
    for (RestoreTest t : tests) {
      if (t.finished().isBefore(from) || !t.finished().isBefore(to)) {
        continue; // outside the window, whatever the source returned
      }
      boolean counts =
          t.succeeded() && maxRto.map(r -> t.rtoAchieved().compareTo(r) <= 0).orElse(true);
      (counts ? good : bad).merge(t.backupSet(), 1, Integer::sum);
    }
    Findings findings = new Findings();
    for (BackupSet set : sets) {
      if (!good.containsKey(set)) {
        int attempts = bad.getOrDefault(set, 0);
        findings.fail(
            set.toString(),
            "no successful restore test in the last "
                + maxAge.toDays()
                + " days"
                + (attempts > 0 ? " (" + attempts + " failed or too slow)" : ""));
      }
    }
    return new CollectorSettings.Outcome(
        sets.size(),
        "every backup set the disaster-recovery module protects",
        findings.result(
            sets.size(),
            "backup sets",
            "all "
                + sets.size()
                + " backup sets had a successful restore test in the last "
                + maxAge.toDays()
                + " days",
            "lack a recent successful restore test"));
  }

  private Instant from(EvidencePeriod period) {
    return period.end().minus(maxAge);
  }

  /** Builds a {@link BackupRestoreTestedCollector}; not thread-safe. */
  public static final class Builder extends CollectorBuilder<Builder> {
    private final RestoreTestEvidence source;
    private Duration maxAge;
    private Duration maxRto;

    private Builder(RestoreTestEvidence source) {
      super(DEFAULT_ID, "disaster-recovery restore drills");
      this.source = source;
    }

    /**
     * Sets how recent the last successful restore test must be (default {@link #DEFAULT_MAX_AGE},
     * 90 days).
     *
     * @throws IllegalArgumentException if not positive
     * @throws IllegalStateException if set twice
     */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = Ages.once("maxAge", this.maxAge, maxAge);
      return this;
    }

    /**
     * Sets the recovery time objective a test must meet to count (default: any).
     *
     * @throws IllegalArgumentException if not positive
     * @throws IllegalStateException if set twice
     */
    public Builder maxRto(Duration maxRto) {
      this.maxRto = Ages.once("maxRto", this.maxRto, maxRto);
      return this;
    }

    /**
     * Builds the collector.
     *
     * @throws IllegalStateException if the owner was not set
     */
    public BackupRestoreTestedCollector build() {
      return new BackupRestoreTestedCollector(
          settings(),
          source,
          maxAge == null ? DEFAULT_MAX_AGE : maxAge,
          Optional.ofNullable(maxRto));
    }
  }
}
