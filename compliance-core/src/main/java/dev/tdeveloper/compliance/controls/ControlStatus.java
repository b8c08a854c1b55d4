package dev.tdeveloper.compliance.controls;

import dev.tdeveloper.compliance.spi.EvidenceStatus;
import java.util.Collection;

/** How a control stands after evaluation, decided from its evidence items. */
public enum ControlStatus {
  /** Evidence exists and every item passed. */
  SATISFIED,
  /** At least one evidence item failed: a deviation was found. It outranks {@link #ERROR}. */
  NOT_SATISFIED,
  /** No collector covers the control, so nothing was assessed. */
  NOT_ASSESSED,
  /** No item failed but at least one could not be gathered, so the control cannot be called met. */
  ERROR;

  /** Returns the status that items with these statuses give a control. */
  static ControlStatus of(Collection<EvidenceStatus> items) {
    if (items.isEmpty()) {
      return NOT_ASSESSED;
    }
    if (items.contains(EvidenceStatus.FAIL)) {
      return NOT_SATISFIED;
    }
    return items.contains(EvidenceStatus.ERROR) ? ERROR : SATISFIED;
  }
}
