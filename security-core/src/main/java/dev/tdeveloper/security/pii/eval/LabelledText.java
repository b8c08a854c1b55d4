package dev.tdeveloper.security.pii.eval;

import java.util.List;
import java.util.Objects;

/**
 * A text and the spans of every entity in it (none for a hard negative). Immutable.
 *
 * @param text the text
 * @param spans the labelled spans, in order, within the text
 */
public record LabelledText(String text, List<LabelledSpan> spans) {
  /**
   * Validates and copies the spans.
   *
   * @throws IllegalArgumentException if a span lies outside the text
   */
  public LabelledText {
    Objects.requireNonNull(text, "text");
    spans = List.copyOf(spans);
    for (LabelledSpan span : spans) {
      if (span.end() > text.length()) {
        throw new IllegalArgumentException(
            "span " + span + " ends after the text of " + text.length() + " characters");
      }
    }
  }
}
