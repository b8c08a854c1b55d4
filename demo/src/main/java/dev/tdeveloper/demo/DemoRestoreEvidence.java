package dev.tdeveloper.demo;

import dev.tdeveloper.compliance.spi.BackupSet;
import dev.tdeveloper.compliance.spi.RestoreTest;
import dev.tdeveloper.compliance.spi.RestoreTestEvidence;
import dev.tdeveloper.dr.drill.DrillResult;
import dev.tdeveloper.dr.service.DisasterRecovery;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The compliance module's restore-test evidence from dr-core's drill history (dr-core cannot depend
 * on compliance-core, so the adapter lives here): every ACTIVE tenant's notes are a backup set that
 * must be restore-tested, and each recorded drill of a tenant's notes is a restore test, successful
 * or not, with its measured RTO. Thread-safe.
 */
final class DemoRestoreEvidence implements RestoreTestEvidence {
  private final TenantRegistry registry;
  private final DisasterRecovery dr;

  DemoRestoreEvidence(TenantRegistry registry, DisasterRecovery dr) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.dr = Objects.requireNonNull(dr, "dr");
  }

  @Override
  public Set<BackupSet> backupSets() {
    return registry.list().stream()
        .filter(t -> t.status() == TenantStatus.ACTIVE)
        .map(t -> new BackupSet(t.id(), NotesBackupSource.NAME))
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public List<RestoreTest> restoreTests(Instant from, Instant to) {
    List<RestoreTest> tests = new ArrayList<>();
    for (BackupSet set : backupSets()) {
      for (DrillResult d : dr.drillResults(BackupScope.of(set.tenant()), from, to)) {
        if (d.source().equals(set.name())) {
          tests.add(
              new RestoreTest(
                  d.backupId().orElse("none selected"),
                  set,
                  d.started(),
                  d.finished(),
                  d.succeeded(),
                  d.measuredRto()));
        }
      }
    }
    return tests;
  }
}
