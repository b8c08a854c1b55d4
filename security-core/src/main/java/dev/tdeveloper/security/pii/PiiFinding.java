package dev.tdeveloper.security.pii;

import java.util.Objects;

/**
 * One piece of PII found in a text: its kind, the characters {@code [start, end)} it spans and a
 * confidence score. Immutable.
 *
 * @param entity the kind of PII
 * @param start the index of the first character
 * @param end the index after the last character (greater than {@code start})
 * @param score the confidence, 0 to 1, after context words raised or lowered it
 */
public record PiiFinding(PiiEntity entity, int start, int end, double score) {
  /**
   * Validates the finding.
   *
   * @throws NullPointerException if {@code entity} is null
   * @throws IllegalArgumentException if the span is empty or negative or the score is not in [0, 1]
   */
  public PiiFinding {
    Objects.requireNonNull(entity, "entity");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException(
          "span must satisfy 0 <= start < end, was [" + start + ", " + end + ")");
    }
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be 0 to 1, was " + score);
    }
  }

  /** Returns the number of characters spanned. */
  public int length() {
    return end - start;
  }

  /** Returns the spanned characters of {@code text} (the text this finding was found in). */
  public String textOf(CharSequence text) {
    return text.subSequence(start, end).toString();
  }
}
