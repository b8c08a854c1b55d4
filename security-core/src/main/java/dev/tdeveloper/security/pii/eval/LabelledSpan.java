package dev.tdeveloper.security.pii.eval;

import dev.tdeveloper.security.pii.PiiEntity;
import java.util.Objects;

/**
 * A span of a labelled text that holds an entity: the truth a detector is scored against.
 * Immutable.
 *
 * @param entity the entity
 * @param start the index of the first character
 * @param end the index after the last character (greater than {@code start})
 */
public record LabelledSpan(PiiEntity entity, int start, int end) {
  /**
   * Validates the span.
   *
   * @throws IllegalArgumentException if the span is empty or negative
   */
  public LabelledSpan {
    Objects.requireNonNull(entity, "entity");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException(
          "span must satisfy 0 <= start < end, was [" + start + ", " + end + ")");
    }
  }
}
