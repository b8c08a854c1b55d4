package dev.tdeveloper.dr.service;

import dev.tdeveloper.dr.backup.BackupManifest;
import dev.tdeveloper.dr.backup.BackupResult;
import dev.tdeveloper.dr.backup.BackupType;
import dev.tdeveloper.dr.backup.GarbageCollector;
import dev.tdeveloper.dr.backup.VerifyReport;
import dev.tdeveloper.dr.objectives.RecoveryObjectivesMonitor;
import dev.tdeveloper.dr.policy.BackupInfo;
import dev.tdeveloper.dr.policy.BackupJob;
import dev.tdeveloper.dr.policy.BackupOutcome;
import dev.tdeveloper.dr.policy.BackupPolicy;
import dev.tdeveloper.dr.policy.RetentionPlan;
import dev.tdeveloper.dr.policy.RetentionPlanner;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One policy run: for every registered source the policy names (in every scope), claim the
 * journal's next sequence, back up, verify the new backup (its manifest, every chunk present, the
 * chunks it wrote read back: {@link dev.tdeveloper.dr.backup.BackupEngine#verifyWritten}), record
 * its recovery point, then apply the policy's retention, collect garbage and truncate the journal
 * before the oldest base any source of the scope still needs. Runs of one policy are serialized.
 * Thread-safe.
 */
final class PolicyRuns implements BackupJob {
  private static final Logger LOG = LoggerFactory.getLogger(PolicyRuns.class);

  private final Manifests manifests;
  private final Registry registry;
  private final SequenceClaims claims;
  private final GarbageCollector collector;
  private final RecoveryObjectivesMonitor monitor;
  private final Map<String, BackupInfo.State> states;
  private final Map<String, Object> policyLocks = new ConcurrentHashMap<>();

  PolicyRuns(
      Manifests manifests,
      Registry registry,
      SequenceClaims claims,
      GarbageCollector collector,
      RecoveryObjectivesMonitor monitor,
      Map<String, BackupInfo.State> states) {
    this.manifests = manifests;
    this.registry = registry;
    this.claims = claims;
    this.collector = collector;
    this.monitor = monitor;
    this.states = states;
  }

  @Override
  public BackupOutcome run(BackupPolicy policy, Instant scheduledFor) {
    synchronized (policyLocks.computeIfAbsent(policy.name(), n -> new Object())) {
      List<String> ids = new ArrayList<>();
      List<String> failures = new ArrayList<>();
      for (BackupSource source : registry.named(policy.sources())) {
        try {
          ids.add(backUp(policy, source));
        } catch (RuntimeException e) {
          LOG.warn(
              "policy {}: backup of {}/{} failed", policy.name(), source.scope(), source.name(), e);
          failures.add(source.scope() + "/" + source.name() + ": " + e.getMessage());
        }
      }
      if (!failures.isEmpty()) {
        return new BackupOutcome.Failed(
            "policy '" + policy.name() + "' published " + ids + "; failed: " + failures);
      }
      return new BackupOutcome.Completed(ids);
    }
  }

  private String backUp(BackupPolicy policy, BackupSource source) {
    BackupScope scope = source.scope();
    BackupType type = nextType(policy, scope, source.name());
    long sequence = claims.claim(scope);
    BackupResult result;
    try {
      result = manifests.engine().backup(source, type, OptionalLong.of(sequence));
    } finally {
      claims.release(scope, sequence);
    }
    BackupManifest manifest = result.manifest();
    VerifyReport report = manifests.engine().verifyWritten(result);
    if (report.ok()) {
      manifests.remember(manifest); // the stored manifest just parsed and hashed as this one
    }
    states.put(
        key(scope, manifest.backupId()),
        report.ok() ? BackupInfo.State.VERIFIED : BackupInfo.State.FAILED);
    monitor.recordRecoveryPoint(scope, source.name(), manifest.startedAt(), report.ok());
    applyRetention(policy, scope, source.name());
    return manifest.backupId();
  }

  /** Full for the policy's full runs, counting the incrementals since the newest full backup. */
  private BackupType nextType(BackupPolicy policy, BackupScope scope, String source) {
    if (policy.type() == BackupType.FULL) {
      return BackupType.FULL;
    }
    List<BackupManifest> all = manifests.of(scope, source);
    int sinceFull = 0;
    boolean anyFull = false;
    for (int i = all.size() - 1; i >= 0 && !anyFull; i--) {
      if (all.get(i).type() == BackupType.FULL) {
        anyFull = true;
      } else {
        sinceFull++;
      }
    }
    long run = anyFull ? sinceFull + 1L : 0L;
    return policy.isFullRun(run) ? BackupType.FULL : BackupType.INCREMENTAL;
  }

  private void applyRetention(BackupPolicy policy, BackupScope scope, String source) {
    List<BackupInfo> infos =
        manifests.of(scope, source).stream()
            .map(
                m ->
                    new BackupInfo(
                        m.backupId(),
                        m.startedAt(),
                        states.getOrDefault(key(scope, m.backupId()), BackupInfo.State.UNVERIFIED)))
            .toList();
    RetentionPlan plan = RetentionPlanner.plan(infos, policy.retention());
    if (plan.deleted().isEmpty()) {
      return;
    }
    collector.collect(scope, new HashSet<>(plan.deletedIds()));
    plan.deletedIds().forEach(id -> states.remove(key(scope, id)));
    truncateJournal(scope);
  }

  /**
   * Truncates the scope's journal before the oldest base that any registered source of the scope
   * still has. A source without a base needs no record: its first base will start at the journal's
   * next sequence, which is later than any bound computed here.
   */
  void truncateJournal(BackupScope scope) {
    long bound = Long.MAX_VALUE;
    for (BackupSource source : registry.inScope(scope)) {
      for (BackupManifest m : manifests.of(scope, source.name())) {
        if (m.journalSequence().isPresent()) {
          bound = Math.min(bound, m.journalSequence().getAsLong());
        }
      }
    }
    if (bound != Long.MAX_VALUE) {
      claims.truncateBefore(scope, bound);
    }
  }

  static String key(BackupScope scope, String backupId) {
    return scope.key() + "/" + backupId;
  }
}
