package dev.tdeveloper.compliance.controls;

import dev.tdeveloper.compliance.spi.EvidenceItem;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One control's evaluation: its status and the evidence that decided it. For ISO/IEC 27001 and
 * HIPAA controls, {@code via} names the SOC 2 criteria whose evidence counted through the catalog's
 * mappings. Immutable and thread-safe.
 *
 * @param control the control
 * @param status its status
 * @param evidence the items that decided it, by collector id
 * @param via the control ids the evidence was collected for: the control itself when a collector
 *     covers it directly, else the mapped SOC 2 criteria
 */
public record ControlResult(
    Control control, ControlStatus status, List<EvidenceItem> evidence, SortedSet<String> via) {
  /** Checks and copies the fields. */
  public ControlResult {
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(status, "status");
    evidence = List.copyOf(evidence);
    via = Collections.unmodifiableSortedSet(new TreeSet<>(via));
  }
}
