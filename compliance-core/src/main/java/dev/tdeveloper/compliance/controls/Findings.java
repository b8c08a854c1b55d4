package dev.tdeveloper.compliance.controls;

import dev.tdeveloper.compliance.spi.EvidenceResult;
import java.util.Map;
import java.util.TreeMap;

/**
 * The deviations and unreadable items one collection found, keyed by the item concerned (a tenant,
 * a backup set, a review scope). Only items with a problem are recorded, so the facts never name an
 * item that passed. A definite failure outranks an unreadable item: the result is FAIL if anything
 * failed, else ERROR if anything could not be read, else PASS. Not thread-safe.
 */
final class Findings {
  private final TreeMap<String, String> failed = new TreeMap<>();
  private final TreeMap<String, String> unreadable = new TreeMap<>();

  void fail(String key, String why) {
    failed.put(key, why);
  }

  void unreadable(String key, RuntimeException e) {
    unreadable.put(key, "could not be checked: " + CollectorSettings.describe(e));
  }

  EvidenceResult result(long population, String noun, String passSummary, String failVerb) {
    if (!failed.isEmpty()) {
      String summary = failed.size() + " of " + population + " " + noun + " " + failVerb;
      if (!unreadable.isEmpty()) {
        summary += "; " + unreadable.size() + " could not be checked";
      }
      return EvidenceResult.fail(summary, facts());
    }
    if (!unreadable.isEmpty()) {
      return EvidenceResult.error(
          unreadable.size() + " of " + population + " " + noun + " could not be checked", facts());
    }
    return EvidenceResult.pass(passSummary);
  }

  /** Failures first, then unreadable items, capped so the result stays within its fact limit. */
  private Map<String, String> facts() {
    TreeMap<String, String> all = new TreeMap<>();
    int room = EvidenceResult.MAX_FACTS - 1;
    int left = 0;
    for (Map<String, String> source : java.util.List.of(failed, unreadable)) {
      for (Map.Entry<String, String> e : source.entrySet()) {
        if (all.size() < room) {
          all.put(e.getKey(), e.getValue());
        } else {
          left++;
        }
      }
    }
    if (left > 0) {
      all.put("(more)", left + " further items not listed");
    }
    return all;
  }
}
