package dev.tdeveloper.compliance.controls;

import dev.tdeveloper.compliance.spi.EvidenceItem;
import dev.tdeveloper.compliance.spi.EvidencePeriod;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The evaluation of every control of one framework for one period: a result per control, in catalog
 * order, and every evidence item gathered, by collector id. Immutable and thread-safe.
 *
 * @param framework the framework evaluated
 * @param period the period the evidence covers
 * @param assessedAt when the evaluation ran
 * @param catalog the catalog's name and version, such as {@code tdeveloper-controls 2025.1}
 * @param results one result per control of the framework
 * @param evidence every item gathered, each once
 */
public record ControlAssessment(
    Framework framework,
    EvidencePeriod period,
    Instant assessedAt,
    String catalog,
    List<ControlResult> results,
    List<EvidenceItem> evidence) {
  /** Checks and copies the fields. */
  public ControlAssessment {
    Objects.requireNonNull(framework, "framework");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(assessedAt, "assessedAt");
    Objects.requireNonNull(catalog, "catalog");
    results = List.copyOf(results);
    evidence = List.copyOf(evidence);
  }

  /** Returns the result for control {@code id}, if it belongs to the framework. */
  public Optional<ControlResult> result(String id) {
    Objects.requireNonNull(id, "id");
    return results.stream().filter(r -> r.control().id().equals(id)).findFirst();
  }

  /** Returns how many controls have each status; every status is present, possibly with zero. */
  public Map<ControlStatus, Integer> counts() {
    EnumMap<ControlStatus, Integer> counts = new EnumMap<>(ControlStatus.class);
    for (ControlStatus s : ControlStatus.values()) {
      counts.put(s, 0);
    }
    for (ControlResult r : results) {
      counts.merge(r.status(), 1, Integer::sum);
    }
    return Collections.unmodifiableMap(counts);
  }
}
