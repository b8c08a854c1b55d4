package dev.tdeveloper.compliance.spi;

import java.util.Set;

/**
 * A source of control evidence: gathers one {@link EvidenceItem} for a period, for the controls it
 * names. Implementations must be thread-safe; they should report trouble as an item whose result is
 * {@link EvidenceStatus#ERROR} rather than throw, and the evaluator turns anything thrown into such
 * an item anyway, so one broken collector never stops an assessment.
 *
 * <p>Prove an implementation by extending {@code EvidenceCollectorContract} from
 * compliance-testkit.
 */
public interface EvidenceCollector {
  /**
   * Returns the collector's id: lower-case letters and digits separated by '.', '_' or '-', unique
   * among the collectors of one evaluator, and the {@link EvidenceItem#collectorId()} of its items.
   */
  String id();

  /**
   * Returns the ids of the controls this evidence supports, normally SOC 2 Trust Services Criteria
   * such as {@code CC6.1}; every id must be in the catalog the evaluator uses.
   */
  Set<String> controlIds();

  /**
   * Gathers the evidence for {@code period}.
   *
   * @param period the period to cover; the item's {@link EvidenceItem#period()} must equal it
   * @return the evidence, its hash set
   */
  EvidenceItem collect(EvidencePeriod period);
}
