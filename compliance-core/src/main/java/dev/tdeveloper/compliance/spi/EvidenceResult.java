package dev.tdeveloper.compliance.spi;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What evidence showed: a status, a one-line summary and structured facts (for a failure, the items
 * concerned, such as {@code tenant/acme -> "encryption at rest off"}). Facts are kept sorted by key
 * so the result has one canonical encoding. Immutable and thread-safe.
 *
 * @param status pass, fail or error
 * @param summary one line for a human, 1 to 2048 characters
 * @param facts at most {@value #MAX_FACTS} entries; keys 1 to 256 characters, values 1 to 2048
 */
public record EvidenceResult(
    EvidenceStatus status, String summary, SortedMap<String, String> facts) {
  /** The most facts a result may carry; collectors summarise the rest in one more fact. */
  public static final int MAX_FACTS = 1000;

  /**
   * Checks the fields and copies the facts.
   *
   * @throws IllegalArgumentException if a text is blank, too long or holds control characters, or
   *     there are more than {@value #MAX_FACTS} facts
   */
  public EvidenceResult {
    Objects.requireNonNull(status, "status");
    EvidenceFields.text("EvidenceResult", "summary", summary, 2048);
    Objects.requireNonNull(facts, "facts");
    if (facts.size() > MAX_FACTS) {
      throw new IllegalArgumentException(
          "EvidenceResult.facts has " + facts.size() + " entries; at most " + MAX_FACTS);
    }
    TreeMap<String, String> copy = new TreeMap<>();
    for (Map.Entry<String, String> e : facts.entrySet()) {
      EvidenceFields.text("EvidenceResult", "facts key", e.getKey(), 256);
      EvidenceFields.text("EvidenceResult", "facts['" + e.getKey() + "']", e.getValue(), 2048);
      copy.put(e.getKey(), e.getValue());
    }
    facts = Collections.unmodifiableSortedMap(copy);
  }

  /** Returns a passing result without facts. */
  public static EvidenceResult pass(String summary) {
    return new EvidenceResult(EvidenceStatus.PASS, summary, new TreeMap<>());
  }

  /** Returns a failing result with the facts that name what failed. */
  public static EvidenceResult fail(String summary, Map<String, String> facts) {
    return new EvidenceResult(EvidenceStatus.FAIL, summary, new TreeMap<>(facts));
  }

  /** Returns an error result: the evidence could not be gathered. */
  public static EvidenceResult error(String summary, Map<String, String> facts) {
    return new EvidenceResult(EvidenceStatus.ERROR, summary, new TreeMap<>(facts));
  }
}
