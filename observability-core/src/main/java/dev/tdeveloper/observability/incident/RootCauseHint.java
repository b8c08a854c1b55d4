package dev.tdeveloper.observability.incident;

import dev.tdeveloper.observability.alert.Alert;
import java.util.Objects;

/**
 * The alert of an {@link Incident} most likely to be its cause, with a sentence saying why: the
 * most upstream alert (by the {@link DependencyGraph}), the earliest among equally upstream ones. A
 * hint for the responder, not a verdict. Immutable and thread-safe.
 *
 * @param alert the suspected root-cause alert
 * @param explanation why it was picked, for a human
 */
public record RootCauseHint(Alert alert, String explanation) {
  /**
   * Validates the hint.
   *
   * @throws IllegalArgumentException if the explanation is blank
   */
  public RootCauseHint {
    Objects.requireNonNull(alert, "alert");
    Objects.requireNonNull(explanation, "explanation");
    if (explanation.isBlank()) {
      throw new IllegalArgumentException("root-cause hint: explanation is blank");
    }
  }
}
