package dev.tdeveloper.dr.service;

import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.ChangeJournal;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The journal sequences that running backups start from, per scope, so that truncating the journal
 * never drops a record a backup about to be published will need: a claim is taken together with the
 * journal's next sequence, and truncation reads the claims under the same lock. Thread-safe.
 */
final class SequenceClaims {
  private final ChangeJournal journal;
  private final Map<BackupScope, TreeMap<Long, Integer>> claims = new HashMap<>();

  SequenceClaims(ChangeJournal journal) {
    this.journal = journal;
  }

  /** Reads the scope's next sequence and claims it until {@link #release}. */
  synchronized long claim(BackupScope scope) {
    long next = journal.nextSequence(scope);
    claims.computeIfAbsent(scope, s -> new TreeMap<>()).merge(next, 1, Integer::sum);
    return next;
  }

  synchronized void release(BackupScope scope, long sequence) {
    TreeMap<Long, Integer> held = claims.get(scope);
    if (held != null && held.merge(sequence, -1, Integer::sum) == 0) {
      held.remove(sequence);
    }
  }

  /**
   * Truncates the scope's journal before {@code bound}, lowered to the oldest claim; returns the
   * sequence truncated before, if any.
   */
  synchronized OptionalLong truncateBefore(BackupScope scope, long bound) {
    TreeMap<Long, Integer> held = claims.get(scope);
    long before = held == null || held.isEmpty() ? bound : Math.min(bound, held.firstKey());
    if (before <= 0) {
      return OptionalLong.empty();
    }
    journal.truncateBefore(scope, before);
    return OptionalLong.of(before);
  }
}
