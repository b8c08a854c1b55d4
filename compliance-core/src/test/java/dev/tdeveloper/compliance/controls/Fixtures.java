package dev.tdeveloper.compliance.controls;

import dev.tdeveloper.compliance.spi.BackupSet;
import dev.tdeveloper.compliance.spi.EvidencePeriod;
import dev.tdeveloper.compliance.spi.RestoreTest;
import dev.tdeveloper.compliance.spi.RestoreTestEvidence;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Inputs for collector tests: tenants, restore tests and access reviews held in memory. */
final class Fixtures {
  static final Instant NOW = Instant.parse("2024-07-01T00:00:00Z");
  static final EvidencePeriod Q2 =
      new EvidencePeriod(
          Instant.parse("2024-04-01T00:00:00Z"), Instant.parse("2024-07-01T00:00:00Z"));

  private Fixtures() {}

  static TenantId t(String id) {
    return TenantId.of(id);
  }

  static TenantPopulation tenants(String... ids) {
    List<TenantId> list = Arrays.stream(ids).map(TenantId::of).toList();
    return TenantPopulation.of("every test tenant", () -> list);
  }

  static Instant daysBefore(Instant at, long days) {
    return at.minus(Duration.ofDays(days));
  }

  /** Restore tests held in memory; returns every test whatever the window, as a sloppy source. */
  static final class Drills implements RestoreTestEvidence {
    final Set<BackupSet> sets = new LinkedHashSet<>();
    final List<RestoreTest> tests = new ArrayList<>();

    Drills set(String tenant, String name) {
      sets.add(new BackupSet(t(tenant), name));
      return this;
    }

    Drills test(String tenant, String name, Instant finished, boolean ok, Duration rto) {
      tests.add(
          new RestoreTest(
              "b-" + tests.size(),
              new BackupSet(t(tenant), name),
              finished.minus(rto),
              finished,
              ok,
              rto));
      return this;
    }

    @Override
    public Set<BackupSet> backupSets() {
      return sets;
    }

    @Override
    public List<RestoreTest> restoreTests(Instant from, Instant to) {
      return tests;
    }
  }

  /** Access reviews held in memory; returns every review whatever the window. */
  static final class Reviews implements AccessReviewLog {
    final Set<ReviewScope> scopes = new LinkedHashSet<>();
    final List<AccessReview> reviews = new ArrayList<>();

    Reviews scope(ReviewScope scope) {
      scopes.add(scope);
      return this;
    }

    Reviews review(ReviewScope scope, Instant at, AccessReview.Outcome outcome) {
      reviews.add(new AccessReview(scope, "alice@example.com", at, outcome));
      return this;
    }

    @Override
    public Set<ReviewScope> scopes() {
      return scopes;
    }

    @Override
    public List<AccessReview> reviews(Instant from, Instant to) {
      return reviews;
    }
  }
}
